import { createHmac } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blame } from '../../src/api/blame.js';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';

// row 1023: the clone's cache key (`<git common dir>/aitrail/cache-secret`, row 1018) was read once per cache folder
// and process. A program calling the typed API over a folder it removed and cloned again sealed the new clone's
// entries under the old clone's key, without writing any key into the new clone; the next `aitrail blame` made a key
// of its own and found every entry foreign: it warned that the cache was restored from another clone, and was cold.

const CLAUDE = '\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n';

describe('the typed API reads the clone\'s cache key each run (row 1023)', () => {
  it('blame, the folder cloned anew, blame: the new clone holds its key and every entry is sealed under it, as a later process reads them', async () => {
    const repo = makeRepo();
    repo.commit('human: start\n', { 'b.txt': 'b\n'.repeat(5) });
    repo.commit(`ai: a${CLAUDE}`, { 'a.txt': 'a\n'.repeat(7) });
    const dir = tempDir();
    const cloneInto = () => repo.git(['clone', '-q', '--no-local', repo.dir, dir]);
    cloneInto();
    const warnings: string[] = [];
    const onWarning = (message: string) => warnings.push(message);
    expect((await blame({ cwd: dir, onWarning })).totals).toMatchObject({ lines: 12, ai: 7 });
    // The program removes its clone and clones again into the same folder.
    rmSync(dir, { recursive: true, force: true });
    cloneInto();
    expect((await blame({ cwd: dir, onWarning })).totals).toMatchObject({ lines: 12, ai: 7 });
    expect(warnings).toEqual([]);
    // What any later process checks an entry against: the clone's own key, which is there, and seals every entry.
    const secretFile = join(dir, '.git', 'aitrail', 'cache-secret');
    expect(existsSync(secretFile)).toBe(true);
    const key = Buffer.from(readFileSync(secretFile, 'utf8').trim(), 'hex');
    const root = join(dir, '.git', 'aitrail', 'blame-cache');
    const entries = readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.json'));
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      const file = join(entry.parentPath, entry.name);
      const text = readFileSync(file, 'utf8');
      const place = relative(root, file).split(sep).join('/');
      expect(text.slice(0, 64), place).toBe(createHmac('sha256', key).update(place).update('\0').update(text.slice(65)).digest('hex'));
    }
    // The CLI's run in that clone: the entries the API wrote are this clone's.
    const cli = aitrail(dir, ['blame', '--format', 'json']);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stderr).not.toMatch(/not sealed under this clone's key/);
    expect(cli.stderr).toBe('');
  });
});
