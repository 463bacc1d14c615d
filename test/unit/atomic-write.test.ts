import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempPathFor, writeFileAtomic, writeFileAtomicSync } from '../../src/io/atomic-write.js';
import { FileError } from '../../src/io/file-error.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function dir(): string {
  const made = mkdtempSync(join(tmpdir(), 'aitrail-atomic-'));
  dirs.push(made);
  return made;
}

function enospc(): NodeJS.ErrnoException {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
}

describe('writeFileAtomicSync', () => {
  it('writes a new file or replaces one, with the mode asked for, creating the directory', () => {
    const root = dir();
    const path = join(root, 'sub', 'state.json');
    writeFileAtomicSync(path, 'one', { mkdir: true, mode: 0o600 });
    writeFileAtomicSync(path, Buffer.from('two'), { mode: 0o600 });
    expect(readFileSync(path, 'utf8')).toBe('two');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(root, 'sub'))).toEqual(['state.json']);
  });

  it('a failed write (full disk) leaves the old file as it was, no temp file, and a one-line FileError', () => {
    const root = dir();
    const path = join(root, 'session.json');
    writeFileSync(path, 'old');
    let thrown: unknown;
    try {
      writeFileAtomicSync(path, 'new', {}, { write: (fd, data) => {
        writeFileSync(fd, data.subarray(0, 1)); // half written, then the disk is full
        throw enospc();
      } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FileError);
    expect((thrown as FileError).message).toBe(`cannot write ${path}: no space left on the device (ENOSPC); free some disk space and try again`);
    expect((thrown as FileError).code).toBe('ENOSPC');
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(root)).toEqual(['session.json']);
  });

  it('never follows a symlink planted at the temp name', () => {
    const root = dir();
    const victim = join(root, 'victim');
    writeFileSync(victim, 'keep');
    const path = join(root, 'cache.json');
    symlinkSync(victim, tempPathFor(path));
    writeFileAtomicSync(path, 'data');
    expect(readFileSync(victim, 'utf8')).toBe('keep');
    expect(readFileSync(path, 'utf8')).toBe('data');
  });

  it('names the cause of any other failure (a directory where the file should go)', () => {
    const root = dir();
    expect(() => writeFileAtomicSync(join(root, 'missing', 'x.json'), 'x')).toThrow(/^cannot write .*x\.json: no such file or directory \(ENOENT\)$/);
  });
});

describe('writeFileAtomic (async)', () => {
  it('writes, and on failure removes its temp file and throws a FileError', async () => {
    const root = dir();
    const path = join(root, 'r.json');
    await writeFileAtomic(path, 'x', { mkdir: true });
    expect(readFileSync(path, 'utf8')).toBe('x');
    await expect(writeFileAtomic(join(root, 'r.json', 'below-a-file'), 'x')).rejects.toBeInstanceOf(FileError);
    expect(readdirSync(root)).toEqual(['r.json']);
  });
});
