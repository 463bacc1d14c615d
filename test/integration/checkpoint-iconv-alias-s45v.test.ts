import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claudeCode, type EditCase } from '../fixtures/agent-payloads.js';
import { commitAll, noteOf } from '../helpers/agent-edits.js';
import { checkpoint } from '../helpers/checkpoint.js';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';

// glibc's other names of the wide encodings (`iconv -l`), which git hands to iconv as written:
// `UTF16LE` (git's own BOM checks read it as UTF-16LE), UCS-2's `UCS2`, `ISO-10646/UCS2`,
// `UNICODELITTLE`, `UNICODEBIG`, `CSUNICODE` (UNICODE: its order from its mark) and UCS-4's. Each was
// refused by name (CSUNICODE with a big-endian mark read byte-swapped, with no warning): the agent's
// lines, committed by git, got no note (counted human) and the checkpoint was never consumed.

/** `text` as UTF-32 code units in `order`. */
function utf32(text: string, order: 'le' | 'be'): Buffer {
  const points = [...text].map((char) => char.codePointAt(0)!);
  const out = Buffer.alloc(points.length * 4);
  points.forEach((point, index) => (order === 'le' ? out.writeUInt32LE(point, index * 4) : out.writeUInt32BE(point, index * 4)));
  return out;
}
const utf16le = (text: string): Buffer => Buffer.from(text, 'utf16le');
const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();
const LE_BOM = Buffer.from([0xff, 0xfe]);
const BE_BOM = Buffer.from([0xfe, 0xff]);

const ALIASES: ReadonlyArray<readonly [string, (text: string) => Buffer, string]> = [
  // name, the work tree's bytes of a text, what git commits before that text
  ['UTF16LE', utf16le, ''],
  ['UTF16BE', utf16be, ''],
  ['UCS2', (text) => Buffer.concat([LE_BOM, utf16le(text)]), '\ufeff'],
  ['ISO-10646/UCS2', utf16le, ''],
  ['UNICODELITTLE', (text) => Buffer.concat([LE_BOM, utf16le(text)]), '\ufeff'],
  ['UNICODEBIG', (text) => Buffer.concat([BE_BOM, utf16be(text)]), '\ufeff'],
  ['CSUNICODE', (text) => Buffer.concat([BE_BOM, utf16be(text)]), ''],
  ['UCS-4', (text) => utf32(`\ufeff${text}`, 'be'), '\ufeff'],
  ['UCS-4LE', (text) => utf32(text, 'le'), ''],
  ['WCHAR_T', (text) => utf32(text, 'le'), ''],
  // git's own UTF-16LE-BOM is read through iconv's UTF-16: a big-endian file with its mark is committed as text.
  ['UTF-16LE-BOM', (text) => Buffer.concat([BE_BOM, utf16be(text)]), ''],
  ['utf16le-bom', (text) => Buffer.concat([BE_BOM, utf16be(text)]), ''],
];

describe("checkpoints of a work-tree file named by glibc's other names of a wide encoding (s45v)", () => {
  it.each(ALIASES)('working-tree-encoding=%s: the agent lines are noted and the checkpoint consumed', (encoding, encode, lead) => {
    const repo = makeRepo();
    repo.write('.gitattributes', `*.txt text working-tree-encoding=${encoding}\n`);
    writeFileSync(join(repo.dir, 'a.txt'), encode('base\none\n'));
    repo.git(['add', '.']);
    repo.git(['commit', '-qm', 'base']);
    // What git's iconv commits: the test's reading of the bytes is iconv's.
    expect(repo.git(['show', 'HEAD:a.txt'], { raw: true })).toBe(`${lead}base\none\n`);
    expect(aitrail(repo.dir, ['init', '--mode', 'git']).code).toBe(0);
    const transcript = join(tempDir('aitrail-transcript-'), 'session.jsonl');
    writeFileSync(transcript, claudeCode.transcript(claudeCode.model));
    const added = 'ai \u00e9 \u20ac\nai two\n';
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
