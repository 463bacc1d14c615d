import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hookedWithOrigin } from '../helpers/hooked-repo.js';
import { tryGit } from '../helpers/enforce-repos.js';

// 492 reads a message as git will show it under i18n.commitEncoding by writing a commit object to a
// fresh folder under the system's temporary folder; where that folder cannot be made (TMPDIR gone or
// read-only: a sandbox, a stale shell, a `.env`'s TMPDIR) mkdtemp threw and commit-msg refused every
// such commit, a person's Japanese or latin1 message too.
const SHIFT = '\x1b$B\x1b(B';
const HIDDEN = `As${SHIFT}sisted-by: qw${SHIFT}en-code:qw${SHIFT}en/qw${SHIFT}en3-coder`;

describe('i18n.commitEncoding at commit-msg without a usable TMPDIR', () => {
  it("a person's ISO-2022-JP and latin1 commits pass; Qwen's hidden trailer is still refused; nothing is left behind", () => {
    const { repo, env } = hookedWithOrigin();
    const noTmp = { ...env, TMPDIR: join(repo.dir, 'no', 'such', 'folder') };
    repo.write('a.ts', 'export const a = 1;\n');
    repo.git(['add', '.']);
    const japanese = Buffer.concat([Buffer.from('feat: '), Buffer.from('1b2442467c4b5c386c1b2842', 'hex'), Buffer.from('\n')]);
    const person = tryGit(repo.dir, ['-c', 'i18n.commitEncoding=ISO-2022-JP', 'commit', '-q', '-F', '-'], { env: noTmp, input: japanese });
    expect(person.code, person.stderr).toBe(0);
    repo.write('b.ts', 'export const b = 1;\n');
    repo.git(['add', '.']);
    const latin1 = tryGit(repo.dir, ['-c', 'i18n.commitEncoding=ISO-8859-1', 'commit', '-q', '-F', '-'], { env: noTmp, input: Buffer.from('feat: caf\xe9\n', 'latin1') });
    expect(latin1.code, latin1.stderr).toBe(0);
    repo.write('c.ts', 'export const c = 1;\n');
    repo.git(['add', '.']);
    const before = repo.git(['rev-parse', 'HEAD']);
    const hidden = tryGit(repo.dir, ['-c', 'i18n.commitEncoding=ISO-2022-JP', 'commit', '-q', '-m', 'feat: add c', '-m', HIDDEN], { env: noTmp });
    expect(hidden.code, hidden.stderr).not.toBe(0);
    expect(hidden.stderr).toContain('qwen/qwen3-coder');
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(before);
    expect(existsSync(noTmp.TMPDIR)).toBe(false);
    expect(readdirSync(join(repo.dir, '.git')).filter((name) => name.startsWith('aitrail-shown-'))).toEqual([]);
  });
});
