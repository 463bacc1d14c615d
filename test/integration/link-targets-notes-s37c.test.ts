import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { committed, fileLink, linkedBeforeTheRule, policyServer, QWEN_KEY, tryGit } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';

// Session 37 (red team, row 456 through git-ai's notes): a link made before the path rule,
// `src/crypto/key.ts -> ../../lib/key.ts`, then a commit of lib/key.ts whose git-ai note gives
// its lines to Qwen (opencode with qwen3-coder; no trailer). Row 456 judged the commit as if it
// changed src/crypto/key.ts, but a model known from a note is judged on the note's own files
// (lib/key.ts, unprotected): check and pre-receive passed while a checkout showed Qwen's code at
// the protected path (the same commit declared by a trailer was refused).

describe('path rules: a link already at a protected path, its target written by a model a git-ai note names', () => {
  it('is refused by check and pre-receive (both passed it)', () => {
    const { work, remote } = policyServer('policy:\n  deny: []\n');
    linkedBeforeTheRule(work, fileLink);
    work.git(['checkout', '-q', '-b', 'key', 'main']);
    const noted = committed(work, 'feat: key derivation\n', { 'lib/key.ts': QWEN_KEY });
    addNote(work, noted, gitAiNote({ 'lib/key.ts': [session(NOTE_KEYS.qwen, '1-3')] }));
    const check = aitrail(work.dir, ['check', 'origin/main..key', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    // (and `undeclared`, a warning: the commit names no model its note gives lines to)
    const found = (JSON.parse(check.stdout) as { violations: Array<{ sha: string; rule: string; paths: string[]; message: string }> }).violations.find((violation) => violation.rule !== 'undeclared');
    expect(found).toMatchObject({ sha: noted, rule: 'path-model-denied', paths: ['src/crypto/key.ts'] });
    expect(found?.message).toContain("It changed 'lib/key.ts', which the symbolic link 'src/crypto/key.ts'");
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'key', 'refs/notes/ai:refs/notes/ai']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain(`error   ${noted.slice(0, 12)} `);
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).not.toContain('refs/heads/key');
  });

  it('a note giving Qwen a file no link shows at a protected path passes', () => {
    const { work } = policyServer('policy:\n  deny: []\n');
    linkedBeforeTheRule(work, fileLink);
    work.git(['checkout', '-q', '-b', 'other', 'main']);
    const noted = committed(work, 'feat: other\n', { 'lib/other.ts': QWEN_KEY, 'lib/key.ts': 'export const rounds = 600000;\n' });
    addNote(work, noted, gitAiNote({ 'lib/other.ts': [session(NOTE_KEYS.qwen, '1-3')] }));
    const check = aitrail(work.dir, ['check', 'origin/main..other']);
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });
});
