import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { TEST_GIT_ENV, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { hookedInstalled, npmFound, PNPM_PATH } from '../helpers/pnpm.js';

/**
 * Row 814: 790/805 read the project's `.npmrc` line by line at `\n`, by its bytes, after grep. npm's ini
 * ends a line at a CR too and trims a key by JavaScript's trim (a no-break space, a BOM), and grep printed nothing
 * of a file holding a NUL ("binary file matches"): each of these named a registry npm uses while the shims and
 * init saw none, so the node_modules aitrail that server served ran as the person's. Row 812: `userconfig`,
 * `globalconfig` or `prefix` in the project's `.npmrc` make npm and pnpm read the registry from a file they name.
 */

const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n';
const SERVER = 'http://127.0.0.1:1/evil/';

const HIDDEN: Record<string, string> = {
  cr: `engine-strict=true\rregistry=${SERVER}\n`,
  nbsp: `\u00a0registry=${SERVER}\n`,
  bom: `\ufeffregistry=${SERVER}\n`,
  nul: `# \u0000\nregistry=${SERVER}\n`,
};

/** npm installed the honest tarball (once per file, copied: hookedInstalled). */
function repoWith(): TestRepo {
  return hookedInstalled(DENY_QWEN, (tarball) => ({
    'package.json': `{"name":"p","version":"1.0.0","devDependencies":{"aitrail":"file:${tarball}"}}\n`,
    '.gitignore': 'node_modules\n',
  }));
}

/** Run as from a person's shell: no `npm_config_*` (npx and `npm run` export `npm_config_userconfig`, which outranks the project's). */
function run(repo: TestRepo, env: NodeJS.ProcessEnv, args: string[]) {
  const base = Object.fromEntries(Object.entries(TEST_GIT_ENV).filter(([key]) => !/^npm_config_/i.test(key)));
  return spawnSync(args[0]!, args.slice(1), { cwd: repo.dir, env: { ...base, PATH: PNPM_PATH, ...env }, encoding: 'utf8' });
}

describe.skipIf(!npmFound)('a registry line of the committed .npmrc hidden from a line-by-line read', () => {
  it('a CR inside a line, a no-break space or BOM before the key, a NUL elsewhere in the file: npm uses the server, the hooks and init refuse', () => {
    const repo = repoWith();
    const env = { HOME: tempDir('aitrail-home-') };
    for (const [name, text] of Object.entries(HIDDEN)) {
      writeFileSync(join(repo.dir, '.npmrc'), text, 'utf8');
      // Real npm reads the hidden line as the registry.
      expect(run(repo, env, ['npm', 'config', 'get', 'registry']).stdout.trim(), name).toBe(SERVER);
      const head = repo.git(['rev-parse', 'HEAD']);
      repo.write('a.txt', `${Math.random()}\n`);
      repo.git(['add', 'a.txt']);
      const result = run(repo, { ...env, AITRAIL_MODEL: 'openai/gpt-5' }, ['git', 'commit', '-q', '-m', 'AI change']);
      expect(result.status, `${name}: ${result.stderr}`).not.toBe(0);
      expect(result.stderr, name).toContain("node_modules/.bin/aitrail was installed from the registry the project's .npmrc names");
      expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
      const said = run(repo, env, [process.execPath, BIN, 'init', '--mode', 'git']);
      expect(`${said.stdout}${said.stderr}`, name).toMatch(/the hooks will not run node_modules\/\.bin\/aitrail: it was installed from the registry the project's \.npmrc names/);
    }
  });

  it("userconfig, globalconfig or prefix in the committed .npmrc pointing at a committed file that names the server: npm uses it, the hooks and init refuse (row 812)", () => {
    const repo = repoWith();
    const env = { HOME: tempDir('aitrail-home-') };
    mkdirSync(join(repo.dir, 'conf', 'etc'), { recursive: true });
    writeFileSync(join(repo.dir, 'conf', 'npm.ini'), `registry=${SERVER}\n`);
    writeFileSync(join(repo.dir, 'conf', 'etc', 'npmrc'), `registry=${SERVER}\n`);
    for (const line of ['userconfig=./conf/npm.ini', 'globalconfig = ./conf/npm.ini', 'prefix=./conf']) {
      writeFileSync(join(repo.dir, '.npmrc'), `engine-strict=true\n${line}\n`);
      expect(run(repo, env, ['npm', 'config', 'get', 'registry']).stdout.trim(), line).toBe(SERVER);
      const head = repo.git(['rev-parse', 'HEAD']);
      repo.write('a.txt', `${Math.random()}\n`);
      repo.git(['add', 'a.txt']);
      const result = run(repo, { ...env, AITRAIL_MODEL: 'openai/gpt-5' }, ['git', 'commit', '-q', '-m', 'AI change']);
      expect(result.status, `${line}: ${result.stderr}`).not.toBe(0);
      expect(result.stderr, line).toContain("node_modules/.bin/aitrail was installed from the registry the project's .npmrc names");
      expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
      const said = run(repo, env, [process.execPath, BIN, 'init', '--mode', 'git']);
      expect(`${said.stdout}${said.stderr}`, line).toMatch(/the hooks will not run node_modules\/\.bin\/aitrail: it was installed from the registry the project's \.npmrc names/);
    }
  });

  // Row 813's nested case (a folder between the top and apps/web names the registry) is npmrc-registry-forms-s46p's:
  // the same install, commit and refusal were asserted here a second time.

  it('honest files still run it: CRLF line ends naming the public registry, a comment past ASCII, a scope\'s registry, a comment saying config', () => {
    const repo = repoWith();
    const env = { HOME: tempDir('aitrail-home-') };
    writeFileSync(join(repo.dir, '.npmrc'), '# Registry für alle\r\nregistry=https://registry.npmjs.org/\r\n@corp:registry=https://npm.corp.example/\r\nengine-strict=true\r\n; our npm config: prefix and userconfig are the person\'s\r\n', 'utf8');
    const said = run(repo, env, [process.execPath, BIN, 'init', '--mode', 'git']);
    expect(`${said.stdout}${said.stderr}`).toContain('The hooks run node_modules/.bin/aitrail.');
    repo.write('a.txt', 'x\n');
    repo.git(['add', 'a.txt']);
    const denied = run(repo, { ...env, AITRAIL_MODEL: 'qwen/qwen3-coder' }, ['git', 'commit', '-q', '-m', 'AI change']);
    expect(denied.status).not.toBe(0);
    expect(denied.stderr).toContain('model-denied');
    const allowed = run(repo, { ...env, AITRAIL_MODEL: 'openai/gpt-5' }, ['git', 'commit', '-q', '-m', 'AI change']);
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:openai/gpt-5');
  });
});
