import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit, hooked } from '../helpers/agent-home.js';
import { envWithAitrailOnPath } from '../helpers/cli.js';

/**
 * The shims' helpers share the shell's variables: aitrail_cu (row 731's relative cache, reached from the node
 * candidate walk through aitrail_np/aitrail_nc) kept `git ls-files`' output in aitrail_co, the variable the walk keeps
 * IFS in, so the walk "restored" IFS to that output (empty for an untracked cache), and 734's NODE_OPTIONS check
 * then read the whole of NODE_OPTIONS as one word: `--max-old-space-size=512 --require ./x.cjs` matched the
 * `--max-old-space-size=<n>` pattern and was kept (src/install/shim-source.ts).
 */

const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n';

/** A repository with an untracked `cache=.npm`, npm's record, and a registry `node` package first on PATH (its `.bin/node`). */
function nodeInTree(extra: Record<string, string>) {
  const repo = hooked(DENY_QWEN, { '.npmrc': 'cache=.npm\n', '.gitignore': 'node_modules/\n.npm/\n', ...extra });
  const bin = join(repo.dir, 'node_modules', 'node', 'bin');
  mkdirSync(bin, { recursive: true });
  mkdirSync(join(repo.dir, 'node_modules', '.bin'));
  mkdirSync(join(repo.dir, '.npm'));
  // The `node` package's launcher (never run here: the aitrail the shims run is a #!/bin/sh wrapper naming its node).
  writeFileSync(join(bin, 'node'), `#!/bin/sh\nexec '${process.execPath}' "$@"\n`);
  chmodSync(join(bin, 'node'), 0o755);
  symlinkSync('../node/bin/node', join(repo.dir, 'node_modules', '.bin', 'node'));
  const record = {
    name: 'app',
    lockfileVersion: 3,
    requires: true,
    packages: { 'node_modules/node': { version: '20.19.0', resolved: 'https://registry.npmjs.org/node/-/node-20.19.0.tgz', integrity: 'sha512-x', bin: { node: 'bin/node' } } },
  };
  writeFileSync(join(repo.dir, 'node_modules', '.package-lock.json'), `${JSON.stringify(record, null, 2)}\n`);
  expect(repo.git(['status', '--porcelain'])).toBe('');
  return repo;
}

describe('aitrail_cu leaves the node walk\'s IFS as it was (731 beside 734)', () => {
  it('NODE_OPTIONS=--max-old-space-size=512 --require ./x.cjs under an untracked cache=.npm and a node in node_modules/.bin: x.cjs never runs; Qwen refused', () => {
    const marker = `pwned-${Math.random().toString(36).slice(2)}`;
    const payload = `require("fs").writeFileSync(require("path").join(__dirname, "..", ${JSON.stringify(marker)}), process.argv.join(" "));\n`;
    const repo = nodeInTree({ 'x.cjs': payload });
    const base = envWithAitrailOnPath();
    const env = { ...base, PATH: `${join(repo.dir, 'node_modules', '.bin')}:${base.PATH ?? ''}`, AITRAIL_MODEL: 'qwen/qwen3-coder', NODE_OPTIONS: '--max-old-space-size=512 --require ./x.cjs' };
    const result = agentCommit(repo, env);
    expect(existsSync(join(repo.dir, '..', marker))).toBe(false);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('model-denied');
  });

  it('the same with NODE_OPTIONS=--max-old-space-size=512 alone: kept, the commit judged and recorded', () => {
    const repo = nodeInTree({});
    const base = envWithAitrailOnPath();
    const env = { ...base, PATH: `${join(repo.dir, 'node_modules', '.bin')}:${base.PATH ?? ''}`, AITRAIL_MODEL: 'openai/gpt-5', NODE_OPTIONS: '--max-old-space-size=512' };
    const result = agentCommit(repo, env);
    expect(result.status, result.stderr).toBe(0);
    expect(result.message).toContain('Assisted-by: unknown:openai/gpt-5');
  });
});
