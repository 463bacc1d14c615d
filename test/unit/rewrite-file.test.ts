import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rewriteFile } from '../../src/io/rewrite-file.js';

const dir = mkdtempSync(join(tmpdir(), 'aitrail-rewrite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rewriteFile (a hook rewriting the message file without truncating it to nothing first)', () => {
  it('leaves exactly the new bytes, longer or shorter than the old, and keeps the file itself (inode, mode)', () => {
    const path = join(dir, 'COMMIT_EDITMSG');
    writeFileSync(path, 'Add a feature\n\nWith a body.\n', { mode: 0o640 });
    const before = statSync(path);
    rewriteFile(path, 'Add a feature\n\nWith a body.\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n');
    expect(readFileSync(path, 'utf8')).toBe('Add a feature\n\nWith a body.\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n');
    rewriteFile(path, Buffer.from('Short\n'));
    expect(readFileSync(path, 'utf8')).toBe('Short\n');
    rewriteFile(path, '');
    expect(readFileSync(path, 'utf8')).toBe('');
    const after = statSync(path);
    expect([after.ino, after.mode]).toEqual([before.ino, before.mode]);
    // Bytes outside UTF-8 (a message in another encoding) are written as given.
    rewriteFile(path, Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
    expect([...readFileSync(path)]).toEqual([0x43, 0x61, 0x66, 0xe9, 0x0a]);
  });

  it('makes a missing file; a missing folder is an error, as writeFileSync\'s', () => {
    const path = join(dir, 'new-file');
    rewriteFile(path, 'x\n');
    expect(readFileSync(path, 'utf8')).toBe('x\n');
    expect(() => rewriteFile(join(dir, 'no-such-dir', 'f'), 'x')).toThrow(/ENOENT/);
  });
});
