import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aiAuthorText, rememberAiAuthor } from '../../src/hooks/ai-author.js';

const dir = mkdtempSync(join(tmpdir(), 'aitrail-ai-author-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const author = (n: number) => ({ GIT_AUTHOR_NAME: 'Test Human', GIT_AUTHOR_EMAIL: 'human@example.com', GIT_AUTHOR_DATE: `@${1700000000 + n} +0100` });
const remembered = () => readFileSync(join(dir, 'aitrail', 'ai-author'), 'utf8');

describe('the authors of the last AI commits, for the amend gate of the prepare-commit-msg shim', () => {
  it('are kept latest first, each once, eight at most, three lines each', () => {
    for (let n = 0; n < 10; n += 1) rememberAiAuthor(dir, author(n));
    rememberAiAuthor(dir, author(5));
    const records = remembered().split('\n').slice(0, -1);
    expect(records.length).toBe(24);
    expect(records.slice(0, 3)).toEqual(['Test Human', 'human@example.com', '@1700000005 +0100']);
    expect(records.filter((line) => line === '@1700000005 +0100')).toHaveLength(1);
    expect(records).not.toContain('@1700000001 +0100');
  });

  it('git exported no author (a merge) or one with a line break: nothing is written, nothing breaks', () => {
    expect(aiAuthorText({ GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.com' })).toBeUndefined();
    expect(aiAuthorText({ ...author(0), GIT_AUTHOR_NAME: 'A\nB' })).toBeUndefined();
    const before = remembered();
    rememberAiAuthor(dir, { GIT_AUTHOR_NAME: 'A' });
    expect(remembered()).toBe(before);
    // A file that is not what node writes: read as far as it goes, rewritten whole.
    writeFileSync(join(dir, 'aitrail', 'ai-author'), 'junk');
    rememberAiAuthor(dir, author(1));
    expect(remembered()).toBe('Test Human\nhuman@example.com\n@1700000001 +0100\n');
  });
});
