// Row 326: `git rebase -i` with a `reword` step whose editor writes a new message (an agent's
// GIT_EDITOR script, as agents reword an older commit; a person's rewrite): git picks the commit,
// then amends it with the editor, so prepare-commit-msg sees the old message, trailer included, and
// the editor's new one dropped it: the reworded commit read as a person's in log, check and pre-receive.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { tempDir } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

const QWEN = { AITRAIL_MODEL: 'qwen/qwen3-coder', AITRAIL_AGENT: 'qwen-code' };

/** An editor that writes `message` over the file git gives it. */
function editorWriting(message: string): string {
  const path = join(tempDir('aitrail-editor-'), 'editor.sh');
  writeFileSync(path, `#!/bin/sh\nprintf '%s' '${message.replace(/'/g, "'\\''")}' >"$1"\n`);
  chmodSync(path, 0o755);
  return path;
}

describe('a rebase reword that drops what the commit declared', () => {
  it('carries the reworded commit\'s trailer into the new message, byte for byte after it, and leaves a person\'s own `Assisted-by: none`', () => {
    const { repo, env, started } = hookedRepo();
    repo.write('q.txt', 'qwen line\n');
    repo.git(['add', 'q.txt']);
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'Qwen work'], { env: { ...env, ...QWEN } }).code).toBe(0);
    expect(tryGit(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'Person next'], { env }).code).toBe(0);
    writeFileSync(started, '');

    const reword = (message: string) => {
      const done = tryGit(repo.dir, ['rebase', '-q', '-i', 'HEAD~2'], {
        env: { ...env, GIT_SEQUENCE_EDITOR: "sed -i '1s/^pick /reword /'", GIT_EDITOR: editorWriting(message) },
      });
      expect(done.code, done.stderr).toBe(0);
    };
    const human = 'Parser: read the flags\n\nA body the person wrote,\r\nkept as written.\n';
    reword(human);
    // a person's reword reads as no AI to the shim's fast path: node's commit-msg must start
    expect(readFileSync(started, 'utf8')).toContain('hook commit-msg');
    const stored = repo.git(['log', '-1', '--format=%B', 'HEAD~1'], { raw: true });
    expect(stored).toBe(`${human.replace('\r\n', '\n')}\nAssisted-by: qwen-code:qwen/qwen3-coder\n\n`);
    expect(repo.git(['interpret-trailers', '--parse', '--no-divider'], { input: stored })).toBe('Assisted-by: qwen-code:qwen/qwen3-coder');
    expect(repo.git(['log', '-1', '--format=%s', 'HEAD'])).toBe('Person next');

    // check (and pre-receive, by the same reading) sees the model commit-msg carried
    writeFileSync(join(repo.dir, 'policy.yml'), 'policy:\n  deny: ["qwen/*"]\n');
    const check = aitrail(repo.dir, ['check', 'HEAD~2..HEAD', '--config', 'policy.yml', '--format', 'json'], { env });
    expect(check.code, check.stderr).toBe(1);
    expect(check.stdout).toContain('qwen/qwen3-coder');

    // the person's own word under the key replaces the commit's
    reword('Parser: read the flags\n\nAssisted-by: none\n');
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)', 'HEAD~1'])).toBe('none');
  });
});
