/**
 * Split the arguments yargs could not place (they arrive as positionals before `--`) into git's
 * own `-w`, `-M[<n>]`, `-C[<n>]` flags and paths, with git's short-option grammar: `-w` takes no
 * argument, so a cluster goes on after it (`-wC` is `-w -C`); `-M` and `-C` take an optional
 * argument, so the rest of the cluster is their score (`-C50`). git reads a score that is not all
 * digits as no score: `-CC` is ONE `-C` (use `-C -C` to repeat it) and `-Cw` is `-C` without `-w`.
 * A score is only ever attached (`-C 50` is `-C` then path `50`). Anything else starting with
 * `-` is unknown.
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
    const cluster = /^-(w*)(?:([MC])([wMC\d]*))?$/.exec(token);
    if (!cluster || token.startsWith('--')) {
      unknown.push(token);
      continue;
    }
    const [, ws, letter, score] = cluster;
    for (let index = 0; index < ws!.length; index++) flags.push('-w');
    if (letter) flags.push(/^\d+$/.test(score!) ? `-${letter}${score}` : `-${letter}`);
  }
  return { flags, paths, unknown };
}
