#!/usr/bin/env bash
# Installs what the editor tests need on a fresh Debian machine: Chromium (UI test), Neovim (second
# LSP client), the kerberos headers and ripgrep that code-server's native modules need, and
# code-server itself into .cache/code-server (git-ignored). Safe to run again: everything already
# present is reused. The steps for code-server follow ../shared/EDITOR-TESTING.md, because a plain
# `npm install code-server` fails on this network (its postinstalls download from GitHub).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CODE_SERVER_VERSION="4.100.3"
CACHE="$ROOT/.cache/code-server"
MARKER="$CACHE/.installed-$CODE_SERVER_VERSION"

log() { printf '[install-editors] %s\n' "$*"; }

# --- Debian packages -------------------------------------------------------------------------
need=()
for pkg in chromium neovim libkrb5-dev ripgrep; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    need+=("$pkg")
  fi
done
if ((${#need[@]})); then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { log "need root or sudo to install: ${need[*]}"; exit 1; }
    SUDO="sudo"
  fi
  log "apt-get install ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${need[@]}"
else
  log "Debian packages present: chromium neovim libkrb5-dev ripgrep"
fi

# --- code-server -----------------------------------------------------------------------------
if [ -f "$MARKER" ] && [ -x "$CACHE/node_modules/.bin/code-server" ]; then
  log "code-server $CODE_SERVER_VERSION present in .cache/code-server"
  exit 0
fi

log "installing code-server $CODE_SERVER_VERSION into .cache/code-server (takes a minute or two)"
rm -rf "$CACHE"
mkdir -p "$CACHE"
# A package.json of its own makes npm treat the cache as a separate project instead of the repo.
printf '{ "name": "jdlint-editor-cache", "private": true }\n' > "$CACHE/package.json"

# Root refuses lifecycle scripts without unsafe_perm; node-pty's postinstall calls npx, which must
# not prompt (CI has no stdin).
export npm_config_unsafe_perm=true
export npm_config_yes=true
export npm_config_fund=false
export npm_config_audit=false
export npm_config_update_notifier=false
# node-gyp downloads Node's headers from nodejs.org unless told where the installed ones are; the
# native modules (kerberos, node-pty, argon2, spdlog) build from source here.
if [ -z "${npm_config_nodedir:-}" ] && [ "$(npm config get nodedir 2>/dev/null)" = "undefined" ]; then
  node_prefix="$(dirname "$(dirname "$(node -p 'process.execPath')")")"
  if [ -f "$node_prefix/include/node/node.h" ]; then
    export npm_config_nodedir="$node_prefix"
  fi
fi

cd "$CACHE"
npm install --no-save --ignore-scripts --no-package-lock "code-server@$CODE_SERVER_VERSION"

VSCODE_DIR="$CACHE/node_modules/code-server/lib/vscode"
cd "$VSCODE_DIR"
npm install --omit=dev --ignore-scripts
# @vscode/ripgrep's postinstall downloads rg from GitHub and skips when bin/ exists; Debian's rg
# does the same job.
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm rebuild
cd "$CACHE"
npm rebuild

"$CACHE/node_modules/.bin/code-server" --version >/dev/null
touch "$MARKER"
log "code-server $("$CACHE/node_modules/.bin/code-server" --version | head -1) installed"
