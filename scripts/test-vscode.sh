#!/usr/bin/env bash
# End-to-end suite in a real VS Code: test/integration (mocha + `vscode` API) runs in code-server's Node
# extension host, with the workbench driven by headless Debian chromium. Installs its toolchain into
# ${AVV_E2E_CACHE:-$HOME/.cache/avv-e2e} when missing (see scripts/e2e-env.sh), starts code-server on
# 127.0.0.1 with a throwaway profile, stops everything it started, and exits with the suite's result.
#
# usage: scripts/test-vscode.sh              run the integration suite (needs `npm run build` first)
#        scripts/test-vscode.sh --install    only install the toolchain
#        scripts/test-vscode.sh --ui-check   run scripts/ui-check.mjs (screenshots into out/screenshots/)
# env:   AVV_E2E_CACHE, AVV_E2E_GREP (mocha grep), AVV_E2E_TIMEOUT (s), AVV_E2E_KEEP=1 (keep logs),
#        AVV_E2E_FROM=vsix (default: package the .vsix and run the suite against the extension unpacked from it,
#        as a user installs it) or repo (run the extension from the repository)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/e2e-env.sh
source "$ROOT/scripts/e2e-env.sh"
MODE=${1:-test}
START=$SECONDS

e2e_chromium
e2e_node24
e2e_playwright
e2e_code_server
e2e_log "toolchain ready in $((SECONDS - START))s"
[ "$MODE" = --install ] && exit 0

for bundle in dist/client.js dist/server.js; do
  [ -f "$ROOT/$bundle" ] || e2e_die "$bundle is missing: run \`npm run build\` first"
done
# the suite has its own tsconfig (types vscode + mocha); it is not part of `tsc -b`
node "$ROOT/node_modules/typescript/bin/tsc" -p "$ROOT/test/integration/tsconfig.json" || e2e_die "test/integration does not compile"

trap e2e_stop_code_server EXIT
trap 'exit 130' INT TERM
export AVV_E2E_MARK='[avv-e2e] '   # the ext host inherits it; must equal REPORT_MARK in scripts/vscode-runner.mjs
e2e_start_code_server
export AVV_E2E_CONSOLE_LOG=$E2E_RUN/console.log
# the extension under test: by default the packaged .vsix, unpacked as VS Code installs it (catches files the
# package lacks, e.g. a stylesheet the preview loads); AVV_E2E_FROM=repo runs the repository itself
EXT=$ROOT
if [ "${AVV_E2E_FROM:-vsix}" = vsix ] && [ "$MODE" != --ui-check ]; then
  (cd "$ROOT" && npm run --silent package >/dev/null) || e2e_die "npm run package failed"
  EXT=$E2E_RUN/extension
  node "$ROOT/scripts/unpack-vsix.mjs" "$ROOT/out/avv-studio.vsix" "$EXT" >&2 || e2e_die "cannot unpack the .vsix"
  e2e_log "testing the packaged extension unpacked at $EXT"
fi
set +e
if [ "$MODE" = --ui-check ]; then
  # the UI check types into the contract: give it a copy, never the repository's fixture
  mkdir -p "$E2E_RUN/ws" && cp "$ROOT/test/fixtures/contracts/crlf-ziffer.avv.md" "$E2E_RUN/ws/"
  node "$ROOT/scripts/ui-check.mjs" "$E2E_BASE" "$E2E_RUN/ws" "$ROOT"
else
  # the ext host inherits code-server's environment, so AVV_E2E_GREP reaches mocha
  node "$ROOT/scripts/vscode-runner.mjs" "$E2E_BASE" "$ROOT/test/fixtures" "$EXT" "$ROOT/out/integration/index.js"
fi
RC=$?
set -e
if [ $RC -ne 0 ]; then
  e2e_log "FAILED (exit $RC); code-server log tail:"
  tail -n 30 "$E2E_RUN/server.log" >&2 || true
  e2e_log "full logs kept in $E2E_RUN"
  AVV_E2E_KEEP=1
fi
e2e_log "done in $((SECONDS - START))s, exit $RC"
exit $RC
