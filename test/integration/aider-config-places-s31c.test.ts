// aider reads its model from places the hooks did not look at: a `--config`/`-c` file (from aider's
// working directory), the `.aider.conf.yml` of that working directory when it is a subdirectory, a
// `--model-settings-file`'s `editor_model_name`, an `--alias name:model`, and the deprecated
// `--deepseek`-style switches set as a variable or in a config file. Each passed `deny: ["qwen/*"]`
// (or `deny: ["deepseek/*"]`) recorded as the repository's `model: o3` or as `unknown`. Committed for
// real through the installed hooks by an executable named `aider` (a Python entry point, as pip installs it).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hooked, homeWith, writeFile } from '../helpers/agent-home.js';
import { agentsOnPath } from '../helpers/agent-on-path.js';
import type { TestRepo } from '../helpers/gitdir.js';
import { hookEnv, messageOf } from '../helpers/hooks.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

const QWEN = 'openrouter/qwen/qwen3-coder';
const DENIED = /qwen\/qwen3-coder \(via aider\) is denied/;

function aiderEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = hookEnv({ HOME: homeWith(), GIT_AUTHOR_NAME: 'Test Human (aider)', ...extra });
  return { ...env, PATH: `${agentsOnPath([{ name: 'aider', python: true }])}:${env.PATH ?? ''}` };
}

/** `aider args` run from `cwd` (the work tree's top, or a directory in it) committing a staged change. */
function aider(repo: TestRepo, args: readonly string[], env: NodeJS.ProcessEnv, cwd = '') {
  repo.write('src/parser.ts', `export const n = ${Math.random()};\n`);
  repo.git(['add', 'src/parser.ts']);
  const result = spawnSync('aider', args, { cwd: join(repo.dir, cwd), env: { ...env, MESSAGE: 'feat: parser\n' }, encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr, message: result.status === 0 ? messageOf(repo.dir) : '' };
}

/** A hooked repository whose own `.aider.conf.yml` names `model: o3`, with `files` committed. */
function repoWith(policy: string, files: Record<string, string> = {}): TestRepo {
  return hooked(policy, { '.aider.conf.yml': 'model: o3\n', ...files });
}

describe("aider's config file given on its command line", () => {
  it('-c / --config FILE (relative to aider\'s working directory) names the model, and deny qwen/* refuses it', () => {
    const files = { 'conf/qwen.yml': `model: ${QWEN}\n` };
    const refused = aider(repoWith('policy:\n  deny: ["qwen/*"]\n', files), ['-c', 'conf/qwen.yml', '--yes'], aiderEnv());
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(DENIED);

    const repo = repoWith('policy: {}\n', files);
    expect(aider(repo, ['--config=conf/qwen.yml'], aiderEnv()).message).toBe('feat: parser\n\nAssisted-by: aider:qwen/qwen3-coder\n');
    mkdirSync(join(repo.dir, 'src/deep'), { recursive: true });
    const fromSub = aider(repo, ['-c../../conf/qwen.yml'], aiderEnv(), 'src/deep');
    expect(fromSub.message).toBe('feat: parser\n\nAssisted-by: aider:qwen/qwen3-coder\n');
    // `--model` on the command line and AIDER_MODEL still come before the file.
    expect(aider(repo, ['-c', 'conf/qwen.yml', '--model', 'gpt-5'], aiderEnv()).message).toBe('feat: parser\n\nAssisted-by: aider:openai/gpt-5\n');
    expect(aider(repo, ['-c', 'conf/qwen.yml'], aiderEnv({ AIDER_MODEL: 'gpt-5' })).message).toBe('feat: parser\n\nAssisted-by: aider:openai/gpt-5\n');
  });

  it("a ~/ path is the home directory's, and a missing file names nothing", () => {
    const home = homeWith({ 'aider/qwen.yml': `model: ${QWEN}\n` });
    const refused = aider(repoWith('policy:\n  deny: ["qwen/*"]\n'), ['--config', '~/aider/qwen.yml'], aiderEnv({ HOME: home }));
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(DENIED);
    expect(aider(repoWith('policy: {}\n'), ['-c', 'missing.yml'], aiderEnv()).message).toBe('feat: parser\n\nAssisted-by: aider:openai/o3\n');
  });
});

describe("the .aider.conf.yml of aider's working directory", () => {
  it('a subdirectory\'s file comes before the git root\'s, and deny qwen/* refuses it', () => {
    const files = { 'pkg/.aider.conf.yml': `model: ${QWEN}\n`, 'pkg/index.ts': 'export {};\n' };
    const refused = aider(repoWith('policy:\n  deny: ["qwen/*"]\n', files), ['--yes'], aiderEnv(), 'pkg');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(DENIED);

    const repo = repoWith('policy: {}\n', files);
    expect(aider(repo, ['--yes'], aiderEnv(), 'pkg').message).toBe('feat: parser\n\nAssisted-by: aider:qwen/qwen3-coder\n');
    expect(aider(repo, ['--yes'], aiderEnv()).message).toBe('feat: parser\n\nAssisted-by: aider:openai/o3\n');
  });

  it('a link in the work tree to a file outside it is read where it leads, as aider reads it (row 788)', () => {
    const outside = homeWith({ 'qwen.yml': `model: ${QWEN}\n` });
    const repo = repoWith('policy: {}\n', { 'pkg/index.ts': 'export {};\n' });
    spawnSync('ln', ['-s', join(outside, 'qwen.yml'), join(repo.dir, 'pkg/.aider.conf.yml')]);
    expect(aider(repo, ['--yes'], aiderEnv(), 'pkg').message).toMatch(/^Assisted-by: aider:qwen\/qwen3-coder$/m);
  });
});

describe("aider's model settings file, aliases and switches", () => {
  it("--model-settings-file's editor_model_name for the main model is recorded beside it, and refused", () => {
    const files = { 'ms.yml': `- name: o3\n  editor_model_name: ${QWEN}\n` };
    const refused = aider(repoWith('policy:\n  deny: ["qwen/*"]\n', files), ['--architect', '--model-settings-file', 'ms.yml'], aiderEnv());
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(DENIED);
    const recorded = aider(repoWith('policy: {}\n', files), ['--architect', '--model', 'o3', '--model-settings-file=ms.yml'], aiderEnv());
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: aider:openai/o3\nAssisted-by: aider:qwen/qwen3-coder\n');
  });

  it('--alias name:model (or alias: in .aider.conf.yml) names the model --model stands for', () => {
    const denied = repoWith('policy:\n  deny: ["qwen/*"]\n');
    const byFlag = aider(denied, ['--alias', `q:${QWEN}`, '--model', 'q'], aiderEnv());
    expect(byFlag.status).not.toBe(0);
    expect(byFlag.stderr).toMatch(DENIED);
    const inConf = repoWith('policy:\n  deny: ["qwen/*"]\n', { '.aider.conf.yml': `model: fast\nalias:\n  - "fast:${QWEN}"\n` });
    const byConf = aider(inConf, ['--yes'], aiderEnv());
    expect(byConf.status).not.toBe(0);
    expect(byConf.stderr).toMatch(DENIED);
  });

  it('AIDER_DEEPSEEK=true or deepseek: true sets the model over model:, and deny deepseek/* refuses it', () => {
    const byEnv = aider(repoWith('policy:\n  deny: ["deepseek/*"]\n'), ['--yes'], aiderEnv({ AIDER_DEEPSEEK: 'true' }));
    expect(byEnv.status).not.toBe(0);
    expect(byEnv.stderr).toMatch(/deepseek\/deepseek-chat \(via aider\) is denied/);
    const byConf = aider(repoWith('policy:\n  deny: ["deepseek/*"]\n', { '.aider.conf.yml': 'model: o3\ndeepseek: true\n' }), ['--model', 'o3'], aiderEnv());
    expect(byConf.status).not.toBe(0);
    expect(byConf.stderr).toMatch(/deepseek\/deepseek-chat \(via aider\) is denied/);
  });
});

describe("a person's commit", () => {
  it('from under aider -c, in a subdirectory with its own .aider.conf.yml, is unchanged and starts no node', () => {
    const { repo, env, started } = hookedRepo();
    writeFile(join(repo.dir, 'pkg/.aider.conf.yml'), `model: ${QWEN}\n`);
    writeFile(join(repo.dir, 'q.yml'), `model: ${QWEN}\n`);
    const before = readFileSync(started, 'utf8');
    const base = aiderEnv();
    const result = aider(repo, ['-c', '../q.yml'], { ...env, PATH: base.PATH, HOME: base.HOME }, 'pkg');
    expect(result.status, result.stderr).toBe(0);
    expect(result.message).toBe('feat: parser\n');
    expect(readFileSync(started, 'utf8')).toBe(before);
  });
});
