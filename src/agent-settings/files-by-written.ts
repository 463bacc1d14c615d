import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Names listed in one directory of an agent's session files; past these, the rest is not looked at. */
export const MAX_LISTED = 4096;

/** A session file found by {@link filesByWritten}: its path and when it was last written (ms since the epoch). */
export interface WrittenFile {
  path: string;
  written: number;
}

/**
 * The regular files (a link is not one) of `dirs` whose names `named` accepts, each with the time it
 * was last written, the most recently written first (the same time: by path): at most
 * the last {@link MAX_LISTED} accepted names (sorted) of a directory; a directory that cannot be listed, or a file gone
 * since, gives none. How the agents' session readers find the newest recordings, rollouts and
 * subagent transcripts.
 */
export function filesByWritten(dirs: Iterable<string>, named: (name: string) => boolean): WrittenFile[] {
  const files: WrittenFile[] = [];
  for (const dir of dirs) {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    // The names come sorted (libuv's scandir); the bound keeps the last MAX_LISTED of those `named` accepts: for dated names
    // (Gemini CLI's `session-<date>…`, Codex's `rollout-<date>…`) the newest. The first MAX_LISTED of every name were the
    // oldest, and other names spent the bound: past them the newest session's model was not read (row 1222).
    for (const entry of entries.filter((each) => each.isFile() && named(each.name)).slice(-MAX_LISTED)) {
      const path = join(dir, entry.name);
      try {
        files.push({ path, written: statSync(path).mtimeMs });
      } catch {
        // Gone since it was listed.
      }
    }
  }
  return files.sort((a, b) => b.written - a.written || (a.path < b.path ? -1 : 1));
}
