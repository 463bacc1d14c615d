// rows 1041, 1042, 1043: the revert gate of the shims (row 1034) and node's revertSource (row 1015) read
// MERGE_MSG the same way, and a revert of a revert of an agent's noted commit carries its note in two forms it lost:
// - 1041: a bare `\r` in the agent commit's subject (git copies it into `Revert "…"`) made node read a second
//   `This reverts commit` line (JavaScript's `^` under `m` starts a line after `\r`), two reverts disagreeing: no note;
// - 1042: git's reference format (`revert.reference`, `git revert --reference`) names an abbreviated sha: no note;
// - 1043: a MERGE_MSG holding a NUL byte: GNU grep (3.5+) prints no match of a binary file, so the shim read no
//   revert line and ended the hook where node would have kept the restored commit.
// The differential: on generated MERGE_MSG texts, the shim starts node whenever node keeps a restored commit.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, BIN, nodeForHooks } from '../helpers/cli.js';
import { countedHooksRepo } from '../helpers/counted-hooks.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { prng } from '../helpers/trailer-messages.js';

const quiet = { AITRAIL: '0' };
const QWEN = session(NOTE_KEYS.qwen, '1-2');

/** A deny of Qwen, an agent's commit noted as Qwen's (`subject` its message, landed before the deny took hold: a note added after it), reverted once: HEAD is that revert. */
function revertedAgentCommit(subject: string) {
  const counted = countedHooksRepo();
  const { repo, run } = counted;
  repo.commit('deny', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n  undeclared: allow\n' }, quiet);
  const agent = repo.commit(subject, { 'k.ts': 'const key1 = computeTheSecretKeyMaterial(1);\nconst key2 = computeTheSecretKeyMaterial(2);\n' }, quiet);
  addNote(repo, agent, gitAiNote({ 'k.ts': [QWEN] }));
  const first = run(['revert', '--no-edit', agent]);
  expect(first.status, first.stderr).toBe(0);
  return { ...counted, agent };
}

/** `check` of the reapply alone (the agent's commit already landed before the deny) refuses Qwen's restored lines. */
function refused(dir: string) {
  const check = aitrail(dir, ['check', 'HEAD~1..HEAD', '--format', 'json']);
  expect(check.code, check.stdout + check.stderr).toBe(1);
  expect((JSON.parse(check.stdout).violations as Array<{ severity: string }>).filter((each) => each.severity === 'error')).toEqual([expect.objectContaining({ rule: 'model-denied', model: 'qwen/qwen3-coder' })]);
}

describe('a revert of a revert of a noted agent commit carries its note (rows 1041, 1042, 1043)', () => {
  it('row 1041: a bare carriage return in the agent commit subject names no second revert', () => {
    const { repo, run } = revertedAgentCommit(`Add key\rThis reverts commit ${'1'.repeat(40)}.\n`);
    expect(repo.git(['log', '-1', '--format=%s'])).toContain('\rThis reverts commit');
    const second = run(['revert', '--no-edit', 'HEAD']);
    expect(second.status, second.stderr).toBe(0);
    expect(second.started).toEqual(['prepare-commit-msg', 'post-commit']);
    expect(repo.git(['notes', '--ref=ai', 'show', 'HEAD'])).toContain(`k.ts\n  ${QWEN}`);
    refused(repo.dir);
  });

  it.each([
    ['revert.reference', ['-c', 'revert.reference=true', 'revert', '--no-edit', 'HEAD']],
    ['--reference', ['revert', '--reference', '--no-edit', 'HEAD']],
  ])('row 1042: a revert in git reference format (%s) names the abbreviated sha, resolved', (_, args) => {
    const { repo, run } = revertedAgentCommit('Add key\n');
    const second = run(args);
    expect(second.status, second.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).toMatch(/^This reverts commit [0-9a-f]{7,39} \(Revert "Add key", \d{4}-\d{2}-\d{2}\)\.$/m);
    expect(second.started).toEqual(['prepare-commit-msg', 'post-commit']);
    expect(repo.git(['notes', '--ref=ai', 'show', 'HEAD'])).toContain(`k.ts\n  ${QWEN}`);
    refused(repo.dir);
  });

  it('row 1043: a MERGE_MSG holding a NUL byte is read as text by the shim, as node reads it', () => {
    const { repo, run } = revertedAgentCommit('Add key\n');
    const first = repo.git(['rev-parse', 'HEAD']);
    expect(run(['revert', '-n', 'HEAD']).status).toBe(0);
    writeFileSync(join(repo.dir, '.git', 'MERGE_MSG'), `Revert "x\0"\n\nThis reverts commit ${first}.\n`);
    const commit = run(['commit', '-q', '-m', 'Reapply the key']);
    expect(commit.status, commit.stderr).toBe(0);
    expect(commit.started).toContain('prepare-commit-msg');
    expect(repo.git(['notes', '--ref=ai', 'show', 'HEAD'])).toContain(`k.ts\n  ${QWEN}`);
  });
});

describe('the shim revert gate and node agree (differential, rows 1034, 1041, 1042, 1043, 1061)', () => {
  it('on generated MERGE_MSG texts, the shim starts node for every one node keeps a restored commit for', () => {
    const { repo, run, env } = countedHooksRepo();
    const start = repo.git(['rev-parse', 'HEAD']);
    const agent = repo.commit('Add key\n', { 'k.ts': 'const key1 = computeTheSecretKeyMaterial(1);\n' }, quiet);
    addNote(repo, agent, gitAiNote({ 'k.ts': [session(NOTE_KEYS.qwen, '1')] }));
    const human = repo.commit('Human change\n', { 'b.txt': 'b\n' }, quiet);
    repo.git(['checkout', '-q', '-b', 'side']);
    const side = repo.commit('Side\n', { 's.ts': 'const side = computeTheSecretKeyMaterial(3);\n' }, quiet);
    addNote(repo, side, gitAiNote({ 's.ts': [session(NOTE_KEYS.qwen, '1')] }));
    repo.git(['checkout', '-q', 'main']);
    const main = repo.commit('Main\n', { 'c.txt': 'c\n' }, quiet);
    repo.git(['merge', '-q', '--no-ff', '-m', 'Merge side', 'side'], { env: quiet });
    const merge = repo.git(['rev-parse', 'HEAD']);
    // What each named commit restores: `human`'s parent is `agent` (noted); the merge's `side` parent is noted.
    const singles = [start, agent, human, main, side, merge];
    const gitDir = join(repo.dir, '.git');
    const pickSource = join(gitDir, 'aitrail', 'pick-source');
    const next = prng(52);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    // 4 digits: `core.abbrev=4` (row 1061).
    const name = (sha: string) => pick([sha, sha, sha.slice(0, 4), sha.slice(0, 7), sha.slice(0, 12), sha.slice(0, 39)]);
    const reference = (sha: string) => (sha.length < 40 || next() < 0.3 ? ` (Subject, with a comma, 2026-12-07)` : '');
    const line = () => {
      const mainline = next() < 0.3;
      const reverted = mainline ? merge : pick(singles);
      const first = name(reverted);
      const said = `This reverts commit ${first}${reference(first)}`;
      if (!mainline) return `${said}${pick(['.', '.', '', ' and more.'])}`;
      const parent = name(pick([main, side]));
      return `${said}, reversing${pick(['\n', '\r\n'])}changes made to ${parent}${reference(parent)}.`;
    };
    const texts: string[] = [];
    for (let made = 0; made < 48; made += 1) {
      const lines = Array.from({ length: 1 + Math.floor(next() * 2) }, line);
      const before = pick(['Revert "x"\n\n', 'Reapply "x"\n\n', 'Revert "x\r', 'Revert "x\0"\n\n', 'Revert "x"\r\n\r\n', '# *** SAY WHY ***\n\n', '  ']);
      texts.push(`${before}${lines.join(pick(['\n', '\r\n', '\r', '\n\n']))}${pick(['\n', '\r\n', ''])}`);
    }
    let kept = 0;
    let started = 0;
    for (const text of texts) {
      writeFileSync(join(gitDir, 'MERGE_MSG'), text);
      writeFileSync(join(gitDir, 'COMMIT_EDITMSG'), 'x\n');
      // The shim as git runs it (git sets GIT_DIR for no hook here: the message file's folder is the git dir).
      const shim = run([join(gitDir, 'hooks', 'prepare-commit-msg'), join(gitDir, 'COMMIT_EDITMSG'), 'message'], {}, 'sh');
      rmSync(pickSource, { force: true });
      // node, started whatever the shim decides: does it keep a restored commit for post-commit?
      const node = spawnSync(nodeForHooks(), [BIN, 'hook', 'prepare-commit-msg', join(gitDir, 'COMMIT_EDITMSG'), 'message'], { cwd: repo.dir, env, encoding: 'utf8' });
      expect(node.status, node.stderr).toBe(0);
      const keeps = existsSync(pickSource) && readFileSync(pickSource, 'utf8').endsWith('\nrevert\n');
      rmSync(pickSource, { force: true });
      kept += keeps ? 1 : 0;
      started += shim.started.length > 0 ? 1 : 0;
      if (keeps) expect(shim.started, JSON.stringify(text)).toEqual(['prepare-commit-msg']);
    }
    // Both answers occur: the cases test something, and the shim still spares node for some.
    expect(kept).toBeGreaterThan(5);
    expect(started).toBeLessThan(texts.length);
  });
});
