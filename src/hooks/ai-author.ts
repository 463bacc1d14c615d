import { mkdirSync, readFileSync } from 'node:fs';
import { rewriteFile } from '../io/rewrite-file.js';
import { dirname, join } from 'node:path';
import { AI_AUTHOR } from '../core/checkpoint/store-layout.js';

/**
 * The author git exported to the message hooks, as the prepare-commit-msg shim compares it (one
 * field a line: GIT_AUTHOR_NAME, GIT_AUTHOR_EMAIL, GIT_AUTHOR_DATE); `undefined` when git exported
 * no such author (a merge) or a field holds a line break.
 */
export function aiAuthorText(env: NodeJS.ProcessEnv): string | undefined {
  const fields = [env.GIT_AUTHOR_NAME, env.GIT_AUTHOR_EMAIL, env.GIT_AUTHOR_DATE];
  if (fields.some((field) => field === undefined || /[\n\r\0]/.test(field))) return undefined;
  return `${fields.join('\n')}\n`;
}

/** How many authors AI_AUTHOR keeps: a commit refused or abandoned after node saw it must not make HEAD's forgotten. */
const KEPT = 8;

/**
 * Remembers the author of a commit node found a model in (AI_AUTHOR in the worktree's git dir, the
 * latest first, KEPT at most): an amend of it keeps that author, and the shim then starts node,
 * which carries the models (amended-attributions.ts). Best effort: without it, a later
 * `--amend -m` goes the fast path.
 */
export function rememberAiAuthor(gitDir: string, env: NodeJS.ProcessEnv): void {
  const text = aiAuthorText(env);
  if (text === undefined) return;
  try {
    const path = join(gitDir, AI_AUTHOR);
    let kept: string[] = [];
    try {
      const lines = readFileSync(path, 'utf8').split('\n');
      for (let at = 0; at + 2 < lines.length; at += 3) kept.push(`${lines.slice(at, at + 3).join('\n')}\n`);
    } catch {
      kept = [];
    }
    const records = [text, ...kept.filter((record) => record !== text)].slice(0, KEPT);
    mkdirSync(dirname(path), { recursive: true });
    rewriteFile(path, records.join(''));
  } catch {
    // A git dir aitrail cannot write to: the amend gate falls back to the fast path.
  }
}
