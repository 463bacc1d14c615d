import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claudeCode, type EditCase } from '../fixtures/agent-payloads.js';
import { commitAll, noteOf } from '../helpers/agent-edits.js';
import { checkpoint } from '../helpers/checkpoint.js';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';

// WHATWG's TextDecoder reads `latin1`, `ISO-8859-1` and their aliases as windows-1252 (0x80 is `€`);
// git's iconv as ISO-8859-1 (0x80 is the control U+0080): an agent line holding a byte 0x80-0x9F (one
// per line is all an agent needs) was not the committed line, so not noted and counted human.
const CP1252 = [
  // name, the agent's two lines in the work tree, as git commits them
  ['latin1', 'ai \x80\nai \x9f\n', 'ai \u0080\nai \u009f\n'],
  ['ISO-8859-1', 'ai \x80\nai \x9f\n', 'ai \u0080\nai \u009f\n'],
  // Node 20.18.3+ reads windows-1252 as ISO-8859-1 (nodejs/node#60888): `’` was U+0092 there.
  ['CP1252', 'it\x92s \x80\nai \x93q\x94\n', 'it\u2019s \u20ac\nai \u201cq\u201d\n'],
  ['WINDOWS-1252', 'it\x92s \x80\nai \x93q\x94\n', 'it\u2019s \u20ac\nai \u201cq\u201d\n'],
] as const;

describe('checkpoints of a latin1 or CP1252 work-tree file read as git iconv reads it (s44t)', () => {
  it.each(CP1252)('working-tree-encoding=%s: the agent lines holding bytes 0x80-0x9F are noted', (encoding, agentBytes, committed) => {
    const repo = makeRepo();
    repo.write('.gitattributes', `*.txt text working-tree-encoding=${encoding}\n`);
    writeFileSync(join(repo.dir, 'a.txt'), Buffer.from('caf\xe9\none\n', 'latin1'));
    repo.git(['add', '.']);
    repo.git(['commit', '-qm', 'base']);
    expect(repo.git(['show', 'HEAD:a.txt'], { raw: true })).toBe('café\none\n');
    expect(aitrail(repo.dir, ['init', '--mode', 'git']).code).toBe(0);
    const transcript = join(tempDir('aitrail-transcript-'), 'session.jsonl');
    writeFileSync(transcript, claudeCode.transcript(claudeCode.model));
    const edit: EditCase = { file: join(repo.dir, 'a.txt'), relative: 'a.txt', cwd: repo.dir, old: 'one\n', replacement: `one\n${committed}`, transcript };
    expect(checkpoint(repo.dir, 'claude-code', claudeCode.pre(edit)).stderr).toBe('');
    writeFileSync(join(repo.dir, 'a.txt'), Buffer.from(`caf\xe9\none\n${agentBytes}`, 'latin1'));
    expect(checkpoint(repo.dir, 'claude-code', claudeCode.post(edit)).stderr).toBe('');
    const head = commitAll(repo, 'agent lines');
    expect(repo.git(['show', 'HEAD:a.txt'], { raw: true })).toBe(`café\none\n${committed}`);
    expect(noteOf(repo, head).files).toEqual({ 'a.txt': ['3,4'] });
    expect(readdirSync(join(repo.dir, '.git', 'aitrail', 'checkpoints'))).toEqual([]);
  });
});
