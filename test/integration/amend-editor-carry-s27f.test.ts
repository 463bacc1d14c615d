// Row 330: `git commit --amend` with an editor (an agent's GIT_EDITOR script that deletes the
// `Assisted-by` line, a person's rewrite) on a commit that declared a model: prepare-commit-msg sees
// the old message, trailer included, so only commit-msg sees that the new one dropped it, and the
// shim's fast path ended commit-msg before node (no AI signal left in the message, no agent
// variable): the amended commit kept the agent's code and read as a person's in log, check and
// pre-receive.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { tempDir } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

const QWEN = { AITRAIL_MODEL: 'qwen/qwen3-coder', AITRAIL_AGENT: 'qwen-code' };
const TRAILER = 'Assisted-by: qwen-code:qwen/qwen3-coder';

/** An editor (sh script) running `body` with the message file as $1. */
function editor(body: string): string {
  const path = join(tempDir('aitrail-editor-'), 'editor.sh');
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}
const writing = (message: string) => editor(`printf '%s' '${message.replace(/'/g, "'\\''")}' >"$1"`);
const DELETE_TRAILER = editor("sed -i '/^Assisted-by:/d' \"$1\"");

describe('an amend whose editor drops what the commit declared', () => {
  it('carries the amended commit\'s models back, byte for byte after the new text; `Assisted-by: none` and a person\'s amend of their own commit are left alone', () => {
    const { repo, env, started } = hookedRepo();
    const amend = (editorPath: string, extra: NodeJS.ProcessEnv = {}) => {
      const done = tryGit(repo.dir, ['commit', '-q', '--amend'], { env: { ...env, ...extra, GIT_EDITOR: editorPath } });
      expect(done.code, done.stderr).toBe(0);
      // the message as stored (`%B` ends it with one more newline)
      return repo.git(['log', '-1', '--format=%B'], { raw: true }).slice(0, -1);
    };
    repo.write('q.txt', 'qwen line\n');
    repo.git(['add', 'q.txt']);
    // the agent committed a while ago: the amend keeps that author date
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'Qwen work'], { env: { ...env, ...QWEN, GIT_AUTHOR_DATE: '2026-11-30T10:00:00Z' } }).code).toBe(0);

    // the agent's own scripted editor, its variables still set
    expect(amend(DELETE_TRAILER, QWEN)).toBe(`Qwen work\n\n${TRAILER}\n`);

    // the same script run with no agent variable: nothing in the message or the environment names a
    // model any more, so the shim's fast path must let node's commit-msg start
    writeFileSync(started, '');
    expect(amend(DELETE_TRAILER)).toBe(`Qwen work\n\n${TRAILER}\n`);
    expect(readFileSync(started, 'utf8')).toContain('hook commit-msg');

    // a person's rewrite: their text kept as git stores it, the trailer after it
    const human = 'Parser: read the flags\n\nA body the person wrote,\r\nkept as written.\n';
    const stored = amend(writing(human));
    expect(stored).toBe(`${human.replace('\r\n', '\n')}\n${TRAILER}\n`);
    expect(repo.git(['interpret-trailers', '--parse', '--no-divider'], { input: stored })).toBe(TRAILER);

    // check (and pre-receive, by the same reading) refuses the model commit-msg carried
    writeFileSync(join(repo.dir, 'policy.yml'), 'policy:\n  deny: ["qwen/*"]\n');
    const check = aitrail(repo.dir, ['check', 'HEAD~1..HEAD', '--config', 'policy.yml', '--format', 'json'], { env });
    expect(check.code, check.stderr).toBe(1);
    expect(check.stdout).toContain('qwen/qwen3-coder');

    // the person's own word under the key replaces the commit's
    expect(amend(writing('Parser: read the flags\n\nAssisted-by: none\n'))).toBe('Parser: read the flags\n\nAssisted-by: none\n');

    // a person's amend of their own (older) commit: untouched, and node never starts
    repo.write('h.txt', 'human line\n');
    repo.git(['add', 'h.txt']);
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'Human fix'], { env: { ...env, GIT_AUTHOR_DATE: '2026-12-01T10:00:00Z' } }).code).toBe(0);
    writeFileSync(started, '');
    expect(amend(writing('Human fix, reworded\n'))).toBe('Human fix, reworded\n');
    expect(readFileSync(started, 'utf8')).toBe('');
  });
});
