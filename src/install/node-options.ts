/**
 * NODE_OPTIONS loads code into every node that starts: yarn 2+'s `yarn run`/`yarn exec` (PnP) sets
 * `--require <top>/.pnp.cjs --experimental-loader <top>/.pnp.loader.mjs`, a file a zero-install repository
 * commits, and an agent loading a committed .env hands its NODE_OPTIONS to the hooks. Kept only when every
 * word is one of a few flags that load nothing (the V8 heap and stack sizes, CA choice, warnings, source maps,
 * dns order: the separate code cache of s43a); anything else, a quote or an escape: unset for aitrail.
 * OpenSSL reads OPENSSL_CONF when node starts and loads the engines and providers it names: a shared object's
 * code then runs inside aitrail (a committed config and .so, named by a committed .env an agent loads; row 762).
 * aitrail makes no connection and needs no OpenSSL configuration: none reaches its node.
 * Node reads a few more names at start that load or write files they name, none of which aitrail needs: NODE_ICU_DATA
 * (ICU loads a data file found there before its own: a crafted nfkc.nrm crashed node 20's NFKC, which reads model
 * names), NODE_COMPILE_CACHE (node 22.1+: V8 code for bin/aitrail.js from an entry checked only by a CRC32 of the
 * source), NODE_PATH (a module aitrail lacks), NODE_V8_COVERAGE and NODE_REDIRECT_WARNINGS (files written where they
 * say): unset too (row 789).
 * The git-mode shims' lines (clientLookup in shim-source.ts) and husky mode's block (husky-block.ts) both run them
 * just before aitrail starts.
 */
export function nodeOptionsLines(): string[] {
  return [
    'if [ -n "${NODE_OPTIONS-}" ]; then',
    '  aitrail_no=',
    // Split by space, tab and newline whatever IFS the lines before left (row 778: the whole, one word, read as a heap size).
    '  aitrail_ni=$IFS',
    "  IFS=' \t",
    "'",
    '  set -f',
    '  for aitrail_w in $NODE_OPTIONS; do',
    "    case $aitrail_w in *[\\\\\\\"\\']*) aitrail_no=1 ;; --max-old-space-size=[0-9]*|--max-semi-space-size=[0-9]*|--stack-size=[0-9]*|--use-openssl-ca|--use-bundled-ca|--no-warnings|--no-deprecation|--enable-source-maps|--dns-result-order=ipv4first|--dns-result-order=verbatim) ;; *) aitrail_no=1 ;; esac",
    '  done',
    '  set +f',
    '  IFS=$aitrail_ni',
    '  [ -n "$aitrail_no" ] && unset NODE_OPTIONS',
    'fi',
    'unset OPENSSL_CONF OPENSSL_ENGINES OPENSSL_MODULES NODE_ICU_DATA NODE_COMPILE_CACHE NODE_PATH NODE_V8_COVERAGE NODE_REDIRECT_WARNINGS',
  ];
}
