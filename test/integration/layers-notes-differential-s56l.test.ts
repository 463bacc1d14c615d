// Session 56 helper l (no row: no layer disagreed): the layer differential (enforce-layers-differential-s36g) generated
// only message shapes; the shapes added since (git-ai notes naming a denied model on some lines,
// malformed notes of rows 1158/1185, notes pushed in a push of their own, a person's commit re-making a
// refused change (the twin search, rows 1164-1169 and s56c-*), merges with footers, path rules,
// `unknownModel: deny`, agents' co-author lines with and without a model) were judged by each layer's
// own tests only. This second, seeded differential makes them through `aitrail init`'s hooks (a commit
// commit-msg refuses made again with --no-verify), judges each history by a direct pre-push run, pushes
// it with --no-verify to a real bare server running pre-receive (its notes beside it or in a push of
// their own), and runs `aitrail check main..<branch>`. The property: a commit a layer refuses, every
// later layer refuses (commit-msg => pre-push, pre-receive, check; pre-push => pre-receive, check), and
// pre-receive and check name the same errors for each commit. A branch refused before its notes
// came (notes pushed apart) is pushed again after them: its commits arrive then with their notes.
// What is true now: seeds 1-90 (278 commits) agreed at every layer; without pre-receive on the server
// the default run reports 36 disagreements (checked by hand), so the comparison sees a layer missing.
// AITRAIL_NOTES_LAYER_SWEEP=<n> runs n histories from AITRAIL_NOTES_LAYER_SEED (default 1) instead of
// the default SEEDS; AITRAIL_LAYER_VERBOSE=1 prints each history and what each layer said.

import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { copiedPair, installHooks, tryGit, type GitResult, type Project } from '../helpers/enforce-repos.js';
import { makeRepo } from '../helpers/gitdir.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { errorKeys, namedErrors, type NamedError } from '../helpers/layer-histories.js';
import { PARSE } from '../helpers/laundered-twins.js';
import { QWEN_SESSION, sessionMeta } from '../helpers/malformed-notes.js';
import { prng } from '../helpers/trailer-messages.js';
import { QWEN_NOTES } from '../helpers/qwen-code-notes.js';

const SWEEP = Number(process.env.AITRAIL_NOTES_LAYER_SWEEP ?? 0);
const FIRST_SEED = Number(process.env.AITRAIL_NOTES_LAYER_SEED ?? 1);
/**
 * Of seeds 1-28 (each seed's shapes and verdicts printed; seeds 1-90, 278 commits, all agreed when session 56 helper
 * l swept them): 4 and 12 pass every layer; 8 and 17 push their branch first (accepted) and their notes apart
 * (refused), 17 with Qwen Code's note; 3 and 7 hold malformed notes; 19 a note on a merge and a twin; 18 a move into
 * src/crypto; 13 commits commit-msg refuses. Every policy, every shape.
 */
const PICKED = [3, 4, 7, 8, 12, 13, 17, 18, 19];
const SEEDS = SWEEP > 0 ? Array.from({ length: SWEEP }, (_, at) => FIRST_SEED + at) : PICKED;
const VERBOSE = process.env.AITRAIL_LAYER_VERBOSE === '1';
const HOOK_ENV = envWithAitrailOnPath();
const ZERO = '0'.repeat(40);

const POLICIES: readonly string[] = [
  'policy:\n  deny: ["qwen/*"]\n  unknownModel: deny\n  paths:\n    - files: ["src/crypto/**"]\n      allow: []\n',
  'policy:\n  deny: ["qwen/*"]\n  unknownModel: warn\n  undeclared: deny\n  paths:\n    - files: ["src/api/**"]\n      allow: ["anthropic/*"]\n',
  'policy:\n  allow: ["anthropic/*"]\n  unknownModel: deny\n',
];

/** Qwen's words, refused under every policy above: the file Q wrote (PARSE) and the one QN's note gave Qwen. */
const TOKENS = 'export function tokens(input: string): string[] {\n  return input.split(/\\s+/).filter((word) => word.length > 0).map((word) => word.toLowerCase());\n}\n';

const PERSON = { name: 'Ada Person', email: 'ada@example.org' };
const COAUTHORS: readonly string[] = [
  'Co-authored-by: Claude <noreply@anthropic.com>',
  'Assisted-by: claude-code:anthropic/claude-sonnet-4.5',
  'Co-authored-by: Cursor <cursoragent@cursor.com>',
  'Co-authored-by: Claude Opus 4.6 <noreply@anthropic.com>',
  'Co-authored-by: aider (qwen/qwen3-coder) <aider@aider.chat>',
  'Co-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>',
  'Co-authored-by: factory-droid[bot] <138933559+factory-droid[bot]@users.noreply.github.com>',
  'Co-authored-by: Codex <noreply@openai.com>',
  'Co-authored-by: kimi-max <123+kimi-max@users.noreply.github.com>',
  'Assisted-by: claude-code:anthropic/claude-opus-4.6',
];
const FOOTERS: readonly string[] = ['🤖 Generated with [Claude Code](https://claude.com/claude-code)', 'Co-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>', 'Co-authored-by: Cursor <cursoragent@cursor.com>', ''];
const PLACES = ['lib', 'lib', 'src/crypto', 'src/api'];
/** The person's copies of Q's and QN's files (rows 1164-1169, 1203, 1204, 1206). */
const TWINS: readonly (readonly [string, string])[] = [
  ['src/parse.ts', PARSE],
  ['src/parse.ts', PARSE.replace('\n  return', '\n\n  return')],
  ['src/parse.ts', PARSE.replace(/\n/g, '\r')],
  ['src/parse.ts', PARSE.replace('return input.split(",")', 'return input\n    .split(",")\n   ')],
  ['src/tokens.ts', TOKENS],
  ['lib/parse-copy.ts', PARSE],
];

type Note = 'qwen' | 'claude' | 'cursor' | 'malformed' | 'appended' | 'qwencode' | 'none';
type Step =
  | { kind: 'commit'; message: string; files: Record<string, string>; note: Note }
  | { kind: 'merge'; message: string; side: Step[]; note: Note }
  /** A person's `git mv` of a file an earlier commit wrote (and a note may give an agent) into src/crypto (row 215). */
  | { kind: 'move'; from: string; to: string };

interface History {
  seed: number;
  policy: number;
  /** Notes pushed in a push of their own, after the branch. */
  notesApart: boolean;
  steps: Step[];
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function lines(tag: string): string {
  return `export const first_${tag} = "${tag}";\nexport const second_${tag} = "${tag}".repeat(2);\nexport const third_${tag} = 3;\n`;
}

function generate(seed: number): History {
  const rand = prng(seed * 31 + 7);
  let made = 0;
  const commit = (): Step => {
    const roll = rand();
    if (roll < 0.1) {
      const [path, text] = pick(rand, TWINS);
      // The copy given to Claude by a note of its own sometimes (row 1079: whatever it declares, the change is Q's).
      return { kind: 'commit', message: 'refactor: parse again\n', files: { [path]: text }, note: rand() < 0.3 ? 'claude' : 'none' };
    }
    const path = `${pick(rand, PLACES)}/h${seed}-${++made}.ts`;
    const files = { [path]: lines(`h${seed}_${made}`) };
    if (roll < 0.2) return { kind: 'commit', message: 'feat: add a helper\n', files, note: 'none' };
    if (roll < 0.5) return { kind: 'commit', message: 'feat: add a helper\n', files, note: pick(rand, ['qwen', 'claude', 'claude', 'claude', 'cursor', 'malformed', 'appended', 'qwencode'] as const) };
    const coauthors = Array.from({ length: 1 + Math.floor(rand() * 1.5) }, () => pick(rand, COAUTHORS));
    return { kind: 'commit', message: `fix: the helper\n\n${coauthors.join('\n')}\n`, files, note: 'none' };
  };
  const steps: Step[] = [];
  const moved = new Set<string>();
  const movable = () => steps.flatMap((step) => (step.kind === 'commit' ? Object.keys(step.files) : [])).filter((path) => path.startsWith('lib/h') && !moved.has(path) && steps.every((step) => step.kind !== 'commit' || step.files[path] !== ''));
  const length = 1 + Math.floor(rand() * 3);
  for (let at = 0; at < length; at++) {
    const roll = rand();
    if (roll < 0.05) {
      // Row 1124's shape: a commit a note alone gives Qwen, removed by a person, its file written again by the person.
      const path = `lib/h${seed}-${++made}.ts`;
      const text = lines(`h${seed}_${made}`);
      steps.push({ kind: 'commit', message: 'feat: add a helper\n', files: { [path]: text }, note: 'qwen' });
      steps.push({ kind: 'commit', message: 'Revert "feat: add a helper"\n', files: { [path]: '' }, note: 'none' });
      steps.push({ kind: 'commit', message: 'feat: the helper, mine\n', files: { [path]: text }, note: 'none' });
    } else if (roll < 0.35) {
      const footer = pick(rand, FOOTERS);
      steps.push({ kind: 'merge', message: `Merge branch 'side'\n${footer ? `\n${footer}\n` : ''}`, side: Array.from({ length: 1 + Math.floor(rand() * 2) }, commit), note: rand() < 0.3 ? pick(rand, ['qwen', 'claude'] as const) : 'none' });
    } else if (roll < 0.45 && movable().length > 0) {
      const from = pick(rand, movable());
      moved.add(from);
      steps.push({ kind: 'move', from, to: `src/crypto/moved-h${seed}-${++made}.ts` });
    } else steps.push(commit());
  }
  return { seed, policy: (seed - 1) % POLICIES.length, notesApart: rand() < 0.5, steps };
}

/** The note a step gives its commit: Qwen's session on the first two lines (some lines), Claude's, or a malformed one whose metadata names Qwen. */
function noteText(note: Note, path: string, sha: string): string {
  if (note === 'qwen') return gitAiNote({ [path]: [session(NOTE_KEYS.qwen, '1-2')] });
  if (note === 'claude') return gitAiNote({ [path]: [session(NOTE_KEYS.claude, '1-3')] });
  if (note === 'cursor') return gitAiNote({ [path]: [session(NOTE_KEYS.cursor, '2')] });
  const malformed = `${path}\n  ${QWEN_SESSION}::t_1 1-2x\n---\n${sessionMeta(sha, 'qwen3-coder')}\n`;
  // Row 1185: a line `git notes append` adds after the metadata.
  return note === 'appended' ? `${malformed}\nreviewed by Ana\n` : malformed;
}

/**
 * A bare server with pre-receive and a work repository with init's hooks whose main holds, before the
 * policy, Qwen's commit Q (declared) and QN (silent, a git-ai note gives its lines to qwen3-coder),
 * both reverted by a person (a copy of the pair made once per policy).
 */
function server(policy: string): Project {
  const made = copiedPair(`s56l\0${policy}`, () => {
    const remote = makeRepo({ bare: true });
    const work = makeRepo();
    work.git(['remote', 'add', 'origin', remote.dir]);
    work.commit('chore: start\n', { 'README.md': 'hello\n' });
    work.commit('feat: parse\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'src/parse.ts': PARSE });
    const qn = work.commit('feat: tokens\n', { 'src/tokens.ts': TOKENS });
    addNote(work, qn, gitAiNote({ 'src/tokens.ts': [session(NOTE_KEYS.qwen, '1-3')] }));
    work.git(['rm', '-q', 'src/parse.ts', 'src/tokens.ts']);
    const base = work.commit('chore: drop the parser, deny Qwen\n', { '.aitrailrc.yml': policy });
    cpSync(join(work.dir, '.git', 'objects'), join(remote.dir, 'objects'), { recursive: true });
    remote.git(['update-ref', 'refs/heads/main', base, '']);
    remote.git(['update-ref', 'refs/notes/ai', work.git(['rev-parse', 'refs/notes/ai']), '']);
    work.git(['update-ref', 'refs/remotes/origin/main', base, '']);
    work.git(['remote', 'set-head', 'origin', 'main']);
    const init = aitrail(work.dir, ['init', '--mode', 'git'], { env: HOOK_ENV });
    if (init.code !== 0) throw new Error(init.stderr);
    return { remote, work, base };
  });
  installHooks(join(made.remote.dir, 'hooks'), ['pre-receive']);
  return made;
}

function git(work: string, args: string[]): string {
  const result = tryGit(work, args, { env: HOOK_ENV });
  if (result.code !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

interface Made {
  sha: string;
  code: number;
  errors: NamedError[];
}

/** `git commit -F -` (or `git merge --no-ff -F`) through the hooks as the person; refused, made again with --no-verify. */
function commitThroughHook(work: string, message: string, merge?: string): Made {
  const env = { ...HOOK_ENV, GIT_AUTHOR_NAME: PERSON.name, GIT_AUTHOR_EMAIL: PERSON.email };
  const input = join(work, '.git', 'merge-input');
  writeFileSync(input, message);
  const hooked = merge === undefined ? tryGit(work, ['commit', '-q', '--allow-empty', '-F', '-'], { input: message, env }) : tryGit(work, ['merge', '-q', '--no-ff', '-F', input, merge], { env });
  if (hooked.code !== 0) {
    if (!/aitrail/.test(hooked.stderr)) throw new Error(`git failed without the hook refusing: ${hooked.stderr}`);
    const forced = tryGit(work, ['commit', '-q', '--allow-empty', '--no-verify', '-F', '-'], { input: message, env });
    if (forced.code !== 0) throw new Error(`git commit --no-verify: ${forced.stderr}`);
  }
  return { sha: git(work, ['rev-parse', 'HEAD']), code: hooked.code, errors: namedErrors(hooked.stderr) };
}

function addNoteOn(work: string, sha: string, note: Note, path: string): void {
  if (note === 'qwencode') {
    // Qwen Code's own note, as it writes it (test/helpers/qwen-code-notes.ts), in its own ref.
    const payload = { version: 1, generator: 'Qwen-Coder', files: { [path]: { aiChars: 120, humanChars: 0, percent: 100, surface: 'cli' } }, summary: { aiPercent: 100, aiChars: 120, humanChars: 0, totalFilesTouched: 1, surfaces: ['cli'] }, promptCount: 2 };
    git(work, ['notes', `--ref=${QWEN_NOTES}`, 'add', '-f', '-m', JSON.stringify(payload), sha]);
    return;
  }
  const added = tryGit(work, ['notes', '--ref', 'ai', 'add', '-f', '-F', '-', sha], { input: noteText(note, path, sha).replace(/"base_commit_sha":( ?)"0{40}"/, `"base_commit_sha":$1"${sha}"`) });
  if (added.code !== 0) throw new Error(added.stderr);
}

function play(work: string, steps: readonly Step[], made: Made[], tag: string): void {
  steps.forEach((step, at) => {
    if (step.kind === 'commit') {
      for (const [path, text] of Object.entries(step.files)) {
        mkdirSync(dirname(join(work, path)), { recursive: true });
        if (text === '') rmSync(join(work, path), { force: true });
        else writeFileSync(join(work, path), text);
      }
      git(work, ['add', '-A']);
      const commit = commitThroughHook(work, step.message);
      made.push(commit);
      if (step.note !== 'none') addNoteOn(work, commit.sha, step.note, Object.keys(step.files)[0] as string);
      return;
    }
    if (step.kind === 'move') {
      mkdirSync(dirname(join(work, step.to)), { recursive: true });
      git(work, ['mv', step.from, step.to]);
      made.push(commitThroughHook(work, 'refactor: move it to crypto\n'));
      return;
    }
    const branch = git(work, ['symbolic-ref', '--short', 'HEAD']);
    const side = `side-${tag}-${at}`;
    git(work, ['checkout', '-q', '-b', side]);
    play(work, step.side, made, `${tag}-${at}`);
    git(work, ['checkout', '-q', branch]);
    const merged = commitThroughHook(work, step.message, side);
    made.push(merged);
    const brought = git(work, ['diff-tree', '--no-commit-id', '--name-only', '-r', `${merged.sha}^1`, merged.sha]).split('\n')[0] ?? '';
    if (step.note !== 'none' && brought !== '') addNoteOn(work, merged.sha, step.note, brought);
  });
}

interface Judged {
  history: History;
  made: Made[];
  prePush: GitResult;
  pushes: GitResult[];
  check: GitResult;
}

function judge(history: History): Judged {
  const project = server(POLICIES[history.policy] as string);
  const work = project.work.dir;
  const branch = `h${history.seed}`;
  git(work, ['checkout', '-q', '-b', branch, 'main']);
  const made: Made[] = [];
  play(work, history.steps, made, String(history.seed));
  const tip = git(work, ['rev-parse', 'HEAD']);
  git(work, ['checkout', '-q', 'main']);
  const refs = ['refs/notes/ai', QWEN_NOTES].filter((ref) => tryGit(work, ['rev-parse', '-q', '--verify', ref]).code === 0);
  const noteLines = refs.map((ref) => `${ref} ${git(work, ['rev-parse', ref])} ${ref} ${tryGit(project.remote.dir, ['rev-parse', '-q', '--verify', ref]).stdout.trim() || ZERO}\n`).join('');
  const prePush = aitrail(work, ['hook', 'pre-push', 'origin', project.remote.dir], {
    input: `refs/heads/${branch} ${tip} refs/heads/${branch} ${ZERO}\n${history.notesApart ? '' : noteLines}`,
  });
  const pushes = [tryGit(work, ['push', '--no-verify', 'origin', branch, ...(history.notesApart ? [] : refs)])];
  if (history.notesApart) {
    pushes.push(tryGit(work, ['push', '--no-verify', 'origin', ...refs]));
    // The branch refused before its notes came: pushed again, its commits arrive with the notes the server now holds.
    if (pushes[0]?.code !== 0) pushes.push(tryGit(work, ['push', '--no-verify', 'origin', branch]));
  }
  const check = aitrail(work, ['check', `main..${branch}`, '--format', 'json']);
  return { history, made, prePush, pushes, check };
}

interface Tally {
  histories: number;
  commits: number;
  refused: { commitMsg: number; prePush: number; preReceive: number; check: number };
  disagreements: string[];
  /** How many of each shape the histories held: every one must be judged somewhere. */
  shapes: Record<string, number>;
}

function shapes(steps: readonly Step[], apart: boolean, into: Record<string, number>): void {
  const count = (name: string) => (into[name] = (into[name] ?? 0) + 1);
  for (const step of steps) {
    if (step.kind === 'move') count('move');
    else if (step.kind === 'merge') {
      count(step.message.includes('\n\n') ? 'merge with footer' : 'merge');
      if (step.note !== 'none') count(`note ${step.note} on a merge`);
      shapes(step.side, apart, into);
    } else {
      if (step.note !== 'none') count(`note ${step.note}${apart ? ' pushed apart' : ''}`);
      if (/-by:/.test(step.message)) count('co-author or trailer');
      if (Object.values(step.files).some((text) => text.includes('input.split'))) count('twin');
    }
  }
}

function compare(judged: Judged, tally: Tally): void {
  const { history, made, prePush, pushes, check } = judged;
  const where = `seed ${history.seed} (policy ${history.policy}${history.notesApart ? ', notes apart' : ''})`;
  const disagree = (what: string) => tally.disagreements.push(`${where}: ${what}`);
  tally.histories += 1;
  tally.commits += made.length;
  for (const [name, result] of [['pre-push', prePush], ['check', check], ...pushes.map((push) => ['pre-receive', push] as const)] as const) {
    if (result.code !== 0 && result.code !== 1) disagree(`${name} exited ${result.code}: ${result.stderr.slice(0, 500)}`);
  }
  const received = pushes.map((push) => push.stderr).join('\n');
  const receiveRefused = pushes.some((push) => push.code !== 0);
  const checkErrors = (JSON.parse(check.stdout) as { violations: (NamedError & { severity: string })[] }).violations.filter((violation) => violation.severity === 'error');
  tally.refused.prePush += prePush.code === 1 ? 1 : 0;
  tally.refused.preReceive += receiveRefused ? 1 : 0;
  tally.refused.check += check.code === 1 ? 1 : 0;
  if (prePush.code === 1 && (!receiveRefused || check.code !== 1)) disagree(`pre-push refused, pre-receive ${receiveRefused ? 'refused' : 'accepted'}, check exit ${check.code}`);
  if (receiveRefused !== (check.code === 1)) disagree(`pre-receive ${receiveRefused ? 'refused' : 'accepted'}, check exit ${check.code}\n${received}\n${check.stdout}`);
  for (const commit of made) {
    const short = commit.sha.slice(0, 12);
    const own = (errors: readonly NamedError[]) => errorKeys(errors.filter((error) => commit.sha.startsWith(error.sha)));
    const byCheck = own(checkErrors.map((error) => ({ ...error, sha: error.sha.slice(0, 12) })));
    const byReceive = own(namedErrors(received));
    const byPrePush = own(namedErrors(prePush.stderr));
    tally.refused.commitMsg += commit.code === 1 ? 1 : 0;
    if (commit.code !== 0 && commit.code !== 1) disagree(`${short}: commit-msg exited ${commit.code}`);
    if (JSON.stringify(byReceive) !== JSON.stringify(byCheck)) disagree(`${short}: pre-receive names ${JSON.stringify(byReceive)}, check ${JSON.stringify(byCheck)}`);
    if (byPrePush.length > 0 && byCheck.length === 0) disagree(`${short}: pre-push names ${JSON.stringify(byPrePush)}, check nothing`);
    if (commit.code === 1 && (byCheck.length === 0 || byPrePush.length === 0 || byReceive.length === 0)) {
      disagree(`${short}: commit-msg refused ${JSON.stringify(errorKeys(commit.errors))}; pre-push ${JSON.stringify(byPrePush)}, pre-receive ${JSON.stringify(byReceive)}, check ${JSON.stringify(byCheck)}`);
    }
  }
}

describe('the four enforcing layers agree on notes, twins, footers, path rules and co-author lines', () => {
  it(`${SEEDS.length} histories (seeds ${SEEDS[0]}…${SEEDS.at(-1)}): a commit a layer refuses, every later layer refuses; pre-receive and check name the same errors`, { timeout: 60_000 + SEEDS.length * 20_000 }, () => {
    const tally: Tally = { histories: 0, commits: 0, refused: { commitMsg: 0, prePush: 0, preReceive: 0, check: 0 }, disagreements: [], shapes: {} };
    for (const seed of SEEDS) {
      const judged = judge(generate(seed));
      if (VERBOSE) console.log(JSON.stringify(judged, null, 1));
      shapes(judged.history.steps, judged.history.notesApart, tally.shapes);
      const own: Record<string, number> = {};
      shapes(judged.history.steps, judged.history.notesApart, own);
      console.log(`seed ${seed}: ${Object.keys(own).join(', ')}; policy ${judged.history.policy}, ${judged.made.length} commits, commit-msg refused ${judged.made.filter((made) => made.code === 1).length}, pre-push ${judged.prePush.code}, pre-receive ${judged.pushes.map((push) => push.code).join('/')}, check ${judged.check.code}`);
      compare(judged, tally);
    }
    console.log(`notes layers differential: ${JSON.stringify({ ...tally, disagreements: tally.disagreements.length })}`);
    expect(tally.disagreements).toEqual([]);
    expect(tally.refused.check).toBeGreaterThan(0);
    expect(tally.refused.check).toBeLessThan(tally.histories);
  });
});
