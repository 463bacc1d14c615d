// Session 56 helper s (row 1222): files-by-written.ts kept the first MAX_LISTED names of a directory as listed (sorted by
// name) before asking which names a reader wants: in a Gemini CLI chats folder of more than 4096 `session-<date>…` recordings
// the newest was cut (the oldest kept), and other files' names spent the bound; found re-reading the cut on real directories.
// Now the names a reader accepts are chosen first and the last MAX_LISTED of them kept: for dated names, the newest.
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { filesByWritten, MAX_LISTED } from '../../src/agent-settings/files-by-written.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(names: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'aitrail-fbw-'));
  made.push(dir);
  names.forEach((name, at) => {
    writeFileSync(join(dir, name), '{}');
    utimesSync(join(dir, name), 1_000_000 + at, 1_000_000 + at);
  });
  return dir;
}

describe('filesByWritten past its bound (row 1222)', () => {
  it('keeps the newest of more than MAX_LISTED dated recordings', () => {
    const names = Array.from({ length: MAX_LISTED + 5 }, (_, at) => `session-2026-01-01T00-${String(at).padStart(6, '0')}.json`);
    const dir = folder(names);
    const found = filesByWritten([dir], (name) => name.startsWith('session-'));
    expect(found).toHaveLength(MAX_LISTED);
    expect(found[0]!.path).toBe(join(dir, names.at(-1)!));
  });

  it('names a reader does not want spend none of the bound', () => {
    const dir = folder([...Array.from({ length: MAX_LISTED }, (_, at) => `a-${String(at).padStart(5, '0')}.log`), 'session-1.json']);
    expect(filesByWritten([dir], (name) => name.startsWith('session-')).map((file) => file.path)).toEqual([join(dir, 'session-1.json')]);
  });
});
