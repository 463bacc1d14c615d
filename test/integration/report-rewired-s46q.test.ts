import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { QWEN_TRAILER as QWEN, replacedHistory as replaced } from '../helpers/replaced-history.js';
import { makeRepo } from '../helpers/gitdir.js';

const SAID = /git shows 1 object in place of the stored ones \(replace refs: [0-9a-f]{12}\).*an agent's commit replaced by a person's is counted as the person's/;


const aiLines = (stdout: string): number => (JSON.parse(stdout) as { totals: { ai: number } }).totals.ai;

describe('reports say so when git shows a history other than stored (replace refs, grafts) (s46q)', () => {
  it("blame, trend and log: Qwen's commit replaced by a person's is counted as the person's, and said", () => {
    const { repo } = replaced();
    const blame = aitrail(repo.dir, ['blame', '--format', 'json']);
    expect(blame.code, blame.stderr).toBe(0);
    expect(aiLines(blame.stdout)).toBe(0);
    expect(blame.stderr).toMatch(SAID);
    // A cached run says it too.
    const again = aitrail(repo.dir, ['blame', '--format', 'json']);
    expect(aiLines(again.stdout)).toBe(0);
    expect(again.stderr).toMatch(SAID);
    const log = aitrail(repo.dir, ['log']);
    expect(log.stdout).toContain('0 AI-assisted');
    expect(log.stderr).toMatch(SAID);
    // trend: once, not once per pair.
    const trend = aitrail(repo.dir, ['trend', 'HEAD~2', 'HEAD~1', 'HEAD']);
    expect(trend.code, trend.stderr).toBe(0);
    expect(trend.stderr.match(new RegExp(SAID.source, 'g'))).toHaveLength(1);
  });

  it('read as stored (GIT_NO_REPLACE_OBJECTS, core.useReplaceRefs=false): Qwen counted, nothing said', () => {
    const { repo } = replaced();
    const stored = aitrail(repo.dir, ['blame', '--format', 'json'], { env: { GIT_NO_REPLACE_OBJECTS: '1' } });
    expect(aiLines(stored.stdout)).toBe(3);
    expect(stored.stderr).not.toMatch(/replace refs/);
    repo.git(['config', 'core.useReplaceRefs', 'false']);
    const off = aitrail(repo.dir, ['blame', '--format', 'json']);
    expect(aiLines(off.stdout)).toBe(3);
    expect(off.stderr).not.toMatch(/replace refs/);
    expect(aitrail(repo.dir, ['log']).stderr).not.toMatch(/replace refs/);
  });

  it('a grafts file that makes a person\'s commit a root: its lines and Qwen\'s older ones read as the person\'s, said', () => {
    const repo = makeRepo();
    repo.commit('human\n', { 'b.ts': 'b();\n' });
    repo.commit(`parser${QWEN}`, { 'a.ts': 'q1();\nq2();\nq3();\n' });
    const person = repo.commit('a person\n', { 'c.ts': 'c();\n' });
    writeFileSync(join(repo.dir, '.git', 'info', 'grafts'), `${person}\n`);
    const env = { GIT_ADVICE: '0' };
    const blame = aitrail(repo.dir, ['blame', '--format', 'json'], { env });
    expect(aiLines(blame.stdout)).toBe(0);
    expect(blame.stderr).toMatch(/git reads grafts from '.*info\/grafts', which give commits other parents than stored/);
    expect(aitrail(repo.dir, ['log'], { env }).stderr).toMatch(/git reads grafts/);
  });
});
