import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claudeCode, type EditCase } from '../fixtures/agent-payloads.js';
import { commitAll, noteOf } from '../helpers/agent-edits.js';
import { checkpoint } from '../helpers/checkpoint.js';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';

// git converts a `working-tree-encoding` file with iconv; the checkpoint (672) with WHATWG's
// TextDecoder, whose shift_jis and euc-jp are Microsoft's CP932 table. iconv's SHIFT-JIS is JIS X 0201
// Roman (0x5C is `¥`, 0x7E `‾`) and both names map six JIS X 0208 characters otherwise (0x8160 is
// WAVE DASH `〜`, CP932's FULLWIDTH TILDE `～`): an agent line holding one was not the committed line.
const a = [0x82, 0xa0]; // あ in Shift_JIS
const CASES = [
  // name, work-tree bytes of `あ`, of `〜` (0x8160 / 0xA1C1), and what git commits for `a\b ~ 〜`
  ['SHIFT-JIS', a, [0x81, 0x60], 'a\u00a5b \u203e \u301c'],
  ['Shift_JIS', a, [0x81, 0x60], 'a\u00a5b \u203e \u301c'],
  ['EUC-JP', [0xa4, 0xa2], [0xa1, 0xc1], 'a\\b ~ \u301c'],
] as const;

describe('checkpoints of a Japanese file as git iconv reads it (s44t)', () => {
  it.each(CASES)('working-tree-encoding=%s: the agent line holding \\ ~ and a wave dash is noted', (encoding, hiragana, waveDash, committedLine) => {
    const repo = makeRepo();
    repo.write('.gitattributes', `*.txt text working-tree-encoding=${encoding}\n`);
    const file = (...tail: (string | readonly number[])[]) =>
      Buffer.concat([Buffer.from(hiragana), Buffer.from('\none\n'), ...tail.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part)))]);
    writeFileSync(join(repo.dir, 'a.txt'), file());
    repo.git(['add', '.']);
    repo.git(['commit', '-qm', 'base']);
    expect(repo.git(['show', 'HEAD:a.txt'], { raw: true })).toBe('あ\none\n');
    expect(aitrail(repo.dir, ['init', '--mode', 'git']).code).toBe(0);
    const transcript = join(tempDir('aitrail-transcript-'), 'session.jsonl');
    writeFileSync(transcript, claudeCode.transcript(claudeCode.model));
    const edit: EditCase = { file: join(repo.dir, 'a.txt'), relative: 'a.txt', cwd: repo.dir, old: 'one\n', replacement: 'one\na\\b ~ 〜\ntwo\n', transcript };
    expect(checkpoint(repo.dir, 'claude-code', claudeCode.pre(edit)).stderr).toBe('');
    writeFileSync(join(repo.dir, 'a.txt'), file('a\\b ~ ', waveDash, '\ntwo\n'));
    expect(checkpoint(repo.dir, 'claude-code', claudeCode.post(edit)).stderr).toBe('');
    const head = commitAll(repo, 'agent lines');
    expect(repo.git(['show', 'HEAD:a.txt'], { raw: true })).toBe(`あ\none\n${committedLine}\ntwo\n`);
    expect(noteOf(repo, head).files).toEqual({ 'a.txt': ['3,4'] });
    expect(readdirSync(join(repo.dir, '.git', 'aitrail', 'checkpoints'))).toEqual([]);
  });
});
