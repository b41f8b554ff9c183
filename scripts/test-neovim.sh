#!/usr/bin/env bash
# A second, independent LSP client: Debian's Neovim (0.7) runs test/neovim/lsp_check.lua against
# `node dist/server.js --stdio` (diagnostics, hover, completion). Installs neovim when missing (apt);
# needs `npm run build` first. Exit code 0 only when every check passed.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/e2e-env.sh
source "$ROOT/scripts/e2e-env.sh"
command -v nvim >/dev/null || e2e_apt neovim
command -v nvim >/dev/null || e2e_die "nvim missing after install"
[ -f "$ROOT/dist/server.js" ] || e2e_die "dist/server.js is missing: run \`npm run build\` first"
HOME_TMP=$(mktemp -d "${TMPDIR:-/tmp}/avv-nvim.XXXXXX")
trap 'rm -rf "$HOME_TMP"' EXIT
# throwaway HOME/XDG dirs: no user config, no shada, no state left behind
HOME=$HOME_TMP XDG_CONFIG_HOME=$HOME_TMP/config XDG_DATA_HOME=$HOME_TMP/data XDG_STATE_HOME=$HOME_TMP/state \
XDG_CACHE_HOME=$HOME_TMP/cache AVV_ROOT=$ROOT \
  timeout 120 nvim --headless --clean -n -i NONE -c "luafile $ROOT/test/neovim/lsp_check.lua"
