// Session 54 helper i (row 1139): each message hook's bundle (dist/bundle/<hook>.cjs) held the modules it
// only runs off its usual path (the config's loaders and validator on a cold config cache, an amend's or a
// reword's attributions, a re-encoded message, re2js for `detect.rules`), and every run read them and took
// an entry for each of their functions from the code cache (esbuild hoists them all to the file's top
// level). Found by a CPU profile of commit-msg (vm.Script ~20% of the hook) and an A/B of a bundle without
// them. Now they are in <hook>.rare.cjs (scripts/bundle.mjs, src/io/rare-bundle.ts), loaded on first need
// with its own code cache: a usual run never reads it, and a rare run answers as the module tree does.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { privateBundle, RUN_BUNDLED_HOOK as RUN } from '../helpers/private-bundle.js';
import { makeRepo, TEST_GIT_ENV, tempDir } from '../helpers/gitdir.js';

const MESSAGE_HOOKS = ['prepare-commit-msg', 'commit-msg'];
const cleanups: Array<() => void> = [];
afterAll(() => cleanups.splice(0).forEach((cleanup) => cleanup()));


describe('a message hook\'s rare paths in a file of their own (row 1139)', () => {
  const model = { AITRAIL_MODEL: 'anthropic/claude-opus-4.6', AITRAIL_AGENT: 'claude-code' };
  const agent = { CLAUDECODE: '1', CLAUDE_CODE_ENTRYPOINT: 'cli' };
  const agentText = 'Add a feature\n\n\u{1F916} Generated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n';

  it('usual runs (a model named, an agent\'s own commit, warm config cache) never read it; a cold config cache does, and writes its code cache', () => {
    const dir = privateBundle(cleanups);
    for (const hook of MESSAGE_HOOKS) expect(existsSync(join(dir, `${hook}.rare.cjs`)), hook).toBe(true);
    const repo = makeRepo();
    repo.commit('one', { '.aitrailrc.yml': 'policy:\n  deny: ["deepseek/*"]\n  unknownModel: warn\n' });
    // Written a minute ago: a config changed within the second is read from its file on every run (its stamp could not tell a later change).
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(repo.dir, '.aitrailrc.yml'), past, past);
    const message = join(repo.dir, '.git', 'COMMIT_EDITMSG');
    const hook = (args: string[], env: NodeJS.ProcessEnv) => spawnSync(process.execPath, ['-e', RUN, dir, ...args], { cwd: repo.dir, env: { ...TEST_GIT_ENV, ...env }, encoding: 'utf8' });
    // The first run reads the config from its file (YAML, the validator: the rare file), and writes the rare file's code cache at exit.
    writeFileSync(message, 'Add a feature\n');
    expect(hook(['prepare-commit-msg', '.git/COMMIT_EDITMSG', 'message'], model).status).toBe(0);
    expect(existsSync(join(dir, 'prepare-commit-msg.rare.cjs.cache'))).toBe(true);
    writeFileSync(message, 'Add a feature\n');
    expect(hook(['commit-msg', '.git/COMMIT_EDITMSG'], model).status).toBe(0);
    // Without the rare files, the usual runs answer as before.
    for (const name of MESSAGE_HOOKS) renameSync(join(dir, `${name}.rare.cjs`), join(dir, `${name}.rare.cjs.away`));
    for (const [env, text, trailer] of [[model, 'Add a feature\n', 'claude-code:anthropic/claude-opus-4.6'], [agent, agentText, 'claude-code:unknown']] as const) {
      writeFileSync(message, text);
      const prepared = hook(['prepare-commit-msg', '.git/COMMIT_EDITMSG', 'message'], env);
      expect(prepared.status, prepared.stderr).toBe(0);
      expect(readFileSync(message, 'utf8')).toContain(`\nAssisted-by: ${trailer}\n`);
      const judged = hook(['commit-msg', '.git/COMMIT_EDITMSG'], env);
      expect(judged.status, judged.stderr).toBe(0);
      expect(judged.stderr).not.toMatch(/internal error|rebuild/);
    }
  });

  it('a rare run (a config changed, invalid, a denied model) answers exactly as the module tree (dist/, what bin falls back to)', () => {
    const dir = privateBundle(cleanups);
    const treeScript = join(tempDir('aitrail-tree-'), 'tree.mjs');
    writeFileSync(treeScript, `const { main } = await import(${JSON.stringify(pathToFileURL(fileURLToPath(new URL('../../dist/cli/entry.js', import.meta.url))).href)});\nprocess.exitCode = await main(process.argv.slice(2));\n`);
    const repo = makeRepo();
    repo.commit('one', { a: '1' });
    const message = join(repo.dir, '.git', 'COMMIT_EDITMSG');
    const run = (how: 'bundle' | 'tree', args: string[], env: NodeJS.ProcessEnv, text: string) => {
      writeFileSync(message, text);
      const argv = how === 'bundle' ? ['-e', RUN, dir, ...args] : [treeScript, 'hook', ...args];
      const result = spawnSync(process.execPath, argv, { cwd: repo.dir, env: { ...TEST_GIT_ENV, ...env }, encoding: 'utf8' });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr, message: readFileSync(message, 'utf8') };
    };
    const configs = [
      'policy:\n  deny: ["deepseek/*"]\n',
      'policy:\n  deny: 7\n',
      'detect:\n  rules:\n    - { field: body, pattern: "made by acme-bot", agent: acme-bot, model: "acme/bot-1" }\npolicy:\n  deny: ["acme/*"]\n',
    ];
    for (const config of configs) {
      writeFileSync(join(repo.dir, '.aitrailrc.yml'), config);
      for (const [env, text] of [[{ AITRAIL_MODEL: 'deepseek/deepseek-v3.1' }, 'Add a feature\n'], [{}, 'Add a feature\n\nMade by Acme-Bot\n'], [agent, agentText]] as const) {
        for (const args of [['prepare-commit-msg', '.git/COMMIT_EDITMSG', 'message'], ['commit-msg', '.git/COMMIT_EDITMSG']]) {
          // Each side on a cold config cache (the config just written), then on a warm one.
          for (const cache of ['cold', 'warm']) {
            if (cache === 'cold') rmSync(join(repo.dir, '.git', 'aitrail'), { recursive: true, force: true });
            const tree = run('tree', args, env, text);
            if (cache === 'cold') rmSync(join(repo.dir, '.git', 'aitrail'), { recursive: true, force: true });
            expect(run('bundle', args, env, text), `${config} ${args[0]} ${JSON.stringify(env)} ${cache}`).toEqual(tree);
          }
        }
      }
    }
  });
});
