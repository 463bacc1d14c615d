// row 1014: row 1001 asks git again, by pathspec, for a noted commit whose other files' diff passes
// 16 MiB; a hostile git-ai note naming a path with a NUL byte made that pathspec an argument Node cannot
// pass: check and log fell over (internal error, exit 3) instead of counting the lines the commit adds.
// Row 1099: replayed with the cap divided by 256 (AITRAIL_SIZE_CAPS_DIVISOR: 64 KiB; lockfiles of 54 KB each, 107 KB in all).
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo } from '../helpers/gitdir.js';
import { SCALED_ENV } from '../helpers/size-caps.js';

const POLICY = 'policy:\n  deny: ["qwen/*"]\n';

describe('row 1014: a note path holding a NUL byte beside other files\' diff past the cap', () => {
  it('check and log count the 2 lines the commit adds (no internal error)', () => {
    const repo = makeRepo();
    repo.commit('policy', { '.aitrailrc.yml': POLICY, 'README.md': 'hi\n' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    const lock = (key: string) => Array.from({ length: 1_800 }, (_, i) => `"dep-${i}": "${key}-${i}-aaaaaaaa",`).join('\n') + '\n';
    const sha = repo.commit('feat: o', { 'src/o.ts': 'x\ny\n', 'package-lock.json': lock('1'), 'yarn.lock': lock('2') });
    addNote(repo, sha, gitAiNote({ 'src/o.ts': [session(NOTE_KEYS.claude, '1-200')], 'src/a\u0000b.ts': [session(NOTE_KEYS.claude, '1-5')] }));
    const check = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json'], { env: SCALED_ENV });
    expect(check.stderr).not.toContain('internal error');
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain('model \\"claude-opus-4-6\\", 2 lines in 1 file points');
    const log = aitrail(repo.dir, ['log', '--format', 'json', 'main..feature'], { env: SCALED_ENV });
    expect(log.stderr).not.toContain('internal error');
    expect(log.code, log.stderr).toBe(0);
    expect(log.stdout).toContain('model \\"claude-opus-4-6\\", 2 lines in 1 file');
  });
});
