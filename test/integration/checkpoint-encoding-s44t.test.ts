import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claudeCode, type EditCase } from '../fixtures/agent-payloads.js';
import { commitAll, noteOf } from '../helpers/agent-edits.js';
import { checkpoint } from '../helpers/checkpoint.js';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';

// A `working-tree-encoding` git's iconv knows and the runtime's TextDecoder does not (CP949, Korean
// Windows' code page; CP437, IBM037…), on a file with no NUL byte: git commits its ASCII lines as they
// are, and so did the checkpoint (read as UTF-8) before 672; 672 refused the whole file
// ("which aitrail cannot decode"), so the agent's ASCII lines were no longer noted and counted human.
describe('checkpoints of a file in an encoding the runtime cannot decode (s44t)', () => {
  it('working-tree-encoding=CP949: the agent ASCII lines are still noted', () => {
    const repo = makeRepo();
    repo.write('.gitattributes', '*.txt text working-tree-encoding=CP949\n');
    const korean = Buffer.from([0xc7, 0xd1, 0xb1, 0xdb]); // 한글 in CP949
    const bytes = (before: string, after: string) => Buffer.concat([Buffer.from(before), korean, Buffer.from(after)]);
    writeFileSync(join(repo.dir, 'a.txt'), bytes('one\n', '\ntwo\n'));
    repo.git(['add', '.']);
    repo.git(['commit', '-qm', 'base']);
    expect(repo.git(['show', 'HEAD:a.txt'], { raw: true })).toBe('one\n한글\ntwo\n');
    expect(aitrail(repo.dir, ['init', '--mode', 'git']).code).toBe(0);
    const transcript = join(tempDir('aitrail-transcript-'), 'session.jsonl');
    writeFileSync(transcript, claudeCode.transcript(claudeCode.model));
    const edit: EditCase = { file: join(repo.dir, 'a.txt'), relative: 'a.txt', cwd: repo.dir, old: 'two\n', replacement: 'two\nai one\nai two\n', transcript };
    expect(checkpoint(repo.dir, 'claude-code', claudeCode.pre(edit)).stderr).toBe('');
    writeFileSync(join(repo.dir, 'a.txt'), bytes('one\n', '\ntwo\nai one\nai two\n'));
    expect(checkpoint(repo.dir, 'claude-code', claudeCode.post(edit)).stderr).toBe('');
    const head = commitAll(repo, 'agent lines');
    expect(repo.git(['show', 'HEAD:a.txt'], { raw: true })).toBe('one\n한글\ntwo\nai one\nai two\n');
    expect(noteOf(repo, head).files).toEqual({ 'a.txt': ['4,5'] });
    // Not consumed (as before 672): whether the work tree still differs from the commit needs git's iconv.
    expect(readdirSync(join(repo.dir, '.git', 'aitrail', 'checkpoints'))).toHaveLength(1);
    const report = JSON.parse(aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']).stdout);
    expect(report.totals).toMatchObject({ ai: 2, byAgent: { 'claude-code': 2 } });
  });
});
