import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claudeCode, type EditCase } from '../fixtures/agent-payloads.js';
import { commitAll, noteOf } from '../helpers/agent-edits.js';
import { checkpoint } from '../helpers/checkpoint.js';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';

// git's `working-tree-encoding` (its docs' own example: `*.ps1 text working-tree-encoding=UTF-16LE eol=CRLF`)
// keeps a file UTF-16 in the work tree and UTF-8 in the commit. The agent edits the UTF-16 text.
const UTF16 = [
  ['UTF-16LE', (text: string) => Buffer.from(text, 'utf16le')],
  ['UTF-16LE-BOM', (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
  ['UTF-16', (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
] as const;

describe('checkpoints of a file git keeps in another encoding in the work tree (s44q)', () => {
  it.each(UTF16)('working-tree-encoding=%s: the agent lines are noted at their committed lines, and the checkpoint consumed', (encoding, bytes) => {
    const repo = makeRepo();
    repo.write('.gitattributes', `*.ps1 text working-tree-encoding=${encoding} eol=CRLF\n`);
    writeFileSync(join(repo.dir, 'a.ps1'), bytes('one\r\ntwo\r\nthree\r\n'));
    repo.git(['add', '.']);
    repo.git(['commit', '-qm', 'base']);
    expect(repo.git(['show', 'HEAD:a.ps1'], { raw: true })).toBe('one\ntwo\nthree\n');
    expect(aitrail(repo.dir, ['init', '--mode', 'git']).code).toBe(0);
    const transcript = join(tempDir('aitrail-transcript-'), 'session.jsonl');
    writeFileSync(transcript, claudeCode.transcript(claudeCode.model));
    const edit: EditCase = { file: join(repo.dir, 'a.ps1'), relative: 'a.ps1', cwd: repo.dir, old: 'two\r\n', replacement: 'two\r\nai one\r\nai two\r\n', transcript };
    expect(checkpoint(repo.dir, 'claude-code', claudeCode.pre(edit)).stderr).toBe('');
    writeFileSync(join(repo.dir, 'a.ps1'), bytes('one\r\ntwo\r\nai one\r\nai two\r\nthree\r\n'));
    expect(checkpoint(repo.dir, 'claude-code', claudeCode.post(edit)).stderr).toBe('');
    // A person commits the agent's work: no trailer, the note is the record.
    const head = commitAll(repo, 'agent lines');
    expect(repo.git(['show', 'HEAD:a.ps1'], { raw: true })).toBe('one\ntwo\nai one\nai two\nthree\n');
    expect(noteOf(repo, head).files).toEqual({ 'a.ps1': ['3,4'] });
    expect(readdirSync(join(repo.dir, '.git', 'aitrail', 'checkpoints'))).toEqual([]);
    const report = JSON.parse(aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']).stdout);
    expect(report.totals).toMatchObject({ ai: 2, byAgent: { 'claude-code': 2 } });
  });

  it('an encoding aitrail cannot decode is refused by its name, shown inert', () => {
    const repo = makeRepo();
    repo.write('.gitattributes', '*.ps1 text working-tree-encoding=UTF-32\u202e\x1b[31m\n');
    writeFileSync(join(repo.dir, 'a.ps1'), Buffer.from('one\n', 'utf16le'));
    expect(aitrail(repo.dir, ['init', '--mode', 'git']).code).toBe(0);
    const transcript = join(tempDir('aitrail-transcript-'), 'session.jsonl');
    writeFileSync(transcript, claudeCode.transcript(claudeCode.model));
    const edit: EditCase = { file: join(repo.dir, 'a.ps1'), relative: 'a.ps1', cwd: repo.dir, old: 'one\n', replacement: 'one\ntwo\n', transcript };
    const { stderr } = checkpoint(repo.dir, 'claude-code', claudeCode.pre(edit));
    expect(stderr).toContain('in the work tree, which aitrail cannot decode');
    expect(stderr).toContain('"UTF-32\\u{202e}\\u001b[31m"');
    expect(stderr).not.toMatch(/[\u001b\u202e]/);
  });
});
