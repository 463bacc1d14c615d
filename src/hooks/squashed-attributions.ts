import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cachedIn, loadConfig } from '../config/load.js';
import { detectOptionsOf } from '../config/defaults.js';
import { declaresUnder } from '../core/amend.js';
import { editedFoldStep, foldChainStart, foldContinues, foldedCommits, REBASE_DONE, REBASE_FIXUPS } from '../core/checkpoint/store-layout.js';
import { commitSignals } from '../core/commit-signals.js';
import { detectCommit } from '../core/detect.js';
import { recordTrailers } from '../core/record-trailers.js';
import type { Attribution } from '../core/types.js';
import { runGitRaw } from '../git/exec.js';
import { streamCommits } from '../git/log.js';
import { commentCharFor, trailerCommentChar } from './comment-char.js';
import { inRebase } from './in-rebase.js';

/** `Name <email> <epoch> <zone>` of a commit header line. */
const IDENT = /^(.*) <([^<>\n]*)> (\d+ [+-]\d{4})$/;

/**
 * post-commit of the last step of a rebase's fold chain whose message git let the person edit
 * (`squash`, `fixup -c`, `fixup -C`): git runs prepare-commit-msg (which records what the folded
 * commits declared) before its editor, then no commit-msg hook (the sequencer commits with
 * --no-verify), so a person who deletes the trailer lines there makes the squashed commit read as
 * theirs. When HEAD's message lacks models the chain's commits declared (the commit it started
 * from, the folded ones in `current-fixups`) and does not declare under the trailer key itself
 * (`Assisted-by: none`: the person's word, as for a reword, row 326), HEAD is amended with them
 * recorded as prepare-commit-msg records: same author, dates, committer and message bytes, the
 * trailer added; no hook runs (core.hooksPath=/dev/null), git itself carries the notes
 * (notes.rewriteRef) and the rebase goes on from the amended commit. Anything unusual (a signed or
 * merge commit, a message not UTF-8, a failed read) leaves HEAD as it is. Returns whether it amended.
 */
export async function carrySquashedAttributions(cwd: string, gitDir: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  if (!inRebase(env)) return false;
  let done: string, fixups: string, todo: string;
  try {
    done = readFileSync(join(gitDir, REBASE_DONE), 'utf8');
    if (!editedFoldStep(done)) return false;
    fixups = readFileSync(join(gitDir, REBASE_FIXUPS), 'utf8');
    todo = readFileSync(join(gitDir, 'rebase-merge/git-rebase-todo'), 'utf8');
  } catch {
    return false;
  }
  if (foldContinues(todo)) return false;
  const raw = await runGitRaw(['cat-file', 'commit', 'HEAD'], { cwd, env, asStored: true });
  const split = raw.indexOf('\n\n');
  if (split < 0) return false;
  const headers = raw.subarray(0, split).toString('utf8').split('\n');
  const body = raw.subarray(split + 2);
  const message = body.toString('utf8');
  if (!Buffer.from(message, 'utf8').equals(body)) return false;
  const field = (name: string) => headers.filter((line) => line.startsWith(`${name} `)).map((line) => line.slice(name.length + 1));
  if (field('parent').length !== 1 || headers.some((line) => /^(gpgsig|gpgsig-sha256|mergetag) /.test(line) || line.startsWith(' '))) return false;
  const encoding = field('encoding')[0];
  if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) return false;
  const author = IDENT.exec(field('author')[0] ?? '');
  const committer = IDENT.exec(field('committer')[0] ?? '');
  if (!author || !committer) return false;

  const { config } = await loadConfig(cwd, cachedIn({ gitDir, bare: false }));
  const options = detectOptionsOf(config);
  const commentChar = commentCharFor(cwd, message, { gitDir, env });
  if (declaresUnder(message, options.trailerKey, commentChar)) return false;
  const start = foldChainStart(done);
  const chain: Attribution[] = [];
  let head: Attribution[] | undefined;
  for await (const commit of streamCommits(cwd, ['HEAD', ...(start ? [start] : []), ...foldedCommits(fixups)], { extra: ['--no-walk=unsorted'], whole: true })) {
    const found = detectCommit(commitSignals(commit), options);
    if (head === undefined) head = found;
    else chain.push(...found);
  }
  const known = new Set((head ?? []).map((attribution) => `${attribution.agent}\0${attribution.model}`));
  const missing = chain.filter((attribution) => !known.has(`${attribution.agent}\0${attribution.model}`));
  if (missing.length === 0) return false;
  const trailerChar = trailerCommentChar(cwd, commentChar, env, message);
  const updated = recordTrailers(message, missing, options.trailerKey, commentChar, { editorOpens: false, trailerChar });
  if (updated === message) return false;
  mkdirSync(join(gitDir, 'aitrail'), { recursive: true });
  const file = join(gitDir, 'aitrail', 'squash-message');
  writeFileSync(file, updated);
  const [, authorName = '', authorEmail = '', authorDate = ''] = author;
  const [, committerName = '', committerEmail = '', committerDate = ''] = committer;
  await runGitRaw(['-c', 'core.hooksPath=/dev/null', ...(encoding ? ['-c', `i18n.commitEncoding=${encoding}`] : []), 'commit', '--amend', '--only', '-q', '--no-verify', '--allow-empty', '--no-gpg-sign', '--cleanup=verbatim', '-F', file], {
    cwd,
    env: { ...env, GIT_AUTHOR_NAME: authorName, GIT_AUTHOR_EMAIL: authorEmail, GIT_AUTHOR_DATE: `@${authorDate}`, GIT_COMMITTER_NAME: committerName, GIT_COMMITTER_EMAIL: committerEmail, GIT_COMMITTER_DATE: `@${committerDate}`, GIT_EDITOR: ':' },
  });
  return true;
}
