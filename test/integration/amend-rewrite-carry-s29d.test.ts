// Row 348: an amend whose new message drops what the amended AI commit declared, where commit-msg
// cannot tell an amend from a new commit (row 330's limits): `--reset-author`, an amend within 2 s,
// dates fixed by GIT_COMMITTER_DATE, `-m` over an AI commit node never saw. post-rewrite (`amend`,
// `<old> <new>` on stdin: git's own word) now records the models again; a signed amend is left as
// git made it, and the person is told.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noteOf } from '../helpers/agent-edits.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { tempDir } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

const QWEN = { QWEN_CODE: '1', AITRAIL_MODEL: 'qwen/qwen3-coder' };
const TRAILER = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const DELETE_TRAILER = (() => {
  const path = join(tempDir('aitrail-editor-'), 'editor.sh');
  writeFileSync(path, "#!/bin/sh\nsed -i '/^Assisted-by:/d' \"$1\"\n");
  chmodSync(path, 0o755);
  return path;
})();

function setUp() {
  const { repo, env, started } = hookedRepo();
  let files = 0;
  /** An agent's commit (its variables set, so aitrail records it) or, `unseen`, one made with aitrail off that declares the model itself. */
  const aiCommit = (extra: NodeJS.ProcessEnv = {}, unseen = false) => {
    repo.write(`q${++files}.txt`, 'qwen line\n');
    repo.git(['add', '.']);
    const args = unseen ? ['commit', '-q', '-m', `Qwen work\n\n${TRAILER}`] : ['commit', '-q', '-m', 'Qwen work'];
    const made = tryGit(repo.dir, args, { env: unseen ? { ...env, ...extra, AITRAIL: '0' } : { ...env, ...QWEN, ...extra } });
    expect(made.code, made.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('qwen-code:qwen/qwen3-coder');
    return repo.git(['rev-parse', 'HEAD']);
  };
  /** The person's amend (no agent variable); the message as stored, and what git printed. */
  const amend = (args: string[], extra: NodeJS.ProcessEnv = {}) => {
    const done = tryGit(repo.dir, ['commit', '-q', '--amend', ...args], { env: { ...env, GIT_EDITOR: DELETE_TRAILER, ...extra } });
    expect(done.code, done.stderr).toBe(0);
    return { message: repo.git(['log', '-1', '--format=%B'], { raw: true }).slice(0, -1), stderr: done.stderr };
  };
  return { repo, env, started, aiCommit, amend };
}

describe('an amend that drops what the amended AI commit declared, where commit-msg cannot tell it is an amend', () => {
  it('records the models again after --reset-author, an amend within 2 s, fixed dates and -m over an unseen commit; the rest of the commit as git made it, its note kept', () => {
    const { repo, aiCommit, amend } = setUp();

    // --reset-author: the person takes the authorship (and a new date), the agent's lines stay; its git-ai note goes with it
    const first = aiCommit({ GIT_AUTHOR_DATE: '2026-11-30T10:00:00Z' });
    addNote(repo, first, gitAiNote({ 'q1.txt': [session(NOTE_KEYS.qwen, '1')] }));
    const reset = amend(['--reset-author']);
    expect(reset.message).toBe(`Qwen work\n\n${TRAILER}\n`);
    expect(reset.stderr).toContain(`dropped what ${first.slice(0, 12)} declared: ${TRAILER} recorded again`);
    expect(repo.git(['log', '-1', '--format=%an <%ae>'])).toBe('Test Human <human@example.com>');
    expect(noteOf(repo, 'HEAD').files).toEqual({ 'q1.txt': ['1,1'] });
    // the commit git made, then the one aitrail made: same tree, parent, author, committer and dates, the trailer added
    const [carried, made] = repo.git(['reflog', '-2', '--format=%H']).split('\n').map((sha) => repo.git(['cat-file', 'commit', sha!], { raw: true }));
    expect(carried).toBe(made!.replace(/\n$/, `\n\n${TRAILER}\n`));

    // an amend within 2 s of the agent's commit (`-m`: the message replaced)
    aiCommit();
    expect(amend(['-m', 'Parser: read the flags']).message).toBe(`Parser: read the flags\n\n${TRAILER}\n`);

    // dates fixed by the environment (a script making reproducible history): kept as given
    aiCommit({ GIT_AUTHOR_DATE: '2026-11-30T10:00:00Z' });
    const fixed = { GIT_COMMITTER_DATE: '2026-12-01T00:00:00Z' };
    expect(amend([], fixed).message).toBe(`Qwen work\n\n${TRAILER}\n`);
    expect(repo.git(['log', '-1', '--format=%cI'])).toBe('2026-12-01T00:00:00+00:00');

    // an AI commit node never saw (made with aitrail off), then a person's `-m`
    aiCommit({ GIT_AUTHOR_DATE: '2026-11-30T10:00:00Z' }, true);
    expect(amend(['-m', 'Reworded']).message).toBe(`Reworded\n\n${TRAILER}\n`);

    // nothing is left in aitrail's folder that would start node on every later commit
    expect(readdirSync(join(repo.dir, '.git', 'aitrail')).sort()).toEqual(['ai-author', 'config-cache.json', 'fast-path', 'install.json']);
  });

  it("keeps the person's word, and a person's amend of their own commit starts no node", () => {
    const { repo, env, started, aiCommit, amend } = setUp();
    aiCommit({ GIT_AUTHOR_DATE: '2026-11-30T10:00:00Z' });
    expect(amend(['--reset-author', '-m', 'Mine now\n\nAssisted-by: none']).message).toBe('Mine now\n\nAssisted-by: none\n');

    repo.write('h.txt', 'human line\n');
    repo.git(['add', 'h.txt']);
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'Human fix'], { env: { ...env, AITRAIL: '0' } }).code).toBe(0);
    writeFileSync(started, '');
    expect(amend(['--reset-author', '-m', 'Human fix, reworded']).message).toBe('Human fix, reworded\n');
    expect(readFileSync(started, 'utf8')).toBe('');
  });

  it('leaves a signed amend signed as git made it, and tells the person how to add the line', () => {
    const { repo, aiCommit, amend } = setUp();
    const key = join(tempDir('aitrail-key-'), 'id');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'test', '-f', key]);
    for (const [name, value] of [['gpg.format', 'ssh'], ['user.signingkey', key], ['commit.gpgsign', 'true']] as const) repo.git(['config', name, value]);
    aiCommit();
    const signed = amend(['--reset-author', '-m', 'Reworded']);
    expect(signed.message).toBe('Reworded\n');
    expect(repo.git(['cat-file', 'commit', 'HEAD'])).toContain('gpgsig -----BEGIN SSH SIGNATURE-----');
    expect(signed.stderr).toContain(`is signed and its message dropped ${TRAILER}; aitrail never re-signs a commit`);
  });
});
