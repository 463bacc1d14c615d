// A seeded generator of small histories for the differential test of the four enforcing layers
// (commit-msg, pre-push, pre-receive, `aitrail check`): commits whose messages are real declaration
// forms, by people and agents' identities, side branches merged back, files moved into protected paths.

import { readFileSync } from 'node:fs';
import { CLAUDE_COAUTHOR, CLAUDE_DECLARED, QWEN } from './enforce-repos.js';
import { generateMessage, prng } from './trailer-messages.js';

export interface Person {
  name: string;
  email: string;
}

/** One step of a history, played on the history's branch (or on its side branch). */
/** How `git commit` cleans the message: its `--cleanup=<mode>`, or `editor` (`-e` with an editor that keeps the file). */
export type Cleanup = 'default' | 'strip' | 'whitespace' | 'verbatim' | 'scissors' | 'editor';

export type Step =
  | { kind: 'commit'; message: string; author: Person; files: Record<string, string>; cleanup: Cleanup; committer?: Person; config: string[]; env?: Record<string, string> }
  /** A person's `git mv` of a file the history made into another path (lines that land elsewhere). */
  | { kind: 'move'; message: string; author: Person; from: string; to: string }
  /** Side-branch commits from the branch's tip, merged back with `message` (and `evil` files the merge itself adds). */
  /** `direct`: `git merge --no-ff -m` (its commit-msg run by git merge); else `--no-commit`, `evil` files added, `git commit`. */
  | { kind: 'merge'; message: string; author: Person; side: Step[]; evil: Record<string, string>; direct: boolean }
  /** A person's commit (hooks skipped) that loosens the work tree's `.aitrailrc.yml` to no policy at all. */
  | { kind: 'loosen' };

export interface History {
  seed: number;
  /** Index into POLICIES. */
  policy: number;
  steps: Step[];
}

/** The policies the histories are judged by (one server each, reused by every history). */
export const POLICIES: readonly string[] = [
  'policy:\n  deny: ["qwen/*"]\n  unknownModel: deny\n  undeclared: warn\n',
  'policy:\n  allow: ["anthropic/*", "openai/*"]\n  deny: ["qwen/*"]\n  unknownModel: warn\n  undeclared: deny\n',
  [
    'policy:',
    '  deny: ["qwen/*"]',
    '  unknownModel: allow',
    '  undeclared: deny',
    '  paths:',
    '    - files: ["src/crypto/**"]',
    '      allow: []',
    '    - files: ["src/api/**"]',
    '      allow: ["anthropic/*"]',
    '      requireTrailers: ["Reviewed-by"]',
    '',
  ].join('\n'),
  // Model ids that name no version (801, 815..3) under denies and allows of versions, negated and with a class.
  [
    'policy:',
    '  allow: ["anthropic/claude-*", "google/gemini-*pro", "google/gemini-*-flash", "openai/*"]',
    '  deny: ["google/gemini-2.5-flash", "anthropic/claude-opus-[5-9]*"]',
    '  unknownModel: warn',
    '  paths:',
    '    - files: ["src/api/**"]',
    '      allow: ["!anthropic/claude-sonnet-4.5"]',
    '',
  ].join('\n'),
];

const HUMAN: Person = { name: 'Test Human', email: 'human@example.com' };
const PEOPLE: readonly Person[] = [HUMAN, { name: 'Ada Person', email: 'ada@example.org' }, { name: 'Qwen Li', email: 'qwen.li@example.com' }];
/** Agents' own identities as commit authors. */
const AGENTS: readonly Person[] = [
  { name: 'Copilot', email: '198982749+Copilot@users.noreply.github.com' },
  { name: 'devin-ai-integration[bot]', email: '158243242+devin-ai-integration[bot]@users.noreply.github.com' },
  { name: 'google-labs-jules[bot]', email: '161369871+google-labs-jules[bot]@users.noreply.github.com' },
  { name: 'Jane Doe (aider)', email: 'jane@example.com' },
  { name: 'Qwen-Coder', email: 'qwen-coder@alibabacloud.com' },
];

/** Declaration lines: trailers, co-author lines, footers, under allowed, denied, unknown and no models. */
const DECLARATIONS: readonly string[] = [
  CLAUDE_DECLARED,
  CLAUDE_COAUTHOR,
  '🤖 Generated with [Claude Code](https://claude.com/claude-code)',
  'Assisted-by: codex:openai/gpt-5.2-codex',
  'Co-authored-by: Codex <noreply@openai.com>',
  'Assisted-by: gemini-cli:google/gemini-2.5-pro',
  'Assisted-by: qwen-code:qwen/qwen3-coder',
  QWEN,
  'Co-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>',
  'Generated-by: Qwen3-Coder',
  'AI-Model: qwen3-coder',
  'Assisted by: qwen-code:qwen/qwen3-coder',
  'Assisted-by: claude-code:anthropic/claude-opus-4.6, qwen3-coder:30b',
  'Assisted-by: aider:deepseek/deepseek-chat',
  'Assisted-by: claude-code:opus',
  'Co-authored-by: Claude Sonnet <noreply@anthropic.com>',
  'Assisted-by: gemini-cli:google/gemini-flash-latest',
  'Assisted-by: opencode:openrouter/~anthropic/claude-sonnet-latest',
  'Assisted-by: gemini-cli:google/gemini-pro',
  'Made-with: Cursor',
  'Co-authored-by: Cursor <cursoragent@cursor.com>',
  'Assisted-by: unknown:unknown',
  'Assisted-by: none',
  'Reviewed-by: Rita Reviewer <rita@example.com>',
  'Signed-off-by: Test Human <human@example.com>',
  'Co-authored-by: Ada Person <ada@example.org>',
  'Co-authored-by: Claude Opus 4.6 (1M context) <noreply@anthropic.com>',
  'Assisted-by: claude-code:anthropic/claude-opus-4.6, Qw\u0435n3-Coder',
  'Assisted\u2010by: qwen-code:qwen/qwen3-coder',
  'Assisted-by: Qwen',
  '; Assisted-by: qwen-code:qwen/qwen3-coder',
  '# Assisted-by: qwen-code:qwen/qwen3-coder',
];

const SUBJECTS: readonly string[] = ['fix: retry the fetch', 'feat(api): add the token route', 'refactor: split the parser', 'docs: explain the policy', 'Update README', 'chore: bump deps'];

interface CorpusEntry {
  message: string;
  author: Person;
}

let corpus: CorpusEntry[] | undefined;
/** The attribution corpus (test/fixtures/attribution-corpus.json): real messages with their authors. */
function corpusEntries(): CorpusEntry[] {
  corpus ??= (JSON.parse(readFileSync(new URL('../fixtures/attribution-corpus.json', import.meta.url), 'utf8')) as { entries: CorpusEntry[] }).entries;
  return corpus;
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

/** Git's own `merge --squash` message quoting one commit whose message declares `declaration`. */
function squashMessage(rand: () => number, declaration: string): string {
  const quoted = pick(rand, [...AGENTS, ...PEOPLE]);
  return [
    'Squashed commit of the following:',
    '',
    `commit ${'0123456789abcdef'.repeat(3).slice(0, 40)}`,
    `Author: ${quoted.name} <${quoted.email}>`,
    'Date:   Mon Nov 30 10:00:00 2026 +0000',
    '',
    `    ${pick(rand, SUBJECTS)}`,
    '',
    `    ${declaration}`,
    '',
  ].join('\n');
}

/** One commit message and its author: a corpus entry, a trailer-rule stress message, or a subject with declarations. */
function messageAndAuthor(rand: () => number): { message: string; author: Person } {
  const roll = rand();
  if (roll < 0.25) {
    const entry = pick(rand, corpusEntries());
    return { message: entry.message, author: rand() < 0.7 ? entry.author : pick(rand, PEOPLE) };
  }
  const author = rand() < 0.2 ? pick(rand, AGENTS) : pick(rand, PEOPLE);
  if (roll < 0.35) {
    const message = generateMessage(rand);
    // git refuses an empty message before any hook runs: give it a subject.
    return { message: message.trim() === '' ? `${pick(rand, SUBJECTS)}\n` : message, author };
  }
  if (roll < 0.45) return { message: squashMessage(rand, pick(rand, DECLARATIONS)), author };
  const declarations = Array.from({ length: Math.floor(rand() * 3) }, () => pick(rand, DECLARATIONS));
  const subject = pick(rand, SUBJECTS);
  const body = rand() < 0.5 ? '\n\nWhy: the old code dropped the last byte.' : '';
  const form = rand();
  if (declarations.length === 0) return { message: `${subject}${body}\n`, author };
  // Quoted in a code fence (a person documenting a trailer), inside the body, or the trailer block.
  if (form < 0.1) return { message: `${subject}\n\n\`\`\`\n${declarations.join('\n')}\n\`\`\`\n`, author };
  if (form < 0.25) return { message: `${subject}\n\n${declarations.join('\n')}\nand then some prose after it.\n`, author };
  return { message: `${subject}${body}\n\n${declarations.join('\n')}\n`, author };
}

/** Lines long enough for git blame's move and copy detection to follow them. */
function content(tag: string): string {
  return [
    `export function compute_${tag.replace(/\W/g, '_')}(input: string): string { return input.split("").reverse().join("") + "${tag}"; }`,
    `export const ROUNDS_FOR_${tag.replace(/\W/g, '_').toUpperCase()} = ${tag.length * 1000};`,
    `export function compareConstantTime_${tag.replace(/\W/g, '_')}(left: string, right: string): boolean { return left === right; }`,
    '',
  ].join('\n');
}

const PLACES = ['lib', 'lib', 'src/crypto', 'src/api', 'docs'];

/**
 * Lines of only blanks before the subject: `--cleanup=verbatim` (and `commit.cleanup=verbatim`) store
 * them, git's `%s` and `%(trailers)` skip them, `git interpret-trailers` on the message as given does not.
 */
const LEADS: readonly string[] = ['\n', '\n\n', ' \n\t\n', '\r\n', '\n\r\n'];

/** The history of `seed` (every file name carries the seed, so no two histories make the same commit). */
export function generateHistory(seed: number): History {
  const rand = prng(seed);
  // Leading blank lines and an agent's session drawn apart, so each seed's history is otherwise the one it always was.
  const extra = prng(seed * 7919 + 17);
  let made = 0;
  const files: string[] = [];
  const commit = (): Step => {
    const { message, author } = messageAndAuthor(rand);
    const count = 1 + Math.floor(rand() * 2);
    const changed: Record<string, string> = {};
    for (let index = 0; index < count; index++) {
      const reuse = files.length > 0 && rand() < 0.3;
      const path = reuse ? pick(rand, files) : `${pick(rand, PLACES)}/h${seed}-${++made}.ts`;
      if (!reuse) files.push(path);
      changed[path] = content(`${seed}-${++made}`);
    }
    const cleanup: Cleanup = rand() < 0.6 ? 'default' : pick(rand, ['strip', 'whitespace', 'verbatim', 'scissors', 'editor'] as const);
    const committer = rand() < 0.1 ? pick(rand, AGENTS) : undefined;
    const config = rand() < 0.8 ? [] : [pick(rand, ['core.commentChar=;', 'core.commentChar=auto', 'i18n.commitEncoding=ISO-8859-1', 'trailer.separators=:#'])];
    const lead = extra() < 0.3 ? pick(extra, LEADS) : '';
    const verbatim = lead !== '' && extra() < 0.7;
    // An agent's session (the hooks record its trailer): most often where the blank lines are.
    const agent = extra() < (lead === '' ? 0.15 : 0.7);
    const kept = verbatim ? (extra() < 0.5 ? { cleanup: 'verbatim' as const, config } : { cleanup: 'default' as const, config: [...config, 'commit.cleanup=verbatim'] }) : { cleanup, config };
    return { kind: 'commit', message: lead + message, author, files: changed, ...kept, ...(committer ? { committer } : {}), ...(agent ? { env: { CLAUDECODE: '1' } } : {}) };
  };
  const policy = Math.floor(rand() * POLICIES.length);
  const steps: Step[] = [];
  const length = 1 + Math.floor(rand() * 4);
  for (let index = 0; index < length; index++) {
    const roll = rand();
    const movable = files.filter((path) => !path.startsWith('src/crypto/'));
    if (roll < (policy === 2 ? 0.3 : 0.1) && movable.length > 0) {
      const from = pick(rand, movable);
      const to = `src/crypto/moved-h${seed}-${++made}.ts`;
      files.splice(files.indexOf(from), 1, to);
      steps.push({ kind: 'move', message: 'refactor: move it to crypto\n', author: pick(rand, PEOPLE), from, to });
    } else if (roll < 0.35) {
      const side = Array.from({ length: 1 + Math.floor(rand() * 2) }, commit);
      const { message, author } = rand() < 0.6 ? { message: `Merge branch 'side-${seed}'\n`, author: pick(rand, PEOPLE) } : messageAndAuthor(rand);
      const evil: Record<string, string> = rand() < 0.3 ? { [`${pick(rand, PLACES)}/merge-h${seed}-${++made}.ts`]: content(`merge-${seed}`) } : {};
      const direct = Object.keys(evil).length === 0 && rand() < 0.5;
      steps.push({ kind: 'merge', message, author, side, evil, direct });
    } else if (roll < 0.4 && !steps.some((step) => step.kind === 'loosen')) {
      steps.push({ kind: 'loosen' });
    } else {
      steps.push(commit());
    }
  }
  return { seed, policy, steps };
}

/** One error as a layer names it: the commit (12 hex digits; empty for the commit being made), the rule and the model. */
export interface NamedError {
  sha: string;
  rule: string;
  model: string;
}

/** The errors a hook's or `check`'s text output names (`error   <sha> "<subject>"`, then `rule:` and `model:` lines; git's `remote: ` prefix dropped). */
export function namedErrors(text: string): NamedError[] {
  const lines = text.split('\n').map((line) => line.replace(/^remote: /, '').replace(/\s+$/, ''));
  const found: NamedError[] = [];
  lines.forEach((line, at) => {
    const head = /^error {3}(?:([0-9a-f]{12}) |the commit being made)/.exec(line);
    if (!head) return;
    const rule = /^ {2}rule: {2}(\S+)/.exec(lines[at + 1] ?? '')?.[1] ?? '?';
    const model = /^ {2}model: (\S+)/.exec(lines[at + 2] ?? '')?.[1] ?? '?';
    found.push({ sha: head[1] ?? '', rule, model });
  });
  return found;
}

/** `rule model` of each error, sorted and without repeats: what two layers must agree on. */
export function errorKeys(errors: readonly { rule: string; model: string }[]): string[] {
  return [...new Set(errors.map((error) => `${error.rule} ${error.model}`))].sort();
}
