import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { policyServer, tryGit, type GitResult, type Project } from '../helpers/enforce-repos.js';
import { errorKeys, generateHistory, namedErrors, POLICIES, type History, type Cleanup, type NamedError, type Person, type Step } from '../helpers/layer-histories.js';

// The four enforcing layers (commit-msg, pre-push, pre-receive, `aitrail check`) must reach the
// same verdict on the same commits under the same policy. Each seeded history
// (test/helpers/layer-histories.ts) is made through the hooks `aitrail init` installs (the shims'
// fast path included; a commit commit-msg refuses is then made with --no-verify, as an insider
// would), judged by a direct pre-push run, pushed with --no-verify to a real server running
// pre-receive (one per policy, reused), and checked with `aitrail check main..<branch>`; the exit
// codes and the rule and model of each error are compared commit by commit. The honest differences
// are counted, never silenced: commit-msg cannot see lines later commits move into a protected path
// (judged at push on the commit that wrote them), reads the work tree's config a branch may have
// loosened (row 242), and refuses a message left empty but for the recorded trailer. Some commits
// start with blank lines (stored by --cleanup=verbatim or commit.cleanup=verbatim) and some are
// made in a Claude Code session (CLAUDECODE=1: the hooks record its trailer), drawn apart from the
// rest of each history (seed 11 then caught commit-msg passing a trailer git does not read stored).
// AITRAIL_LAYER_SWEEP=<n> runs n histories from AITRAIL_LAYER_SEED (default 1) instead of the
// default 8 (AITRAIL_LAYER_SWEEP=16 runs seeds 1-16, the default before session 55); AITRAIL_LAYER_VERBOSE=1
// prints each one.

const SWEEP = Number(process.env.AITRAIL_LAYER_SWEEP ?? 0);
const FIRST_SEED = Number(process.env.AITRAIL_LAYER_SEED ?? 1);
/** Seeds a sweep found a disagreement at (commit-msg passed a `# Assisted-by:` line `git commit -F` stores), replayed every run. */
const FOUND = [101, 173];
/**
 * Of seeds 1-16 (59 commits, each seed's tally printed by session 55 helper b; all agreed), those that judge the most:
 * 5, 10 and 11 hold the honest landed-lines differences (seed 11 also the stored-comment catch above), 4, 8 and 9 the
 * most commits and refusals (5, 7 and 6 commits; 1, 3, 6, 7, 12 and 16 make one commit each), and 6 a history every
 * layer passes. With the seeds found: 9 histories, 42 commits, refusals by every layer (commit-msg 18, the others 8)
 * and passes; about half the CPU.
 */
const PICKED = [4, 5, 6, 8, 9, 10, 11];
const SEEDS = SWEEP > 0 ? Array.from({ length: SWEEP }, (_, at) => FIRST_SEED + at) : [...PICKED, ...FOUND];
const COUNT = SEEDS.length;
const ZERO = '0'.repeat(40);
/** AITRAIL_LAYER_VERBOSE=1: each history, what each layer said (to replay a seed). */
const VERBOSE = process.env.AITRAIL_LAYER_VERBOSE === '1';

interface Made {
  sha: string;
  /** commit-msg's exit code, and the errors it named (none when it passed or refused an empty message). */
  code: number;
  errors: NamedError[];
  empty: boolean;
  loosened: boolean;
  /** Made with `--cleanup=strip` or `scissors` and no editor: git tells the hook no such option. */
  cleanupOption: boolean;
}

interface Judged {
  history: History;
  made: Made[];
  prePush: GitResult;
  push: GitResult;
  check: GitResult;
}

const identity = (author: Person): NodeJS.ProcessEnv => ({ GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email });
/** The test environment with `aitrail` on PATH, where `aitrail init` finds it. */
const HOOK_ENV = envWithAitrailOnPath();

/**
 * `git commit -F -` (or `git merge --no-ff -F - <side>`) with the commit-msg hook; refused, the same
 * commit made with --no-verify. `loosened`: the work tree's config is not the policy the others read.
 */
function commitThroughHook(work: string, message: string, author: Person, how: { cleanup?: Cleanup; committer?: Person; config?: string[]; merge?: string; policy: string; env?: Record<string, string> }): Made {
  const { cleanup = 'default', committer, config = [], merge } = how;
  const env = { ...HOOK_ENV, ...how.env, ...identity(author), ...(committer ? { GIT_COMMITTER_NAME: committer.name, GIT_COMMITTER_EMAIL: committer.email } : {}), ...(cleanup === 'editor' ? { GIT_EDITOR: 'true' } : {}) };
  const options = [...config.flatMap((setting) => ['-c', setting]), 'commit', '-q', '--allow-empty-message', ...(cleanup === 'default' ? [] : cleanup === 'editor' ? ['-e'] : [`--cleanup=${cleanup}`])];
  const loosened = readFileSync(join(work, '.aitrailrc.yml'), 'utf8') !== how.policy;
  // git merge reads no message from stdin: from a file of the git dir.
  if (merge !== undefined) writeFileSync(join(work, '.git', 'merge-input'), message);
  const hooked = tryGit(work, merge === undefined ? [...options, '-F', '-'] : ['merge', '-q', '--no-ff', '-F', join(work, '.git', 'merge-input'), merge], { input: message, env });
  if (hooked.code !== 0) {
    if (!/aitrail/.test(hooked.stderr)) throw new Error(`git ${merge === undefined ? 'commit' : 'merge'} failed without the hook refusing: ${hooked.stderr}`);
    const forced = tryGit(work, [...options, '--no-verify', '-F', '-'], { input: message, env });
    if (forced.code !== 0) throw new Error(`git commit --no-verify failed: ${forced.stderr}`);
  }
  return {
    sha: tryGit(work, ['rev-parse', 'HEAD']).stdout.trim(),
    code: hooked.code,
    errors: namedErrors(hooked.stderr),
    empty: /empty commit message|you did not edit the message/.test(hooked.stderr),
    loosened,
    cleanupOption: (cleanup === 'strip' || cleanup === 'scissors') && merge === undefined,
  };
}

function write(work: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(work, path)), { recursive: true });
    writeFileSync(join(work, path), text);
  }
  git(work, ['add', '-A']);
}

function git(work: string, args: string[]): string {
  const result = tryGit(work, args, { env: HOOK_ENV });
  if (result.code !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

/** A loosened policy (row 242's first step): the work tree's config allows every model. */
const LOOSE = 'policy:\n  unknownModel: allow\n  undeclared: allow\n';

function play(work: string, steps: readonly Step[], seed: number, policy: string, made: Made[]): void {
  steps.forEach((step, at) => {
    if (step.kind === 'commit') {
      write(work, step.files);
      made.push(commitThroughHook(work, step.message, step.author, { ...step, policy }));
    } else if (step.kind === 'move') {
      mkdirSync(dirname(join(work, step.to)), { recursive: true });
      git(work, ['mv', step.from, step.to]);
      made.push(commitThroughHook(work, step.message, step.author, { policy }));
    } else if (step.kind === 'loosen') {
      write(work, { '.aitrailrc.yml': LOOSE });
      tryGit(work, ['commit', '-q', '--no-verify', '-m', 'chore: relax the policy'], { env: HOOK_ENV });
    } else {
      const branch = git(work, ['symbolic-ref', '--short', 'HEAD']);
      const side = `side-${seed}-${at}`;
      git(work, ['checkout', '-q', '-b', side]);
      play(work, step.side, seed * 100 + at, policy, made);
      git(work, ['checkout', '-q', branch]);
      if (step.direct) {
        made.push(commitThroughHook(work, step.message, step.author, { policy, merge: side }));
        return;
      }
      git(work, ['merge', '-q', '--no-ff', '--no-commit', side]);
      write(work, step.evil);
      made.push(commitThroughHook(work, step.message, step.author, { policy }));
    }
  });
}

/** Make the history on a branch of its own from main, then judge it by pre-push, pre-receive and check. */
function judge(project: Project, history: History): Judged {
  const work = project.work.dir;
  const branch = `h${history.seed}`;
  git(work, ['checkout', '-q', '-b', branch, 'main']);
  const made: Made[] = [];
  play(work, history.steps, history.seed, POLICIES[history.policy] as string, made);
  const tip = git(work, ['rev-parse', 'HEAD']);
  git(work, ['checkout', '-q', 'main']);
  const prePush = aitrail(work, ['hook', 'pre-push', 'origin', project.remote.dir], { input: `refs/heads/${branch} ${tip} refs/heads/${branch} ${ZERO}\n` });
  const push = tryGit(work, ['push', '--no-verify', 'origin', branch]);
  const check = aitrail(work, ['check', `main..${branch}`, '--format', 'json']);
  return { history, made, prePush, push, check };
}

interface Tally {
  histories: number;
  commits: number;
  refused: { commitMsg: number; prePush: number; preReceive: number; check: number };
  honest: { landed: number; empty: number; loosened: number; cleanup: number };
  disagreements: string[];
}

/** Compare the four layers' verdicts on one judged history; what differs goes into the tally. */
function compare(judged: Judged, tally: Tally): void {
  const { history, made, prePush, push, check } = judged;
  const where = `seed ${history.seed} (policy ${history.policy})`;
  tally.histories += 1;
  tally.commits += made.length;
  const disagree = (what: string) => tally.disagreements.push(`${where}: ${what}`);
  for (const [name, result] of [['pre-push', prePush], ['pre-receive', push], ['check', check]] as const) {
    if (result.code !== 0 && result.code !== 1) disagree(`${name} exited ${result.code}: ${result.stderr.slice(0, 500)}`);
  }
  const report = JSON.parse(check.stdout) as { violations: (NamedError & { severity: string; lines?: number })[] };
  const checkErrors = report.violations.filter((violation) => violation.severity === 'error');
  tally.refused.check += check.code === 1 ? 1 : 0;
  tally.refused.prePush += prePush.code === 1 ? 1 : 0;
  tally.refused.preReceive += push.code !== 0 ? 1 : 0;
  // The three layers that judge stored commits: the same exit and the same errors, commit by commit.
  if ((prePush.code === 0) !== (check.code === 0) || (push.code === 0) !== (check.code === 0)) {
    disagree(`exit codes: pre-push ${prePush.code}, push ${push.code}, check ${check.code}\n${prePush.stderr}\n${push.stderr}\n${check.stdout}`);
  }
  for (const { sha } of made) {
    const own = (errors: readonly NamedError[]) => errorKeys(errors.filter((error) => sha.startsWith(error.sha)));
    const byCheck = own(checkErrors.map((error) => ({ ...error, sha: error.sha.slice(0, 12) })));
    for (const [name, text] of [['pre-push', prePush.stderr], ['pre-receive', push.stderr]] as const) {
      const named = own(namedErrors(text));
      if (JSON.stringify(named) !== JSON.stringify(byCheck)) disagree(`${sha.slice(0, 12)}: ${name} names ${JSON.stringify(named)}, check ${JSON.stringify(byCheck)}`);
    }
  }
  // commit-msg judged each commit alone as it was made: its own errors, not lines later commits moved.
  for (const commit of made) {
    tally.refused.commitMsg += commit.code === 1 ? 1 : 0;
    const mine = checkErrors.filter((error) => error.sha === commit.sha);
    const landedOnly = mine.filter((error) => error.lines !== undefined);
    const byCheck = errorKeys(mine.filter((error) => error.lines === undefined));
    const byHook = errorKeys(commit.errors);
    if (commit.empty) {
      tally.honest.empty += 1;
      continue;
    }
    // commit-msg reads the work tree's config, which a commit of the branch loosened (row 242): the others read main's.
    if (commit.loosened) {
      if (commit.code !== 0) disagree(`${commit.sha.slice(0, 12)}: commit-msg refused under the loosened config: ${JSON.stringify(commit.errors)}`);
      if (byCheck.length > 0) tally.honest.loosened += 1;
      continue;
    }
    if (commit.code !== 0 && commit.code !== 1) disagree(`${commit.sha.slice(0, 12)}: commit-msg exited ${commit.code}`);
    // `-F --cleanup=strip` (or `scissors`) drops lines commit-msg reads as kept (row 457): stricter, never laxer.
    if (commit.cleanupOption && byCheck.every((key) => byHook.includes(key)) && byHook.length > byCheck.length) {
      tally.honest.cleanup += 1;
      continue;
    }
    if (JSON.stringify(byHook) !== JSON.stringify(byCheck) || (commit.code === 1) !== byCheck.length > 0) {
      disagree(`${commit.sha.slice(0, 12)}: commit-msg (exit ${commit.code}) names ${JSON.stringify(byHook)}, check ${JSON.stringify(byCheck)}`);
    }
    if (landedOnly.length > 0) tally.honest.landed += 1;
  }
}

describe('the four enforcing layers reach one verdict on seeded histories', () => {
  it(`${COUNT} histories (seeds ${SEEDS[0]}…${SEEDS.at(-1)}): commit-msg, pre-push, pre-receive and check agree`, { timeout: 60_000 + COUNT * 15_000 }, () => {
    const servers = POLICIES.map((policy) => {
      const project = policyServer(policy);
      // The hooks a developer has: `aitrail init`'s shims (their fast path decides a person's commit without node).
      const init = aitrail(project.work.dir, ['init', '--mode', 'git'], { env: HOOK_ENV });
      if (init.code !== 0) throw new Error(init.stderr);
      return project;
    });
    const tally: Tally = { histories: 0, commits: 0, refused: { commitMsg: 0, prePush: 0, preReceive: 0, check: 0 }, honest: { landed: 0, empty: 0, loosened: 0, cleanup: 0 }, disagreements: [] };
    for (const seed of SEEDS) {
      const history = generateHistory(seed);
      const judged = judge(servers[history.policy] as Project, history);
      if (VERBOSE) console.log(JSON.stringify({ history, made: judged.made, prePush: judged.prePush, push: judged.push, check: judged.check }, null, 1));
      compare(judged, tally);
    }
    console.log(`layers differential: ${JSON.stringify({ ...tally, disagreements: tally.disagreements.length })}`);
    expect(tally.disagreements).toEqual([]);
    // The sweep judged something on every side: refusals by every layer, and passes.
    expect(tally.refused.check).toBeGreaterThan(0);
    expect(tally.refused.check).toBeLessThan(tally.histories);
  });
});

describe('a comment line git stores is read at commit-msg as check reads it (seed 101)', () => {
  it('-m/-F keep `# Assisted-by: qwen-code:qwen/qwen3-coder`: commit-msg refuses it as pre-receive and check do; in an editor git drops it, and every layer passes', () => {
    const project = policyServer('policy:\n  deny: ["qwen/*"]\n');
    const work = project.work.dir;
    expect(aitrail(work, ['init', '--mode', 'git'], { env: HOOK_ENV }).code).toBe(0);
    const message = 'feat(api): add the token route\n\n# Assisted-by: qwen-code:qwen/qwen3-coder\n';
    git(work, ['checkout', '-q', '-b', 'kept', 'main']);
    write(work, { 'lib/token.ts': 'export const token = 1;\n' });
    const kept = commitThroughHook(work, message, { name: 'Test Human', email: 'human@example.com' }, { policy: '' });
    expect(kept.code).toBe(1);
    expect(errorKeys(kept.errors)).toEqual(['model-denied qwen/qwen3-coder']);
    expect(git(work, ['log', '-1', '--format=%B'])).toContain('# Assisted-by: qwen-code:qwen/qwen3-coder');
    const check = aitrail(work, ['check', 'main..kept']);
    expect(check.code, check.stdout).toBe(1);
    expect(tryGit(work, ['push', '--no-verify', 'origin', 'kept']).code).not.toBe(0);
    git(work, ['checkout', '-q', '-b', 'edited', 'main']);
    write(work, { 'lib/token.ts': 'export const token = 2;\n' });
    const edited = commitThroughHook(work, message, { name: 'Test Human', email: 'human@example.com' }, { policy: '', cleanup: 'editor' });
    expect(edited.code).toBe(0);
    expect(git(work, ['log', '-1', '--format=%B'])).not.toContain('Assisted-by');
    expect(aitrail(work, ['check', 'main..edited']).code).toBe(0);
    expect(tryGit(work, ['push', '--no-verify', 'origin', 'edited']).code).toBe(0);
  });
});
