// Row 349: row 341's squash carry backed off, silently, for a signed squash and for a message in
// another encoding (i18n.commitEncoding=ISO-8859-1), and left its message file in <git dir>/aitrail,
// where the shims' fast path reads any unknown name as a reason to start node on every later commit.
// Now an ISO-8859-1 message is carried byte for byte, a signed squash stays signed as git made it
// (aitrail never signs in the person's name) and the person is told, and nothing is left behind.
import { execFileSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tryGit } from '../helpers/enforce-repos.js';
import { laterThanNow, tempDir } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

const QWEN = { QWEN_CODE: '1', AITRAIL_MODEL: 'qwen/qwen3-coder' };
const TRAILER = 'Assisted-by: qwen-code:qwen/qwen3-coder';

/** An editor that deletes every `Assisted-by:` line and appends `added` (printf's escapes: `\\351` is a byte). */
function editor(added: string): string {
  const path = join(tempDir('aitrail-editor-'), 'editor.sh');
  writeFileSync(path, `#!/bin/sh\nsed -i '/^Assisted-by:/d' "$1"\nprintf '${added}' >>"$1"\n`);
  chmodSync(path, 0o755);
  return path;
}
const LATIN1_EDITOR = editor('Caf\\351 cr\\350me\\n');

function setUp(config: Array<[string, string]>) {
  const { repo, env, started } = hookedRepo();
  for (const [name, value] of config) repo.git(['config', name, value]);
  repo.write('q.txt', 'qwen line\n');
  repo.git(['add', 'q.txt']);
  expect(tryGit(repo.dir, ['commit', '-q', '-m', 'Qwen work'], { env: { ...env, ...QWEN } }).code).toBe(0);
  repo.write('h.txt', 'human line\n');
  repo.git(['add', 'h.txt']);
  expect(tryGit(repo.dir, ['commit', '-q', '-m', 'Human fix'], { env: { ...env, AITRAIL: '0' } }).code).toBe(0);
  const squash = (editorPath = LATIN1_EDITOR) => {
    const done = tryGit(repo.dir, ['rebase', '-q', '-i', 'HEAD~2'], { env: { ...env, GIT_SEQUENCE_EDITOR: "sed -i '2s/^pick /squash /'", GIT_EDITOR: editorPath } });
    expect(done.code, done.stderr).toBe(0);
    return done.stderr;
  };
  return { repo, env, started, squash };
}

describe('a rebase squash whose editor drops the trailer, in a signed or ISO-8859-1 repository', () => {
  it('leaves nothing behind after a carry: the next person\'s commit starts no node', () => {
    const { repo, env, started, squash } = setUp([]);
    squash(editor(''));
    expect(repo.git(['log', '-1', '--format=%B'], { raw: true })).toBe(`Qwen work\n\nHuman fix\n\n${TRAILER}\n\n`);
    expect(readdirSync(join(repo.dir, '.git', 'aitrail')).sort()).toEqual(['ai-author', 'config-cache.json', 'fast-path', 'install.json']);
    writeFileSync(started, '');
    repo.write('h2.txt', 'more\n');
    repo.git(['add', 'h2.txt']);
    // A second later than the squashed AI commit: the same author in the same second is what an amend of
    // it looks like to the shims (.git/aitrail/ai-author), and node rightly starts for that.
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'Human again'], { env: { ...env, GIT_AUTHOR_DATE: laterThanNow() } }).code).toBe(0);
    expect(readFileSync(started, 'utf8')).toBe('');
  });

  it('carries the models into an ISO-8859-1 message byte for byte', () => {
    const { repo, env, squash } = setUp([['i18n.commitEncoding', 'ISO-8859-1']]);
    squash();
    const stored = execFileSync('git', ['cat-file', 'commit', 'HEAD'], { cwd: repo.dir, env });
    const body = stored.subarray(stored.indexOf('\n\n') + 2);
    expect(body.equals(Buffer.concat([Buffer.from('Qwen work\n\nHuman fix\n\n'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x63, 0x72, 0xe8, 0x6d, 0x65, 0x0a]), Buffer.from(`\n${TRAILER}\n`)]))).toBe(true);
    expect(stored.toString('latin1')).toContain('\nencoding ISO-8859-1\n\n');
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('qwen-code:qwen/qwen3-coder');
  });

  it('leaves a signed squash signed as git made it and tells the person which line it dropped', () => {
    const key = join(tempDir('aitrail-key-'), 'id');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'test', '-f', key]);
    const { repo, squash } = setUp([['gpg.format', 'ssh'], ['user.signingkey', key], ['commit.gpgsign', 'true']]);
    const stderr = squash();
    const stored = repo.git(['cat-file', 'commit', 'HEAD']);
    expect(stored).toContain('gpgsig -----BEGIN SSH SIGNATURE-----');
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('');
    expect(stderr).toContain(`is signed and its message dropped ${TRAILER}; aitrail never re-signs a commit`);
    expect(stderr).toContain('`git rebase -i` and `reword` it');
  });
});
