// rows 1061, 1062: the shims' revert gate (row 1034) and node's revertSource (row 1015, 1042), again:
// - 1061: git's reference format abbreviates to `core.abbrev` digits, as few as 4 (`git -c core.abbrev=4 -c
//   revert.reference=true revert`): node read 7 to 64 digits only and the shim asked nothing of a shorter sha, so the
//   revert of a revert of a noted agent commit reapplied its lines with no note;
// - 1062: the gate gathered the named shas with a `set -- "$@" …` per line and counted them after the loop, quadratic in
//   a MERGE_MSG's lines: a person's `git cherry-pick -n` of a hostile commit (its message copied into MERGE_MSG, no
//   CHERRY_PICK_HEAD) with thousands of `This reverts commit` lines held the next `git commit` for minutes.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { countedHooksRepo } from '../helpers/counted-hooks.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';

const quiet = { AITRAIL: '0' };
const QWEN = session(NOTE_KEYS.qwen, '1-2');

describe('the revert gate (rows 1061, 1062)', () => {
  it('row 1061: a reference-format revert abbreviated below 7 digits (core.abbrev=4) carries the restored note', () => {
    const { repo, run } = countedHooksRepo();
    repo.commit('deny', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n  undeclared: allow\n' }, quiet);
    const agent = repo.commit('Add key\n', { 'k.ts': 'const key1 = computeTheSecretKeyMaterial(1);\nconst key2 = computeTheSecretKeyMaterial(2);\n' }, quiet);
    addNote(repo, agent, gitAiNote({ 'k.ts': [QWEN] }));
    expect(run(['revert', '--no-edit', agent]).status).toBe(0);
    const second = run(['-c', 'core.abbrev=4', '-c', 'revert.reference=true', 'revert', '--no-edit', 'HEAD']);
    expect(second.status, second.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).toMatch(/^This reverts commit [0-9a-f]{4,6} \(Revert "Add key", \d{4}-\d{2}-\d{2}\)\.$/m);
    expect(second.started).toEqual(['prepare-commit-msg', 'post-commit']);
    expect(repo.git(['notes', '--ref=ai', 'show', 'HEAD'])).toContain(`k.ts\n  ${QWEN}`);
    const check = aitrail(repo.dir, ['check', 'HEAD~1..HEAD', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect((JSON.parse(check.stdout).violations as Array<{ severity: string }>).filter((each) => each.severity === 'error')).toEqual([expect.objectContaining({ rule: 'model-denied', model: 'qwen/qwen3-coder' })]);
  });

  it('row 1062: a MERGE_MSG of 12,000 revert lines (a cherry-pick -n of a hostile commit) costs the next commit no quadratic loop', () => {
    const { repo, run, env } = countedHooksRepo();
    const noted = repo.commit('Noted\n', { 'n.ts': 'const n = 1;\n' }, quiet);
    addNote(repo, noted, gitAiNote({ 'n.ts': [QWEN] }));
    repo.git(['checkout', '-q', '-b', 'fork']);
    const lines = Array.from({ length: 12_000 }, (_, at) => `This reverts commit ${at.toString(16).padStart(40, '0')}.`);
    const hostile = repo.commit(`Fix typo\n\n${lines.join('\n')}\n`, { 'h.txt': 'h\n' }, quiet);
    repo.git(['checkout', '-q', 'main']);
    expect(run(['cherry-pick', '-n', hostile]).status).toBe(0);
    // The person's commit (both message hooks run the gate), under a bound far above what a linear gate takes (dash: seconds
    // for 8,000 lines before the fix, bash as sh minutes); GNU timeout kills the hooks' whole process group with git.
    const started = Date.now();
    const commit = spawnSync('timeout', ['-s', 'KILL', '30', 'git', 'commit', '-q', '-m', 'Take the fix'], { cwd: repo.dir, env, encoding: 'utf8' });
    expect(commit.status, `git commit took ${Date.now() - started} ms: ${commit.stderr}`).toBe(0);
    expect(repo.git(['log', '-1', '--format=%s'])).toBe('Take the fix');
  }, 60_000);
});
