import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claudeCode, type EditCase } from '../fixtures/agent-payloads.js';
import { commitAll, noteOf } from '../helpers/agent-edits.js';
import { checkpoint } from '../helpers/checkpoint.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';
import { aitrail } from '../helpers/cli.js';

// Row 692's single-byte code pages, compared byte for byte with git's iconv (glibc): WHATWG's
// TextDecoder reads ISO-8859-9 (Latin-5) as windows-1254 (0x80 is `€`, iconv's the control U+0080) and
// Mac Roman's 0xC6 and 0xF0 as U+2206 and U+F8FF (iconv: U+0394, U+E01E), so an agent's line holding
// one was not the committed line: not noted, counted human. ISO-8859-15, CP1251 and KOI8-R agree with
// iconv on every byte git accepts (pinned here).
const CASES = [
  // name, the agent's two lines in the work tree, as git commits them
  ['ISO-8859-9', 'ai \x80 \xfd\nai \x9f \xf0\n', 'ai \u0080 \u0131\nai \u009f \u011f\n'],
  ['LATIN5', 'ai \x85\nai \x9f\n', 'ai \u0085\nai \u009f\n'],
  ['MACINTOSH', 'ai \xc6\nai \xf0\n', 'ai \u0394\nai \ue01e\n'],
  ['ISO-8859-15', 'ai \xa4\nai \xbd\n', 'ai \u20ac\nai \u0153\n'],
  ['CP1251', 'ai \xc0\xe1\nai \x88\n', 'ai \u0410\u0431\nai \u20ac\n'],
  ['KOI8-R', 'ai \xc1\xc2\nai \x9a\n', 'ai \u0430\u0431\nai \u00a0\n'],
] as const;

describe('checkpoints of a work-tree file in a single-byte code page read as git iconv reads it (s45q)', () => {
  it.each(CASES)('working-tree-encoding=%s: the agent lines are noted at their committed lines', (encoding, agentBytes, committed) => {
    const repo = makeRepo();
    repo.write('.gitattributes', `*.txt text working-tree-encoding=${encoding}\n`);
    writeFileSync(join(repo.dir, 'a.txt'), Buffer.from('base\none\n', 'latin1'));
    repo.git(['add', '.']);
    repo.git(['commit', '-qm', 'base']);
    expect(aitrail(repo.dir, ['init', '--mode', 'git']).code).toBe(0);
    const transcript = join(tempDir('aitrail-transcript-'), 'session.jsonl');
    writeFileSync(transcript, claudeCode.transcript(claudeCode.model));
    const edit: EditCase = { file: join(repo.dir, 'a.txt'), relative: 'a.txt', cwd: repo.dir, old: 'one\n', replacement: `one\n${committed}`, transcript };
    expect(checkpoint(repo.dir, 'claude-code', claudeCode.pre(edit)).stderr).toBe('');
    writeFileSync(join(repo.dir, 'a.txt'), Buffer.from(`base\none\n${agentBytes}`, 'latin1'));
    expect(checkpoint(repo.dir, 'claude-code', claudeCode.post(edit)).stderr).toBe('');
    const head = commitAll(repo, 'agent lines');
    // What git's iconv committed: the test's reading of each byte is iconv's.
    expect(repo.git(['show', 'HEAD:a.txt'], { raw: true })).toBe(`base\none\n${committed}`);
    expect(noteOf(repo, head).files).toEqual({ 'a.txt': ['3,4'] });
    expect(readdirSync(join(repo.dir, '.git', 'aitrail', 'checkpoints'))).toEqual([]);
  });
});
