// A git-ai note with an attestation key git-ai reads but aitrail refused (session 33, c; README
// threat-model row 398): git-ai takes as the key whatever stands between the entry's two-space
// indent and its first space (`parse_attestation_section` in git-ai's
// `src/authorship/authorship_log_serialization.rs`): non-ASCII, control characters, any length,
// even nothing; an entry whose key names no record is skipped by its blame. aitrail refused the
// whole note for such a key, so `check` passed the denied Qwen lines its other entry names and
// `blame` called them a person's. Real repository, note written with `git notes --ref=ai add`.
import { describe, expect, it } from 'vitest';
import { parseAuthorshipLog } from '../../src/core/notes/parse-authorship-log.js';
import { aitrail } from '../helpers/cli.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo } from '../helpers/gitdir.js';

const POLICY = 'policy: {allow: ["*"], undeclared: allow, paths: [{files: ["src/**"], deny: ["qwen/*"]}]}\n';

describe('a git-ai note with a key git-ai reads (s33c)', () => {
  it.each([
    ['a non-ASCII key', 'clé 2'],
    ['a key with a control character', 'k\u0001y 2'],
    ['a key of 200 characters', `${'a'.repeat(200)} 2`],
    ['an empty key (three spaces)', ' 2'],
  ])('%s beside Qwen’s lines 1-4: check refuses them, blame counts them, notes squash carries the note', (_name, entry) => {
    const repo = makeRepo();
    repo.commit('policy', { '.aitrailrc.yml': POLICY, 'app.ts': 'app\n' });
    const base = repo.git(['rev-parse', 'HEAD']);
    repo.git(['checkout', '-q', '-b', 'feature']);
    const sha = repo.commit('x', { 'src/x.ts': 'a\nb\nc\nd\ne\n' });
    // The odd key also claims line 5, which no other entry does: the squash must write it back.
    const odd = entry.replace(/ 2$/, ' 2,5');
    addNote(repo, sha, gitAiNote({ 'src/x.ts': [session(NOTE_KEYS.qwen, '1-4'), odd] }));

    const check = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(check.stderr).not.toMatch(/malformed/);
    const violations = JSON.parse(check.stdout).violations as Array<{ severity: string; model: string }>;
    // The error: Qwen's lines. Line 5, the odd key's alone, is an unknown agent's (a warning: notes only add).
    expect(violations.filter((each) => each.severity === 'error')).toEqual([expect.objectContaining({ sha, model: 'qwen/qwen3-coder', path: 'src/x.ts' })]);

    const blame = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(blame.code, blame.stderr).toBe(0);
    expect(blame.stderr).not.toMatch(/malformed/);
    const file = JSON.parse(blame.stdout).files.find((each: { path: string }) => each.path === 'src/x.ts');
    // Line 2 stays Qwen's (the odd key names no record and yields, as in git-ai's blame).
    expect(file).toMatchObject({ lines: 5, byModel: { 'qwen/qwen3-coder': 4 } });

    repo.git(['checkout', '-q', 'main']);
    repo.git(['merge', '-q', '--squash', 'feature']);
    const squash = repo.commit('x (#1)');
    const squashed = aitrail(repo.dir, ['notes', 'squash', `${base}..feature`, '--onto', squash]);
    expect(squashed.code, squashed.stderr).toBe(0);
    expect(squashed.stderr).not.toMatch(/internal error/);
    const note = parseAuthorshipLog(repo.git(['notes', '--ref=ai', 'show', squash], { raw: true }));
    expect(note.ok).toBe(true);
    const key = odd.slice(0, odd.lastIndexOf(' '));
    expect(note.ok && note.log.files.get('src/x.ts')?.map((each) => [each.key, each.ranges])).toEqual([
      [`${NOTE_KEYS.qwen}::t_9f8e7d6c5b4a32`, [1, 4]],
      [key, [5, 5]],
    ]);
  });
});
