import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runGit, runGitRaw } from '../git/exec.js';
import { removeFileIfThere } from '../io/remove-file.js';

/** The names git (iconv) knows ISO-8859-1 by: one byte a character, that character's code point (a byte-for-byte latin1 reading is its text exactly). */
const LATIN1 = /^(iso[-_]?8859-1|iso8859-1|iso[-_]ir-100|latin-?1|l1|cp819|ibm819)$/i;

/** `Name <email> <epoch> <zone>` of a commit header line. */
const IDENT = /^(.*) <([^<>\n]*)> (\d+ [+-]\d{4})$/;

/** HEAD as stored, when aitrail can amend it exactly: its message, its author and committer lines split, the encoding it declares. */
export interface HeadCommit {
  message: string;
  author: [name: string, email: string, date: string];
  committer: [name: string, email: string, date: string];
  /** The `encoding` header, when there is one. */
  encoding: string | undefined;
  /** How `message` maps to the stored bytes: UTF-8, or one character a byte for ISO-8859-1 (its text exactly). */
  bytes: BufferEncoding;
  /** True when HEAD carries a signature (`gpgsig`, `gpgsig-sha256`): aitrail never strips one, and never signs in the person's name. */
  signed: boolean;
}

/**
 * HEAD (or the commit `rev` names) as stored (`git cat-file commit`), when an amend can give back
 * every byte but the trailer added: one parent, no header aitrail would lose (`mergetag`, a continued header line), header
 * UTF-8 (an ident of other bytes could not pass through the environment), the message UTF-8 or
 * ISO-8859-1 as its `encoding` header says (another encoding is not read here: a byte-for-byte
 * reading would not be its text). A signed HEAD is returned with `signed` set: the caller leaves it.
 * `undefined` when anything is unusual.
 */
export async function readHeadCommit(cwd: string, env: NodeJS.ProcessEnv, rev = 'HEAD'): Promise<HeadCommit | undefined> {
  const raw = await runGitRaw(['cat-file', 'commit', rev], { cwd, env, asStored: true });
  const split = raw.indexOf('\n\n');
  if (split < 0) return undefined;
  const head = raw.subarray(0, split);
  const body = raw.subarray(split + 2);
  const headerText = head.toString('utf8');
  if (!Buffer.from(headerText, 'utf8').equals(head)) return undefined;
  const headers = headerText.split('\n');
  const field = (name: string) => headers.filter((line) => line.startsWith(`${name} `)).map((line) => line.slice(name.length + 1));
  const signed = headers.some((line) => /^gpgsig(-sha256)? /.test(line));
  if (field('parent').length !== 1 || headers.some((line) => line.startsWith('mergetag ') || (line.startsWith(' ') && !signed))) return undefined;
  const encoding = field('encoding')[0];
  const bytes: BufferEncoding | undefined = encoding === undefined || /^utf-?8$/i.test(encoding) ? 'utf8' : LATIN1.test(encoding) ? 'latin1' : undefined;
  if (bytes === undefined) return undefined;
  const message = body.toString(bytes);
  if (!Buffer.from(message, bytes).equals(body)) return undefined;
  const author = IDENT.exec(field('author')[0] ?? '');
  const committer = IDENT.exec(field('committer')[0] ?? '');
  if (!author || !committer) return undefined;
  const [, authorName = '', authorEmail = '', authorDate = ''] = author;
  const [, committerName = '', committerEmail = '', committerDate = ''] = committer;
  return { message, bytes, author: [authorName, authorEmail, authorDate], committer: [committerName, committerEmail, committerDate], encoding, signed };
}

/**
 * Amends unsigned HEAD to `message`: same tree (`--only`: nothing staged goes in), parent, author,
 * committer and dates, the message verbatim, no hook run (core.hooksPath=/dev/null), never signed
 * (HEAD was not). git copies any git-ai note (notes.rewriteRef: git's post-rewrite step, its hook not run) to the new commit.
 */
export async function amendHeadMessage(cwd: string, gitDir: string, env: NodeJS.ProcessEnv, head: HeadCommit, message: string): Promise<void> {
  mkdirSync(join(gitDir, 'aitrail'), { recursive: true });
  const file = join(gitDir, 'aitrail', 'carried-message');
  writeFileSync(file, Buffer.from(message, head.bytes));
  const [authorName, authorEmail, authorDate] = head.author;
  const [committerName, committerEmail, committerDate] = head.committer;
  try {
    await runGitRaw(['-c', 'core.hooksPath=/dev/null', ...(head.encoding ? ['-c', `i18n.commitEncoding=${head.encoding}`] : []), 'commit', '--amend', '--only', '-q', '--no-verify', '--allow-empty', '--no-gpg-sign', '--cleanup=verbatim', '-F', file], {
      cwd,
      env: { ...env, GIT_AUTHOR_NAME: authorName, GIT_AUTHOR_EMAIL: authorEmail, GIT_AUTHOR_DATE: `@${authorDate}`, GIT_COMMITTER_NAME: committerName, GIT_COMMITTER_EMAIL: committerEmail, GIT_COMMITTER_DATE: `@${committerDate}`, GIT_EDITOR: ':' },
    });
  } finally {
    // Any name left in <git dir>/aitrail that the shims do not know starts node for every later commit.
    removeFileIfThere(file);
  }
}

/** The commit id HEAD names. */
export async function headId(cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return (await runGit(['rev-parse', '--verify', '-q', 'HEAD^{commit}'], { cwd, env })).trim();
}
