import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';

/**
 * husky mode: aitrail's block in `.husky/<hook>` ran `aitrail hook` with husky's environment as it was, NODE_OPTIONS
 * included (row 734's stated limit): yarn berry's `yarn run commit` hands `--require <top>/.pnp.cjs`, a file a
 * zero-install repository commits, and it ran inside aitrail's node. The block now keeps NODE_OPTIONS only as the
 * git-mode shims do (src/install/node-options.ts, src/install/husky-block.ts). `aitrail init --mode husky`, real git.
 */
describe('husky mode: NODE_OPTIONS never loads the repository\'s code into aitrail', () => {
  for (const options of ['--require {top}/.pnp.cjs', '--max-old-space-size=512 -r ./.pnp.cjs']) {
    it(`NODE_OPTIONS=${options}: the committed .pnp.cjs never runs; Qwen refused by the policy`, () => {
      const root = tempDir('aitrail-husky-node-options-');
      const marker = join(root, 'pwned');
      const repo = makeRepo({ dir: join(root, 'repo') });
      repo.commit('chore: start\n', {
        '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n',
        '.pnp.cjs': `require("fs").appendFileSync(${JSON.stringify(marker)}, process.argv.join(" ") + "\\n");\nprocess.exit = () => {};\n`,
      });
      const env = envWithAitrailOnPath();
      const init = aitrail(repo.dir, ['init', '--mode', 'husky'], { env });
      expect(init.code, `${init.stdout}${init.stderr}`).toBe(0);
      repo.write('a.txt', 'a\n');
      repo.git(['add', 'a.txt']);
      const head = repo.git(['rev-parse', 'HEAD']);
      const qwen = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: by qwen'], { env: { ...env, AITRAIL_MODEL: 'qwen/qwen3-coder', NODE_OPTIONS: options.replaceAll('{top}', repo.dir) } });
      expect(qwen.code).not.toBe(0);
      expect(qwen.stderr).toContain('model-denied');
      expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
      expect(existsSync(marker)).toBe(false);
      // The hook's lines are in the shared .husky/aitrail.sh its block sources (row 874).
      expect(readFileSync(join(repo.dir, '.husky', 'commit-msg'), 'utf8')).toContain('aitrail_run_commit_msg "$@"');
      expect(readFileSync(join(repo.dir, '.husky', 'aitrail.sh'), 'utf8')).toContain('unset NODE_OPTIONS');
    });
  }

  it('NODE_OPTIONS=--max-old-space-size=512 is kept: an allowed model recorded', () => {
    const repo = makeRepo({ dir: join(tempDir('aitrail-husky-node-options-'), 'repo') });
    repo.commit('chore: start\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' });
    const env = envWithAitrailOnPath();
    expect(aitrail(repo.dir, ['init', '--mode', 'husky'], { env }).code).toBe(0);
    repo.write('a.txt', 'a\n');
    repo.git(['add', 'a.txt']);
    const gpt = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: by gpt'], { env: { ...env, AITRAIL_MODEL: 'openai/gpt-5', NODE_OPTIONS: '--max-old-space-size=512' } });
    expect(gpt.code, gpt.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:openai/gpt-5');
  });
});
