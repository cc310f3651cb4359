#!/usr/bin/env bash
# Installs code-server (a real VS Code that runs on Node and shows its workbench in a browser) from the npm registry into
# a cache folder outside the repository, for the end-to-end tests. Its own postinstall step downloads ripgrep from the
# internet, so the steps are run here by hand, with Debian's ripgrep in its place. Reuses a finished install.
#
#   test/e2e/install-code-server.sh [cache-folder]     (default: ${XDG_CACHE_HOME:-~/.cache}/citewise-e2e)
set -euo pipefail

version=4.100.3
cache=${1:-${CITEWISE_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/citewise-e2e}}
target="$cache/code-server-$version"
if [ -f "$target/.complete" ]; then
  echo "$target/node_modules/.bin/code-server"
  exit 0
fi

if ! command -v rg >/dev/null || ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium ripgrep libkrb5-dev >&2
  else
    echo "The end-to-end tests need Chromium and ripgrep. Install them with:" >&2
    echo "  sudo apt-get install chromium ripgrep libkrb5-dev" >&2
    exit 1
  fi
fi

rm -rf "$target"
mkdir -p "$target"
cd "$target"
echo '{ "name": "citewise-e2e-code-server", "private": true }' > package.json
# node-pty builds with `npx node-gyp`, which must not stop to ask.
export npm_config_yes=true
npm install --ignore-scripts --no-audit --no-fund "code-server@$version" >&2
npm rebuild argon2 >&2
cd node_modules/code-server/lib/vscode
npm install --omit=dev --ignore-scripts --no-audit --no-fund >&2
ripgrep_bin=node_modules/@vscode/ripgrep/bin
mkdir -p "$ripgrep_bin"
[ -e "$ripgrep_bin/rg" ] || cp "$(command -v rg)" "$ripgrep_bin/rg"
npm rebuild --foreground-scripts > "$target/native-build.log" 2>&1 || { tail -30 "$target/native-build.log" >&2; exit 1; }
# The links code-server's own postinstall would make.
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev --no-audit --no-fund >&2)
touch "$target/.complete"
echo "$target/node_modules/.bin/code-server"
