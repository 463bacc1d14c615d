// Row 916: the editor flow. prepare-commit-msg writes `Assisted-by: claude-code:unknown` (an agent with no
// readable model) and the person, in the editor, adds the model on a line of its own under it: since row 894 aitrail's
// own `<agent>:unknown` is stated and never folded, so the commit was refused under `unknownModel: deny` (and, under
// the default policy, stored with both lines: `log` and `blame` counted an `unknown` model the person had named).
// Now commit-msg drops its own unknown line where nothing at commit time still says the model is unknown; a
// gateway's reading (row 829) keeps it, and a person who deletes the line without naming the model is refused.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { tempDir } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

const NAMED = 'Assisted-by: claude-code:anthropic/claude-opus-4.6';

/** An editor (sh script) as a person uses it: a subject on the first line, then `edit` (sed commands) over the message file $1. */
function editor(edit: string): string {
  const path = join(tempDir('aitrail-editor-'), 'editor.sh');
  writeFileSync(path, `#!/bin/sh\nsed -i -e '1s/^$/feat: parser/' ${edit} "$1"\n`);
  chmodSync(path, 0o755);
  return path;
}
const ADD_BELOW = editor(`-e 's|^Assisted-by: claude-code:unknown$|&\\n${NAMED}|'`);
const DELETE = editor(`-e '/^Assisted-by: claude-code:unknown$/d'`);

function setUp(policy: string) {
  const { repo, env } = hookedRepo();
  const quiet = { ...env, AITRAIL: '0' };
  writeFileSync(join(repo.dir, '.aitrailrc.yml'), policy);
  repo.git(['add', '.aitrailrc.yml']);
  expect(tryGit(repo.dir, ['commit', '-q', '-m', 'chore: policy'], { env: quiet }).code).toBe(0);
  const commit = (editorPath: string, agentEnv: NodeJS.ProcessEnv) => {
    repo.write('a.txt', `${Math.random()}\n`);
    repo.git(['add', 'a.txt']);
    return tryGit(repo.dir, ['commit', '-q'], { env: { ...env, HOME: tempDir('aitrail-home-'), ...agentEnv, GIT_EDITOR: editorPath } });
  };
  return { repo, commit };
}

describe('the editor flow: a person names the model under the unknown prepare-commit-msg wrote (row 916)', () => {
  it('unknownModel: deny: the commit goes in with the named model alone; log reads it; deleting the line without a model is still refused', () => {
    const { repo, commit } = setUp('policy:\n  unknownModel: deny\n');
    const added = commit(ADD_BELOW, { AITRAIL_AGENT: 'claude-code' });
    expect(added.code, added.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B']).trim()).toBe(`feat: parser\n\n${NAMED}`);
    const log = JSON.parse(aitrail(repo.dir, ['log', '-1', '--format', 'json']).stdout);
    expect(log[0].attributions.map((a: { agent: string; model: string }) => `${a.agent}:${a.model}`)).toEqual(['claude-code:anthropic/claude-opus-4.6']);
    const check = aitrail(repo.dir, ['check', 'HEAD~1..HEAD', '--format', 'json']);
    expect(check.code, check.stdout).toBe(0);

    const deleted = commit(DELETE, { AITRAIL_AGENT: 'claude-code' });
    expect(deleted.code).toBe(1);
    expect(deleted.stderr).toContain('unknown-model');
  });

  it("the default policy: stored with the named model alone, no warning; a gateway's unknown (row 829) is kept beside the named model and refused under deny", () => {
    const { repo, commit } = setUp('policy:\n  allow: ["anthropic/*"]\n');
    const added = commit(ADD_BELOW, { AITRAIL_AGENT: 'claude-code' });
    expect(added.code, added.stderr).toBe(0);
    expect(added.stderr).not.toContain('unknown-model');
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)']).trim()).toBe('claude-code:anthropic/claude-opus-4.6');

    const { commit: commitDeny } = setUp('policy:\n  unknownModel: deny\n');
    const gateway = commitDeny(ADD_BELOW, { CLAUDECODE: '1', ANTHROPIC_BASE_URL: 'http://127.0.0.1:4000', ANTHROPIC_MODEL: 'claude-opus-4-6' });
    expect(gateway.code).toBe(1);
    expect(gateway.stderr).toContain('unknown-model');
  });
});
