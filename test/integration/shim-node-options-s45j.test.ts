import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hooked, agentCommit } from '../helpers/agent-home.js';
import { envWithAitrailOnPath } from '../helpers/cli.js';

/**
 * NODE_OPTIONS loads code into every node: yarn 2+'s `yarn run`/`yarn exec` in a PnP project hands the hooks
 * `--require <top>/.pnp.cjs --experimental-loader <top>/.pnp.loader.mjs` (replayed with yarn 4.18.1), and a
 * zero-install repository commits .pnp.cjs; an agent loading a committed .env hands on its NODE_OPTIONS too. The
 * git-mode shims keep NODE_OPTIONS only when every word is a flag that loads nothing (src/install/shim-source.ts).
 */

const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n';

describe('NODE_OPTIONS handed to the hooks never loads the repository\'s code into aitrail', () => {
  for (const options of ['--require {top}/.pnp.cjs --experimental-loader {top}/.pnp.loader.mjs', '-r ./.pnp.cjs', '--max-old-space-size=512 --import=./.pnp.cjs', '--max-old-space-size="512 --require ./.pnp.cjs"']) {
    it(`NODE_OPTIONS=${options}: the committed .pnp.cjs never runs; Qwen refused by the policy`, () => {
      const marker = `pwned-${Math.random().toString(36).slice(2)}`;
      const pnp = `require("fs").writeFileSync(require("path").join(__dirname, "..", ${JSON.stringify(marker)}), process.argv.join(" "));\nprocess.exit = () => {};\n`;
      const repo = hooked(DENY_QWEN, { '.pnp.cjs': pnp, '.pnp.loader.mjs': `import { writeFileSync } from "node:fs";\nwriteFileSync(new URL("../${marker}.mjs", import.meta.url), "x");\n` });
      const env = { ...envWithAitrailOnPath(), AITRAIL_MODEL: 'qwen/qwen3-coder', NODE_OPTIONS: options.replaceAll('{top}', repo.dir) };
      const result = agentCommit(repo, env);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain('model-denied');
      expect(existsSync(join(repo.dir, '..', marker))).toBe(false);
      expect(existsSync(join(repo.dir, '..', `${marker}.mjs`))).toBe(false);
    });
  }

  it('NODE_OPTIONS=--max-old-space-size=512 (a V8 flag that loads nothing) is kept: the commit is judged as before', () => {
    const repo = hooked(DENY_QWEN);
    const result = agentCommit(repo, { ...envWithAitrailOnPath(), AITRAIL_MODEL: 'openai/gpt-5', NODE_OPTIONS: '--max-old-space-size=512' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.message).toContain('Assisted-by: unknown:openai/gpt-5');
  });
});
