import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, TEST_GIT_ENV, tempDir } from '../helpers/gitdir.js';

const ENTRY = fileURLToPath(new URL('../../dist/cli/entry.js', import.meta.url));
/** A node that notes every ES module it loads (a load hook, module.register), then runs the built CLI's entry (dist/cli/entry.js, the module tree the bundle is made of). */
const PROBE = [
  'const [entry, log, ...argv] = process.argv.slice(1);',
  "const { register } = await import('node:module');",
  "register('data:text/javascript,' + encodeURIComponent(`import { appendFileSync } from 'node:fs'; export async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\\\n'); return next(url, context); }`));",
  'const { main } = await import(entry);',
  'process.exitCode = await main(argv);',
].join('\n');

/** The command modules (dist/cli/commands/<name>.js) a CLI run in `cwd` loads, sorted, and its exit code. */
function commandModulesLoaded(cwd: string, args: string[]): { code: number | null; stderr: string; commands: string[] } {
  const log = join(tempDir('aitrail-loaded-'), 'loaded');
  writeFileSync(log, '');
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', PROBE, ENTRY, log, ...args], { cwd, env: TEST_GIT_ENV, encoding: 'utf8' });
  const commands = [...readFileSync(log, 'utf8').matchAll(/\/dist\/cli\/commands\/([a-z-]+)\.js$/gm)].map((match) => match[1] as string);
  return { code: run.status, stderr: run.stderr, commands: [...new Set(commands)].sort() };
}

/**
 * A run of a named command loads that command's module only (src/cli/app.ts commandsToLoad); help,
 * `--version`, no command or a mistyped one load them all. What each prints is the same either way.
 */
describe('a named command loads only its own module (s43c)', () => {
  it('status (and a wrong option of it) loads status.js alone; its help and a mistyped command load all eleven', () => {
    const repo = makeRepo();
    repo.commit('initial\n');
    const status = commandModulesLoaded(repo.dir, ['status']);
    expect(status.code, status.stderr).toBe(0);
    expect(status.commands).toEqual(['status']); // was all eleven: every command's module and what it imports
    expect(commandModulesLoaded(repo.dir, ['status', '--bogus']).commands).toEqual(['status']);
    for (const args of [['status', '--help'], ['blme']]) {
      expect(commandModulesLoaded(repo.dir, args).commands, args.join(' ')).toHaveLength(11);
    }
  });

  it('a word naming another command is still an unexpected argument; a mistyped command is still suggested from all of them', () => {
    const repo = makeRepo();
    repo.commit('initial\n');
    const named = aitrail(repo.dir, ['status', 'log']);
    expect(named.code).toBe(2);
    expect(named.stdout).toBe('');
    expect(named.stderr).toBe("aitrail: unexpected argument 'log' for 'aitrail status'. Run 'aitrail status --help' for usage.\n");
    const mistyped = aitrail(repo.dir, ['blme']);
    expect(mistyped.code).toBe(2);
    expect(mistyped.stderr).toBe(
      "aitrail: unknown command 'blme'. Did you mean blame? Commands: log, init, uninstall, use, status, blame, check, trend, hook, checkpoint, notes.\nRun 'aitrail --help' or 'aitrail <command> --help' for usage.\n",
    );
  });

  it("a command's help and the top-level help still list what they did", () => {
    const repo = makeRepo();
    const help = aitrail(repo.dir, ['status', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^aitrail status\n/);
    expect(help.stdout).toMatch(/^Options:$/m);
    const top = aitrail(repo.dir, ['--help']);
    expect(top.code).toBe(0);
    for (const command of ['log', 'init', 'uninstall', 'use', 'status', 'blame', 'check', 'trend', 'hook', 'checkpoint', 'notes']) {
      expect(top.stdout, command).toMatch(new RegExp(`^ {2}aitrail ${command}\\b`, 'm'));
    }
  });
});
