import { readdirSync, readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentEdit, noteOf } from '../helpers/agent-edits.js';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';
import { gitRun } from '../helpers/hooks.js';

// post-commit asks whether the work tree still holds a checkpointed file's committed text (then the
// checkpoint is consumed); it read the whole work-tree file to answer, with no size cap, so an agent's
// file grown after `git add` (a sparse file of gigabytes) was read whole on the person's commit. A file
// larger than the committed text could be in any work-tree encoding is not read: here, a 1 MiB sparse
// file, whose NUL bytes made post-commit read it and ask git for its working-tree-encoding.
describe('post-commit does not read a work-tree file larger than its committed text could be (s45q)', () => {
  it('the staged agent lines are noted, the grown file is not read, its checkpoint is kept', () => {
    const repo = makeRepo();
    repo.commit('base\n', { 'a.txt': 'one\n' });
    expect(aitrail(repo.dir, ['init', '--mode', 'git']).code).toBe(0);
    agentEdit(repo, 'a.txt', 'one\n', 'one\nai two\nai three\n');
    repo.git(['add', 'a.txt']);
    truncateSync(join(repo.dir, 'a.txt'), 0);
    truncateSync(join(repo.dir, 'a.txt'), 1 << 20);
    const trace = join(tempDir('aitrail-trace-'), 'trace.json');
    const result = gitRun(repo.dir, ['commit', '-q', '-m', 'agent lines'], { GIT_TRACE2_EVENT: trace });
    expect(result.status, result.stderr).toBe(0);
    expect(repo.git(['show', 'HEAD:a.txt'], { raw: true })).toBe('one\nai two\nai three\n');
    expect(noteOf(repo, 'HEAD').files).toEqual({ 'a.txt': ['2,3'] });
    // No git process was asked about the file's encoding: its bytes were never looked at.
    const started = readFileSync(trace, 'utf8').split('\n').filter((line) => line.includes('"event":"start"'));
    expect(started.some((line) => line.includes('check-attr'))).toBe(false);
    expect(readdirSync(join(repo.dir, '.git', 'aitrail', 'checkpoints'))).toHaveLength(1);
  });
});
