// Row 926: row 916's commit-msg drops its own `<agent>:unknown` line beside a model of that agent the message
// declares; it did so for a line carried from a commit recorded at a gateway (row 829: Claude Code at a local
// gateway, `claude-code:unknown` kept beside the model the person named, row 894), when that commit was amended in a
// shell without the gateway: `git commit --amend --no-edit` erased the gateway's unknown, so the stored commit named
// Claude alone (log, blame counted it as Claude; a server's `unknownModel: deny` passed it). Now only an agent this
// commit's own signals show has its unknown line dropped; row 916's editor flow is unchanged.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { tempDir } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

const NAMED = 'Assisted-by: claude-code:anthropic/claude-opus-4.6';
const GATEWAY = { CLAUDECODE: '1', ANTHROPIC_BASE_URL: 'http://127.0.0.1:4000', ANTHROPIC_MODEL: 'claude-opus-4-6' };

/** An editor (sh script) that adds the named model under the unknown prepare-commit-msg wrote, as a person does. */
function addBelow(): string {
  const path = join(tempDir('aitrail-editor-'), 'editor.sh');
  writeFileSync(path, `#!/bin/sh\nsed -i -e '1s/^$/feat: parser/' -e 's|^Assisted-by: claude-code:unknown$|&\\n${NAMED}|' "$1"\n`);
  chmodSync(path, 0o755);
  return path;
}

describe("an amend elsewhere keeps a gateway's unknown beside the named model (row 926)", () => {
  it('recorded at a gateway, amended without it: both lines stay; log and check read both', () => {
    const { repo, env } = hookedRepo();
    writeFileSync(join(repo.dir, '.aitrailrc.yml'), 'policy:\n  deny: ["qwen/*"]\n');
    repo.git(['add', '.aitrailrc.yml']);
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'chore: policy'], { env: { ...env, AITRAIL: '0' } }).code).toBe(0);
    repo.write('a.txt', 'parser\n');
    repo.git(['add', 'a.txt']);
    const home = tempDir('aitrail-home-');
    const atGateway = tryGit(repo.dir, ['commit', '-q'], { env: { ...env, HOME: home, ...GATEWAY, GIT_EDITOR: addBelow() } });
    expect(atGateway.code, atGateway.stderr).toBe(0);
    const both = `feat: parser\n\nAssisted-by: claude-code:unknown\n${NAMED}`;
    expect(repo.git(['log', '-1', '--format=%B']).trim()).toBe(both);

    // The person fixes the commit in their own shell: no agent, no gateway.
    repo.write('a.txt', 'parser, fixed\n');
    repo.git(['add', 'a.txt']);
    const amended = tryGit(repo.dir, ['commit', '-q', '--amend', '--no-edit'], { env: { ...env, HOME: home, GIT_EDITOR: 'true' } });
    expect(amended.code, amended.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B']).trim()).toBe(both);
    const log = JSON.parse(aitrail(repo.dir, ['log', '-1', '--format', 'json']).stdout);
    expect(log[0].attributions.map((a: { agent: string; model: string }) => `${a.agent}:${a.model}`).sort()).toEqual(['claude-code:anthropic/claude-opus-4.6', 'claude-code:unknown']);
    // check reads the unknown too: a warning under this policy (an error under `unknownModel: deny`).
    const check = aitrail(repo.dir, ['check', 'HEAD~1..HEAD']);
    expect(check.code, check.stdout).toBe(0);
    expect(`${check.stdout}${check.stderr}`).toMatch(/warning[\s\S]*unknown-model/);
  });
});
