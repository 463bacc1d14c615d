import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { tempDir, TEST_GIT_ENV } from '../helpers/gitdir.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { ACTION_SCRIPT as SCRIPT, checkout, origin, prEvent, pullRequest, runAction, type Origin } from '../helpers/github-action.js';

/**
 * action.yml's script (scripts/action.sh) run as GitHub runs it: see test/helpers/github-action.ts.
 */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OPUS = 'Assisted-by: claude-code:anthropic/claude-opus-4.6';
const QWEN = 'Assisted-by: qwen-code:qwen/qwen3-coder';

describe('the GitHub Action script on a pull request', () => {
  it('a denied model: an error annotation on the file, exit 1; the summary has the verdict and the blame since the base; history and notes fetched', () => {
    const world = origin();
    world.dev.git(['notes', '--ref', 'ai', 'add', '-m', 'not a git-ai log', world.main]);
    world.dev.git(['push', '-q', 'origin', 'refs/notes/ai']);
    const { head, merge } = pullRequest(world, [
      { message: `feat: opus\n\n${OPUS}\n`, files: { 'src/opus.js': 'a\nb\nc\n' } },
      { message: `feat: qwen\n\n${QWEN}\n`, files: { 'src/qwen.js': 'q\n' } },
    ]);
    const runner = checkout(world, 'pull/1/merge', merge);
    const result = runAction(runner, prEvent(head, merge));
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^::error file=src\/qwen\.js,title=aitrail model-denied%3A qwen\/qwen3-coder in [0-9a-f]{12}::/m);
    expect(result.stdout).toMatch(/^aitrail: 2 commits checked, 1 error, 0 warnings\.$/m);
    expect(result.stderr).toMatch(/policy from .*\.aitrailrc\.json \[--policy-from refs\/remotes\/origin\/main\]/);
    expect(result.summary).toContain(`### aitrail check\n\n:x: \`refs/remotes/origin/main..${head}\`: 2 commits checked, 1 error, 0 warnings.`);
    expect(result.summary).toContain(`### AI-authored lines at \`${head.slice(0, 12)}\` since \`${world.main.slice(0, 12)}\``);
    expect(result.summary).toMatch(/\*\*100(\.0)?%\*\* of 4 lines are AI-authored/);
    expect(runner.git(['rev-parse', '--is-shallow-repository'])).toBe('false');
    expect(runner.git(['rev-parse', 'refs/remotes/origin/main'])).toBe(world.main);
    expect(runner.git(['notes', '--ref', 'ai', 'show', world.main])).toBe('not a git-ai log');
  });

  it('a pull request that loosens the policy is still judged by the target branch', () => {
    const world = origin();
    const { head, merge } = pullRequest(world, [{ message: `chore: allow qwen\n\n${QWEN}\n`, files: { '.aitrailrc.json': '{ "policy": { "allow": ["qwen/*"] } }\n' } }]);
    const result = runAction(checkout(world, 'pull/1/merge', merge), prEvent(head, merge));
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^::error .*model-denied%3A qwen\/qwen3-coder/m);
  });

  it('a pull request into a side branch whose own config allows Qwen is judged by the default branch\'s policy', () => {
    const world = origin();
    const { dev } = world;
    // An unprotected branch anyone can push to, with a loosened config (GitHub runs no pre-receive hook).
    dev.git(['checkout', '-q', '-b', 'loose', world.main]);
    const loose = dev.commit('chore: loosen\n', { '.aitrailrc.json': '{ "policy": { "allow": ["qwen/*"] } }\n' });
    dev.git(['push', '-q', 'origin', 'loose']);
    const head = dev.commit(`feat: qwen\n\n${QWEN}\n`, { 'src/qwen.js': 'q\n' });
    dev.git(['checkout', '-q', '--detach', loose]);
    dev.git(['merge', '-q', '--no-ff', '--no-verify', '-m', 'Merge pull request #1', head]);
    const merge = dev.git(['rev-parse', 'HEAD']);
    dev.git(['push', '-q', 'origin', `${head}:refs/heads/feature`, `${head}:refs/pull/1/head`, `${merge}:refs/pull/1/merge`]);
    const event = prEvent(head, merge);
    const into = { ...event, baseRef: 'loose', payload: { ...event.payload, pull_request: { ...event.payload.pull_request, base: { ref: 'loose' } } } };
    const result = runAction(checkout(world, 'pull/1/merge', merge), into);
    expect(result.status, result.stdout).toBe(1);
    expect(result.stdout).toMatch(/^::error .*model-denied%3A qwen\/qwen3-coder/m);
    expect(result.stderr).toMatch(/policy from .*\[--policy-from refs\/remotes\/origin\/main\]/);
    expect(result.summary).toContain(`refs/remotes/origin/loose..${head}`);
  });

  it('a clean pull request passes; warnings fail it only with fail-on-warnings; blame-paths and an empty blame-since shape the report', () => {
    const world = origin();
    const { head, merge } = pullRequest(world, [
      { message: `feat: opus\n\n${OPUS}\n`, files: { 'src/opus.js': 'a\n', 'docs/guide.md': 'g\n' } },
      { message: 'fix: by claude\n\nAssisted-by: claude-code:unknown\n', files: { 'src/more.js': 'm\n' } },
    ]);
    const runner = checkout(world, 'pull/1/merge', merge);
    const passed = runAction(runner, prEvent(head, merge), { INPUT_BLAME_PATHS: 'src\n', INPUT_BLAME_SINCE: '' });
    expect(passed.status, passed.stderr).toBe(0);
    expect(passed.stdout).toMatch(/^::warning .*unknown-model/m);
    expect(passed.summary).toContain(':white_check_mark: `refs/remotes/origin/main..');
    expect(passed.summary).toContain('2 commits checked, 0 errors, 1 warning.');
    expect(passed.summary).toContain(`### AI-authored lines at \`${head.slice(0, 12)}\`\n`);
    expect(passed.summary).toContain('opus');
    expect(passed.summary).not.toContain('guide');
    const strict = runAction(runner, prEvent(head, merge), { INPUT_FAIL_ON_WARNINGS: 'true' });
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain('::error title=aitrail::1 warning(s) and fail-on-warnings is set');
  });

  it('the range and config inputs', () => {
    const world = origin();
    const { head, merge } = pullRequest(world, [
      { message: `feat: qwen\n\n${QWEN}\n`, files: { 'src/qwen.js': 'q\n' } },
      { message: `feat: opus\n\n${OPUS}\n`, files: { 'src/opus.js': 'o\n' } },
    ]);
    const runner = checkout(world, 'pull/1/merge', merge);
    const lastOnly = runAction(runner, prEvent(head, merge), { INPUT_RANGE: `${head}~1..${head}` });
    expect(lastOnly.status, lastOnly.stderr).toBe(0);
    expect(lastOnly.stdout).toMatch(/^aitrail: 1 commit checked, 0 errors/m);
    const policy = join(tempDir('aitrail-ci-policy-'), 'policy.json');
    writeFileSync(policy, '{ "policy": { "deny": ["anthropic/*"] } }\n');
    const ownPolicy = runAction(runner, prEvent(head, merge), { INPUT_CONFIG: policy });
    expect(ownPolicy.status).toBe(1);
    expect(ownPolicy.stdout).toMatch(/^::error .*anthropic\/claude-opus-4\.6/m);
    expect(ownPolicy.stdout).not.toMatch(/qwen3-coder/);
  });
});

describe('the GitHub Action script on a push', () => {
  it('to the default branch: before..after by the policy before the push', () => {
    const world = origin();
    const before = world.main;
    world.dev.commit(`feat: qwen on main\n\n${QWEN}\n`, { '.aitrailrc.json': '{}\n', 'src/q.js': 'q\n' });
    const after = world.dev.git(['rev-parse', 'HEAD']);
    world.dev.git(['push', '-q', 'origin', 'main']);
    const runner = checkout(world, 'heads/main', after);
    const payload = { before, after, ref: 'refs/heads/main', repository: { default_branch: 'main' } };
    const result = runAction(runner, { name: 'push', ref: 'refs/heads/main', sha: after, payload });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^::error .*model-denied/m);
    expect(result.summary).toContain(`\`${before}..${after}\``);
  });

  it('a first push (no commit before it) is refused with the reason', () => {
    const world = origin();
    const runner = checkout(world, 'heads/main', world.main);
    const payload = { before: '0'.repeat(40), after: world.main, repository: { default_branch: 'main' } };
    const result = runAction(runner, { name: 'push', ref: 'refs/heads/main', sha: world.main, payload });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^::error title=aitrail::the commit before this push \(0{40}\) is unknown/m);
    expect(result.summary).toMatch(/:x: `the commit before this push/);
  });
});

describe('the GitHub Action script with squash-notes (a merged pull request)', () => {
  /** A git-ai note saying lines `ranges` of `path` are Claude Code's (session s_1…). */
  const note = (commit: string, path: string, ranges: string) =>
    `${path}\n  s_00000000000001::t_00000000000001 ${ranges}\n---\n${JSON.stringify({ schema_version: 'authorship/3.0.0', base_commit_sha: commit, prompts: {}, sessions: { s_00000000000001: { agent_id: { tool: 'claude', id: 'session-1', model: 'claude-opus-4-6' } } } }, null, 2)}\n`;

  function squashMerged(world: Origin) {
    const { dev } = world;
    dev.git(['checkout', '-q', '-b', 'feature', world.main]);
    const first = dev.commit('feat: ai lines\n', { 'src/ai.js': 'ai 1\nai 2\nhuman\n' });
    dev.git(['notes', '--ref=ai', 'add', '-F', '-', first], { input: note(first, 'src/ai.js', '1-2') });
    const head = dev.commit('feat: a hand edit\n', { 'src/ai.js': 'ai 1\nai 2 fixed by hand\nhuman\n' });
    dev.git(['checkout', '-q', 'main']);
    dev.commit('main moves\n', { 'other.js': 'x\n' });
    dev.git(['merge', '-q', '--squash', 'feature']);
    const merged = dev.commit('feat: ai lines (#1)\n');
    dev.git(['push', '-q', 'origin', 'main', `${head}:refs/pull/1/head`, 'refs/notes/ai']);
    const event = { name: 'pull_request', ref: 'refs/heads/main', sha: merged, baseRef: 'main', headRef: 'feature', payload: { action: 'closed', number: 1, pull_request: { number: 1, merged: true, merge_commit_sha: merged, head: { sha: head, ref: 'feature' }, base: { ref: 'main' } }, repository: { default_branch: 'main' } } };
    return { merged, event };
  }

  it("composes the squash commit's note from the pull request's notes and pushes refs/notes/ai", () => {
    const world = origin();
    const { merged, event } = squashMerged(world);
    const runner = checkout(world, 'heads/main', merged);
    const result = runAction(runner, event, { INPUT_SQUASH_NOTES: 'true' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/wrote the git-ai note of [0-9a-f]{12}: 1 file, composed from 1 note/);
    expect(result.summary).toContain(`The line-level note of \`${merged.slice(0, 12)}\` was composed from pull request #1 and pushed to refs/notes/ai.`);
    const pushed = world.origin.git(['notes', '--ref=ai', 'show', merged], { raw: true });
    expect(pushed).toBe(note(merged, 'src/ai.js', '1'));
    // Run again: nothing new to push.
    const again = runAction(runner, event, { INPUT_SQUASH_NOTES: 'true' });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/already this one; nothing changed/);
  });

  it('origin also has a branch named refs/notes/ai (refs/heads/refs/notes/ai): the composed note is pushed to refs/notes/ai itself, the branch untouched', () => {
    const world = origin();
    const { merged, event } = squashMerged(world);
    // Anyone who can push a branch names it so; git matches a push's destination by its end ("matches more than one").
    world.dev.git(['push', '-q', 'origin', `${world.main}:refs/heads/refs/notes/ai`]);
    const runner = checkout(world, 'heads/main', merged);
    const result = runAction(runner, event, { INPUT_SQUASH_NOTES: 'true' });
    expect(result.status, result.stderr).toBe(0);
    const exact = (name: string) => world.origin.git(['for-each-ref', '--format=%(objectname)', name]).split('\n').map((line) => line.trim()).filter(Boolean);
    expect(exact('refs/heads/refs/notes/ai')).toEqual([world.main]);
    const notesTip = exact('refs/notes/ai')[0]!;
    expect(world.origin.git(['cat-file', 'blob', `${notesTip}:${merged}`], { raw: true })).toBe(note(merged, 'src/ai.js', '1'));
  });

  it('a pull request closed without merging, or a push event: nothing composed', () => {
    const world = origin();
    const { merged, event } = squashMerged(world);
    const runner = checkout(world, 'heads/main', merged);
    const closed = runAction(runner, { ...event, payload: { ...event.payload, pull_request: { ...event.payload.pull_request, merged: false } } }, { INPUT_SQUASH_NOTES: 'true' });
    expect(closed.status, closed.stderr).toBe(0);
    expect(closed.stderr).toMatch(/was not merged: no note to compose/);
    const push = runAction(runner, { ...event, name: 'push' }, { INPUT_SQUASH_NOTES: 'true' });
    expect(push.status).toBe(2);
    expect(push.stdout).toMatch(/squash-notes runs on a pull_request event/);
    expect(gitRunStatus(world.origin.dir, ['notes', '--ref=ai', 'show', merged])).not.toBe(0);
  });
});

function gitRunStatus(cwd: string, args: string[]): number | null {
  return spawnSync('git', args, { cwd, env: TEST_GIT_ENV, encoding: 'utf8' }).status;
}

describe('action.yml', () => {
  it('is a composite action whose one step passes every input to the script through env, never into the script text', () => {
    const action = load(readFileSync(join(PACKAGE_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default: string }>; runs: { using: string; steps: { shell: string; run: string; env: Record<string, string> }[] } };
    expect(action.runs.using).toBe('composite');
    const [step] = action.runs.steps;
    expect(action.runs.steps).toHaveLength(1);
    expect(step!.shell).toBe('bash');
    expect(step!.run).toBe('"$GITHUB_ACTION_PATH/scripts/action.sh"');
    const names = Object.keys(action.inputs);
    expect(names).toEqual(['range', 'config', 'blame-paths', 'blame-since', 'fail-on-warnings', 'squash-notes', 'version']);
    const script = readFileSync(SCRIPT, 'utf8');
    for (const name of names) {
      const variable = `INPUT_${name.toUpperCase().replace(/-/g, '_')}`;
      expect(step!.env[variable]).toBe(`\${{ inputs.${name} }}`);
      expect(script).toContain(variable);
    }
  });
});

describe('the GitHub Action script and a branch named like the notes', () => {
  it('a branch `refs/notes/ai` (refs/heads/refs/notes/ai) on a remote without notes is not fetched as the notes: its fake note cannot name a model for an innocent pull request nor call lines human in the summary', () => {
    const world = origin();
    const { dev } = world;
    const { head, merge } = pullRequest(world, [{ message: 'feat: by hand\n', files: { 'src/hand.js': 'h 1\nh 2\n' } }]);
    // Anyone who can push a branch pushes one named refs/notes/ai: a notes commit whose note gives the person's lines to Qwen.
    addNote(dev, head, gitAiNote({ 'src/hand.js': [session(NOTE_KEYS.qwen, '1-2')] }), 'fake');
    dev.git(['push', '-q', 'origin', 'refs/notes/fake:refs/heads/refs/notes/ai']);
    const runner = checkout(world, 'pull/1/merge', merge);
    const result = runAction(runner, prEvent(head, merge));
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
    expect(result.stdout).not.toContain('qwen');
    expect(runner.git(['for-each-ref', '--format=%(refname)', 'refs/notes/'])).toBe('');
    expect(result.summary).not.toContain('qwen');
    // With real notes beside it, the real ones are fetched.
    dev.git(['notes', '--ref', 'ai', 'add', '-m', 'not a git-ai log', world.main]);
    // (git push would match refs/notes/ai to that branch too, by its end: the server fetches the notes.)
    world.origin.git(['fetch', '-q', dev.dir, 'refs/notes/ai:refs/notes/ai']);
    const again = checkout(world, 'pull/1/merge', merge);
    expect(runAction(again, prEvent(head, merge)).status).toBe(0);
    expect(again.git(['notes', '--ref', 'ai', 'show', world.main])).toBe('not a git-ai log');
  });
});
