// A committed `.env` (aider, Gemini CLI and Qwen Code load it into their `git commit`'s environment)
// setting the switches of the hook manager that runs aitrail's shims: lefthook's hook files end at
// `LEFTHOOK=0`, simple-git-hooks' at `SKIP_SIMPLE_GIT_HOOKS=1`, before any job. Row 442 named
// husky's and pre-commit's switches in the person's push, not these: the push said nothing.
// lefthook and simple-git-hooks installed as hook-managers-s25g.test.ts installs them (test/helpers/hook-manager-tools.ts).
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/gitdir.js';
import { installTools, MANAGER_ENV, npmProject, readmeBlock, TOOLS_DIR } from '../helpers/hook-manager-tools.js';

const HAVE_TOOLS = installTools();
if (!HAVE_TOOLS) process.stderr.write(`\n!!! planted-manager-switches-s36i SKIPPED: npm could not install lefthook and simple-git-hooks into ${TOOLS_DIR}.\n\n`);

/** A project whose manager runs aitrail's shims (the README's wiring), a policy denying qwen, pushed to a bare origin. */
function managed(files: Record<string, string>, install: string[]) {
  const { repo, run } = npmProject(files, { ...MANAGER_ENV, AITRAIL: '0' });
  expect(run('git', ['push', '-q', '-u', 'origin', 'main']).status).toBe(0);
  const installed = run(install[0]!, install.slice(1));
  expect(installed.status, installed.stderr).toBe(0);
  const qwen = (extra: NodeJS.ProcessEnv) => run('git', ['commit', '-q', '--allow-empty', '-m', 'feat: qwen'], { HOME: tempDir('aitrail-home-'), ...extra, QWEN_CODE: '1', OPENAI_MODEL: 'qwen3-coder' });
  return { repo, run, qwen };
}

describe.skipIf(!HAVE_TOOLS)("a committed .env with the switch of the hook manager that runs aitrail's shims", () => {
  it.each([
    ['lefthook', { 'lefthook.yml': readmeBlock('yaml', /lefthook\.yml/), '.lefthook/pre-push/aitrail': readmeBlock('sh', /\.lefthook\/pre-push\/aitrail/) }, ['lefthook', 'install'], 'LEFTHOOK', '0'],
    ['simple-git-hooks', { 'package.json': `${JSON.stringify({ name: 'app', private: true, ...JSON.parse(readmeBlock('json', /^\{$/)) }, null, 2)}\n` }, ['simple-git-hooks'], 'SKIP_SIMPLE_GIT_HOOKS', '1'],
  ])('%s: the agent commit runs no aitrail code; the person\'s push names the switch', (_manager, files, install, name, value) => {
    const { repo, run, qwen } = managed(files, install);
    // The manager runs aitrail's shims: Qwen's commit is refused.
    expect(qwen({}).status).not.toBe(0);
    repo.commit('chore: env\n', { '.env': `LOG_LEVEL=info\n${name}=${value}\n` }, { ...MANAGER_ENV, AITRAIL: '0' });
    const made = qwen({ [name]: value });
    // The limit, replayed: the manager's hook file ends first, so Qwen's commit under deny: ["qwen/*"] goes in unrecorded.
    expect(made.status, made.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).toBe('feat: qwen');
    const pushed = run('git', ['push', '-q', 'origin', 'main']);
    expect(pushed.status, pushed.stderr).toBe(0);
    // Before: the push said nothing.
    expect(pushed.stderr).toContain(`a .env this repository commits sets ${name}=${value} (.env):`);
  });

  it('a manager\'s switch where that manager does not run the hooks says nothing (LEFTHOOK=0 under simple-git-hooks)', () => {
    const { repo, run } = managed({ 'package.json': `${JSON.stringify({ name: 'app', private: true, ...JSON.parse(readmeBlock('json', /^\{$/)) }, null, 2)}\n` }, ['simple-git-hooks']);
    repo.commit('chore: env\n', { '.env': 'LEFTHOOK=0\n' }, { ...MANAGER_ENV, AITRAIL: '0' });
    const pushed = run('git', ['push', '-q', 'origin', 'main']);
    expect(pushed.status, pushed.stderr).toBe(0);
    expect(pushed.stderr).not.toContain('.env this repository commits');
  });
});
