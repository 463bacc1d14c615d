// Issue 8, red team: ways around the model policy found after the eleven listed attacks were
// closed, each replayed the way an insider or a hostile repository would — real bare servers
// running the pre-receive hook, real pushes with --no-verify, real CI-style clones. Every test
// here failed before its fix.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, BIN } from '../helpers/cli.js';
import { CLAUDE_DECLARED, commitWith, expectEachRefused, policyServer, project, tryGit } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';

const POLICY = 'policy:\n  deny: ["qwen/*"]\n  unknownModel: deny\n  undeclared: deny\n';
const DENIED = 'feat: parser\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n';

const tip = (repo: TestRepo, ref = 'main'): string => repo.git(['rev-parse', ref]);

/** A directory holding an `aitrail` command that runs the built CLI (what `npm i -g aitrail` gives a server). */
function aitrailOnPath(): string {
  const dir = tempDir('aitrail-path-');
  writeFileSync(join(dir, 'aitrail'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(dir, 'aitrail'), 0o755);
  return dir;
}

describe('the pusher cannot switch the server hook off', () => {
  it('AITRAIL=0 in the environment of a push does not skip pre-receive (the shim aitrail init installs, and the hook command itself)', () => {
    const { remote, work, base } = policyServer(POLICY);
    commitWith(work, DENIED, { 'src/parser.ts': 'x\n' }, { noVerify: true });
    // The helper's hook: `aitrail hook pre-receive` itself.
    const direct = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main'], { env: { AITRAIL: '0' } });
    expect(direct.code).not.toBe(0);
    expect(direct.stderr).toMatch(/remote: .*qwen\/qwen3-coder/);
    expect(tip(remote)).toBe(base);
    // The shim `aitrail init` writes into a bare repository (aitrail found on the server's PATH).
    const path = `${aitrailOnPath()}:${process.env.PATH ?? ''}`;
    const init = aitrail(remote.dir, ['init', '--force'], { env: { PATH: path } });
    expect(init.code, init.stderr).toBe(0);
    const viaShim = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main'], { env: { AITRAIL: '0', PATH: path } });
    expect(viaShim.code).not.toBe(0);
    expect(viaShim.stderr).toMatch(/remote: .*qwen\/qwen3-coder/);
    expect(tip(remote)).toBe(base);
  });
});

describe('git-ai notes pushed to the server are judged by what they add', () => {
  const qwenNote = (path: string, lines: string) => gitAiNote({ [path]: [session(NOTE_KEYS.qwen, lines)] });

  it('a note naming a denied model, pushed in the same push as its commit, is refused', () => {
    const { remote, work, base } = policyServer(POLICY);
    const sha = work.commit('feat: parser\n', { 'src/parser.ts': 'a\nb\n' });
    addNote(work, sha, qwenNote('src/parser.ts', '1-2'));
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main', 'refs/notes/ai']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toMatch(/remote: .*qwen\/qwen3-coder/);
    expect(tip(remote)).toBe(base);
    expect(remote.git(['for-each-ref', 'refs/notes/'])).toBe('');
  });

  it('a notes push that says a denied model wrote lines already on the server is refused', () => {
    const { remote, work } = policyServer(POLICY);
    const sha = work.commit('feat: parser\n', { 'src/parser.ts': 'a\nb\n' });
    expect(tryGit(work.dir, ['push', '-q', '--no-verify', 'origin', 'main']).code).toBe(0);
    addNote(work, sha, qwenNote('src/parser.ts', '1-2'));
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'refs/notes/ai']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toMatch(/remote: .*qwen\/qwen3-coder/);
    expect(remote.git(['for-each-ref', 'refs/notes/'])).toBe('');
    // The same through an existing notes ref: only the notes it adds or changes are judged.
    const other = work.commit(`feat: app\n\n${CLAUDE_DECLARED}\n`, { 'src/app.ts': 'a\n' });
    work.git(['notes', '--ref', 'ai', 'remove', sha]);
    addNote(work, other, gitAiNote({ 'src/app.ts': [session(NOTE_KEYS.claude, '1')] }));
    expect(tryGit(work.dir, ['push', '-q', '--no-verify', 'origin', 'main', 'refs/notes/ai']).code).toBe(0);
    addNote(work, sha, qwenNote('src/parser.ts', '1'));
    const again = tryGit(work.dir, ['push', '--no-verify', 'origin', 'refs/notes/ai']);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/remote: .*qwen\/qwen3-coder/);
    expect(remote.git(['rev-parse', 'refs/notes/ai'])).not.toBe(work.git(['rev-parse', 'refs/notes/ai']));
  });

  it('notes of allowed models, and notes of commits the server does not have yet, pass', () => {
    const { remote, work } = policyServer(POLICY);
    const sha = work.commit(`feat: app\n\n${CLAUDE_DECLARED}\n`, { 'src/app.ts': 'a\n' });
    addNote(work, sha, gitAiNote({ 'src/app.ts': [session(NOTE_KEYS.claude, '1')] }));
    const local = work.commit('feat: later\n', { 'src/later.ts': 'a\n' });
    addNote(work, local, qwenNote('src/later.ts', '1'));
    // main stops before `local`: its note waits on the server, and judges it when it comes.
    expect(tryGit(work.dir, ['push', '-q', '--no-verify', 'origin', `${sha}:refs/heads/main`, 'refs/notes/ai']).code).toBe(0);
    expect(remote.git(['rev-parse', 'main'])).toBe(sha);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toMatch(/remote: .*qwen\/qwen3-coder/);
  });
});

describe('CI: a ref the branch author pushes cannot stand in for the target branch', () => {
  /** A server without hooks (GitHub, GitLab.com), a pull request branch with a denied commit, and a CI clone that fetched branches and tags. */
  function ciWithTag(tagName: string): { runner: TestRepo; head: string } {
    const remote = makeRepo({ bare: true });
    const dev = makeRepo();
    dev.git(['remote', 'add', 'origin', remote.dir]);
    dev.commit('chore: policy\n', { '.aitrailrc.yml': POLICY });
    dev.git(['push', '-q', 'origin', 'main']);
    dev.git(['checkout', '-q', '-b', 'feature']);
    commitWith(dev, DENIED, { 'src/parser.ts': 'x\n' }, { noVerify: true });
    const head = tip(dev, 'HEAD');
    // The author also pushes a tag spelled like the remote-tracking name the CI recipe uses.
    dev.git(['push', '-q', '--no-verify', 'origin', 'feature', `${head}:refs/tags/${tagName}`]);
    const runner = makeRepo();
    runner.git(['remote', 'add', 'origin', remote.dir]);
    runner.git(['fetch', '-q', '--tags', 'origin', '+refs/heads/*:refs/remotes/origin/*']);
    runner.git(['checkout', '-q', '--detach', head]);
    return { runner, head };
  }

  it('check origin/main..HEAD --policy-from origin/main (the recipes) is not fooled by a tag named origin/main', () => {
    const { runner, head } = ciWithTag('origin/main');
    const recipe = aitrail(runner.dir, ['check', `origin/main..${head}`, '--policy-from', 'origin/main']);
    expect(recipe.code).not.toBe(0);
    expect(recipe.code).not.toBe(1);
    expect(recipe.stderr).toContain('refs/tags/origin/main');
    expect(recipe.stderr).toContain('refs/remotes/origin/main');
    // Named in full, the target branch judges: the denied commit is found.
    const full = aitrail(runner.dir, ['check', `refs/remotes/origin/main..${head}`, '--policy-from', 'refs/remotes/origin/main']);
    expect(full.code, full.stdout + full.stderr).toBe(1);
    expect(full.stdout).toContain('qwen/qwen3-coder');
    // The other side of a range, and a range without a policy pin, are read the same way.
    expect(aitrail(runner.dir, ['check', 'refs/remotes/origin/main..origin/main']).code).toBe(2);
  });

  it('check with no range ignores a ref whose name only looks like the remote default branch', () => {
    const { runner } = ciWithTag('refs/remotes/origin/HEAD');
    // The fetch stored the tag as refs/tags/refs/remotes/origin/HEAD; origin/HEAD itself is not set.
    expect(runner.git(['for-each-ref', '--format=%(refname)', 'refs/tags/'])).toBe('refs/tags/refs/remotes/origin/HEAD');
    const result = aitrail(runner.dir, ['check']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('qwen/qwen3-coder');
  });
});

describe('a ref named HEAD cannot stand in for the default branch', () => {
  it('pre-receive: with HEAD\'s branch unborn, a pushed refs/tags/HEAD or refs/heads/HEAD does not become the policy', () => {
    const { remote, work } = policyServer(POLICY);
    commitWith(work, 'docs: human\n', { 'a.md': 'a\n' });
    expect(tryGit(work.dir, ['push', '-q', '--no-verify', 'origin', 'main']).code).toBe(0); // remembered
    remote.git(['symbolic-ref', 'HEAD', 'refs/heads/master']); // the master-vs-main server
    const memory = readFileSync(join(remote.dir, 'aitrail', 'policy.json'), 'utf8');
    work.git(['checkout', '-q', '-b', 'loosen']);
    commitWith(work, 'chore: allow qwen\n', { '.aitrailrc.yml': 'policy: {}\n' });
    // A human commit under the remembered policy: accepted. git now reads HEAD as these refs.
    expect(tryGit(work.dir, ['push', '-q', '--no-verify', 'origin', 'loosen:refs/tags/HEAD', 'loosen:refs/heads/HEAD']).code).toBe(0);
    expect(remote.git(['rev-parse', 'HEAD^{commit}'])).toBe(tip(work, 'loosen'));
    work.git(['checkout', '-q', '-b', 'evil', 'main']);
    commitWith(work, DENIED, { 'src/parser.ts': 'x\n' }, { noVerify: true });
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'evil']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toMatch(/remote: .*qwen\/qwen3-coder/);
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/evil'])).toBe('');
    expect(readFileSync(join(remote.dir, 'aitrail', 'policy.json'), 'utf8')).toBe(memory);
  });

  it('pre-push: a fetched tag named refs/remotes/origin/HEAD is not the remote\'s default branch', () => {
    const { work } = project(POLICY);
    work.git(['remote', 'set-head', 'origin', '--delete']); // a clone made by init + remote add + fetch
    work.git(['checkout', '-q', '-b', 'loosen']);
    commitWith(work, 'chore: allow qwen\n', { '.aitrailrc.yml': 'policy: {}\n' });
    expect(tryGit(work.dir, ['push', '-q', '--no-verify', 'origin', 'loosen:refs/tags/refs/remotes/origin/HEAD']).code).toBe(0);
    work.git(['fetch', '-q', '--tags', 'origin']);
    expect(work.git(['for-each-ref', '--format=%(refname)', 'refs/tags/'])).toBe('refs/tags/refs/remotes/origin/HEAD');
    work.git(['checkout', '-q', '-b', 'evil', 'main']);
    commitWith(work, DENIED, { 'src/parser.ts': 'x\n' }, { noVerify: true });
    const push = tryGit(work.dir, ['push', 'origin', 'evil']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('qwen/qwen3-coder');
  });
});

describe('a denied model declared where the reader did not look', () => {
  // The realistic policy: a denied vendor, unknown models only warned about. Each message declares
  // Qwen to git (`git interpret-trailers --parse` lists the line) and to a person reading it.
  const DENY_ONLY = 'policy:\n  deny: ["qwen/*"]\n';
  const tools = Array.from({ length: 33 }, (_, i) => `tool${i}`).join(', ');
  const messages: [string, string][] = [
    ['a tagged id beside an allowed model', `${CLAUDE_DECLARED}, qwen3-coder:30b`],
    ['an OpenRouter variant', 'Assisted-by: Claude Opus 4.6 and openrouter/qwen/qwen3-coder:free'],
    ['a model left of the colon', 'Assisted-by: qwen3-coder:claude-opus-4.6'],
    ['past the clause limit', `Assisted-by: claude-opus-4.6, ${tools}, qwen3-coder`],
    ['past the length limit', `Assisted-by: claude-opus-4.6 ${'x'.repeat(600)} qwen3-coder`],
    ['a Cyrillic letter in the model beside an allowed one', 'Assisted-by: claude-opus-4.6, Qw\u0435n3-Coder'],
    ['after the lookups are spent', `${'Assisted-by: claude-opus-4.6 gpt-5 gemini-2.5-pro o3 grok-4\n'.repeat(400)}Assisted-by: claude-opus-4.6, qwen3-coder`],
  ];

  it('pre-receive refuses each push, and check fails each commit', () => {
    const { remote, work } = policyServer(DENY_ONLY);
    const cases = Object.fromEntries(messages.map(([name, trailer]) => [name, `feat: parser\n\n${trailer}\n`]));
    for (const [name, message] of Object.entries(cases)) {
      expect(tryGit(work.dir, ['interpret-trailers', '--parse'], { input: message }).stdout, name).toMatch(/n3-coder/i);
    }
    // Each case its own commit, asserted on its own (its violations in check, its line at the server).
    expectEachRefused(remote, work, cases, (_, name, own) => {
      expect(own.some((violation) => violation.rule === 'model-denied' && violation.model.startsWith('qwen/')), name).toBe(true);
    });
  });
});
