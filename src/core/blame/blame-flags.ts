/**
 * Split the arguments yargs could not place (they arrive as positionals before `--`) into git's
 * own `-w`, `-M[<n>]`, `-C[<n>]` flags and paths. Grammar, as git parses them: a cluster such as
 * `-wCC50` is `-w -C -C50`; a score is only ever attached (`-C 50` is `-C` then path `50`).
 * Anything else starting with `-` is unknown.
 */
export function splitBlameFlags(tokens: readonly string[]): { flags: string[]; paths: string[]; unknown: string[] } {
  const flags: string[] = [];
  const paths: string[] = [];
  const unknown: string[] = [];
  for (const token of tokens) {
    if (!token.startsWith('-') || token === '-') {
      if (token === '-') unknown.push(token);
      else paths.push(token);
      continue;
    }
    const cluster = /^-((?:[wMC])*)([MC]\d+)?$/.exec(token);
    if (!cluster || token.startsWith('--')) {
      unknown.push(token);
      continue;
    }
    for (const letter of cluster[1]!) flags.push(`-${letter}`);
    if (cluster[2]) flags.push(`-${cluster[2]}`);
  }
  return { flags, paths, unknown };
}
