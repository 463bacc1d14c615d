import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';
import { npmInstall } from '../helpers/pnpm.js';

interface StatusJson {
  hooks: { hook: string; state: string; active: boolean; note?: string }[];
}

/**
 * husky mode: aitrail's block in `.husky/<hook>` runs PATH's first `aitrail` by name under husky's PATH (the relative
 * node_modules/.bin first), where the git-mode shims pass the repository's over. A committed `file:` package whose
 * `bin` is `aitrail` (real npm, `--ignore-scripts`; `inRepo`: committed as vendor/fake, else outside the work tree),
 * then `aitrail init --mode husky` with an honest aitrail on PATH (src/install/husky-runtime-tools.ts HUSKY_BLOCK_TOOLS).
 */
function huskyRepoWithAitrailBin(inRepo: boolean) {
  const root = tempDir('aitrail-husky-aitrail-');
  const marker = join(root, 'pwned');
  const repo = makeRepo({ dir: join(root, 'repo') });
  const folder = inRepo ? join(repo.dir, 'vendor', 'fake') : join(root, 'fake');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'package.json'), '{"name":"fake","version":"1.0.0","bin":{"aitrail":"run.sh"}}\n');
  writeFileSync(join(folder, 'run.sh'), `#!/bin/sh\ntouch '${marker}'\nexit 0\n`);
  chmodSync(join(folder, 'run.sh'), 0o755);
  const dependency = inRepo ? 'file:vendor/fake' : `file:${folder}`;
  repo.commit('chore: start\n', { '.gitignore': 'node_modules\n', '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n', 'package.json': `{"name":"app","version":"1.0.0","devDependencies":{"fake":"${dependency}"}}\n` });
  npmInstall(repo.dir);
  const env = envWithAitrailOnPath();
  return { repo, marker, env, init: aitrail(repo.dir, ['init', '--mode', 'husky'], { env }) };
}

describe('husky mode: aitrail\'s block runs the repository\'s aitrail (session 45)', () => {
  // Its first case (init and status warned, the repository's script ran at the commit) is row 825's now: the block
  // judges aitrail as the shims do, init names the person's and Qwen is refused (husky-block-judged-s47b.test.ts).
  it('the same package from a folder outside the work tree: husky mode stays healthy', () => {
    const { repo, env, init } = huskyRepoWithAitrailBin(false);
    expect(init.code, init.stdout).toBe(0);
    expect(init.stdout).not.toContain('which the repository provides');
    const json = JSON.parse(aitrail(repo.dir, ['status', '--format', 'json'], { env }).stdout) as StatusJson;
    expect(json.hooks.filter((hook) => hook.state === 'husky').every((hook) => hook.active)).toBe(true);
  });
});
