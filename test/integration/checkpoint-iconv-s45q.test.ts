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

/** `text` as UTF-32 code units in `order`. */
function utf32(text: string, order: 'le' | 'be'): Buffer {
  const points = [...text].map((char) => char.codePointAt(0)!);
  const out = Buffer.alloc(points.length * 4);
  points.forEach((point, index) => (order === 'le' ? out.writeUInt32LE(point, index * 4) : out.writeUInt32BE(point, index * 4)));
  return out;
}
const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();
const LE_BOM = Buffer.from([0xff, 0xfe]);
const BE_BOM = Buffer.from([0xfe, 0xff]);

// The wide encodings: git's iconv reads UTF-32 (the runtime's TextDecoder knows none: refused by name),
// keeps a UCS-2 file's byte order mark as the text's U+FEFF (TextDecoder's `ucs-2` drops it), and reads
// UNICODE's order from its mark (TextDecoder: little-endian whatever the mark says).
const WIDE: ReadonlyArray<readonly [string, (text: string) => Buffer, string]> = [
  // name, the work tree's bytes of a text, what git commits before that text
  ['UTF-32', (text) => Buffer.concat([utf32('\ufeff', 'le'), utf32(text, 'le')]), ''],
  ['UTF-32', (text) => Buffer.concat([utf32('\ufeff', 'be'), utf32(text, 'be')]), ''],
  ['UTF-32LE', (text) => utf32(text, 'le'), ''],
  ['UTF-32BE', (text) => utf32(text, 'be'), ''],
  ['UCS-2', (text) => Buffer.concat([LE_BOM, Buffer.from(text, 'utf16le')]), '\ufeff'],
  ['UCS-2BE', (text) => Buffer.concat([BE_BOM, utf16be(text)]), '\ufeff'],
  ['UNICODE', (text) => Buffer.concat([BE_BOM, utf16be(text)]), ''],
];

describe('checkpoints of a work-tree file in a wide encoding read as git iconv reads it (s45q)', () => {
  it.each(WIDE)('working-tree-encoding=%s: the agent lines are noted and the checkpoint consumed', (encoding, encode, lead) => {
    const repo = makeRepo();
    repo.write('.gitattributes', `*.txt text working-tree-encoding=${encoding}\n`);
    writeFileSync(join(repo.dir, 'a.txt'), encode('base\none\n'));
    repo.git(['add', '.']);
    repo.git(['commit', '-qm', 'base']);
    expect(repo.git(['show', 'HEAD:a.txt'], { raw: true })).toBe(`${lead}base\none\n`);
    expect(aitrail(repo.dir, ['init', '--mode', 'git']).code).toBe(0);
    const transcript = join(tempDir('aitrail-transcript-'), 'session.jsonl');
    writeFileSync(transcript, claudeCode.transcript(claudeCode.model));
    // An astral character only where git's iconv takes one (UCS-2 has none).
    const added = `ai \u00e9 ${encoding.startsWith('UTF-32') ? '\u{1f600}' : '\u20ac'}\nai two\n`;
    const edit: EditCase = { file: join(repo.dir, 'a.txt'), relative: 'a.txt', cwd: repo.dir, old: 'one\n', replacement: `one\n${added}`, transcript };
    expect(checkpoint(repo.dir, 'claude-code', claudeCode.pre(edit)).stderr).toBe('');
    writeFileSync(join(repo.dir, 'a.txt'), encode(`base\none\n${added}`));
    expect(checkpoint(repo.dir, 'claude-code', claudeCode.post(edit)).stderr).toBe('');
    const head = commitAll(repo, 'agent lines');
    expect(repo.git(['show', 'HEAD:a.txt'], { raw: true })).toBe(`${lead}base\none\n${added}`);
    expect(noteOf(repo, head).files).toEqual({ 'a.txt': ['3,4'] });
    expect(readdirSync(join(repo.dir, '.git', 'aitrail', 'checkpoints'))).toEqual([]);
  });
});
