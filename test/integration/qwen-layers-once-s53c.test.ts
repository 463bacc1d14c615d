// Row 1072 (issue 12 item 2, the cost of an AI commit's hooks): a Qwen Code commit's hooks built its settings layers
// six times in each hook (its model, the loop reading every layer, the model's modelProviders entry, its gateway, its
// subagents, its runtime directory), each time opening and parsing ~/.qwen/settings.json, the project's
// .qwen/settings.json and the two /etc files again: 6-7 opens of each file a hook. Now each hook run builds them once
// (gemini-cli.ts layersAndTrust, by place); Gemini CLI's, built 3 times a hook, too. Committed for real through init's
// hooks under strace (Qwen Code by QWEN_CODE=1, Gemini CLI by GEMINI_CLI=1); both count cases fail without the fix
// (~/.qwen/settings.json opened 6 times in each hook, ~/.gemini/settings.json 3), the last passes on both.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit, geminiHome, homeWith, hooked } from '../helpers/agent-home.js';
import { tempDir } from '../helpers/gitdir.js';
import { hookEnv } from '../helpers/hooks.js';

const strace = spawnSync('strace', ['-V']).status === 0;

const POLICY = 'policy:\n  allow: ["qwen/*", "google/*"]\n  deny: ["openai/*"]\n  unknownModel: deny\n';

function qwenEnv(home: string): NodeJS.ProcessEnv {
  return {
    HOME: home,
    QWEN_CODE: '1',
    OPENAI_BASE_URL: undefined,
    ANTHROPIC_BASE_URL: undefined,
    OPENAI_MODEL: undefined,
    QWEN_MODEL: undefined,
    QWEN_CODE_SYSTEM_SETTINGS_PATH: join(home, 'system.json'),
    QWEN_CODE_SYSTEM_DEFAULTS_PATH: join(home, 'defaults.json'),
    QWEN_CODE_TRUSTED_FOLDERS_PATH: undefined,
  };
}

/**
 * `git commit` as Qwen Code runs it (its environment, init's hooks: hookEnv puts the built aitrail on PATH), once as
 * agentCommit makes it and once under `strace -f`: both commits, and for a file how many times each process opened it.
 */
function tracedCommit(agentEnv: NodeJS.ProcessEnv, project: Record<string, string> = {}) {
  const repo = hooked(POLICY, project);
  const commit = agentCommit(repo, agentEnv);
  repo.write('src/parser.ts', `export const n = ${Math.random()};\n`);
  repo.git(['add', 'src/parser.ts']);
  const log = join(tempDir(), 'strace.log');
  // A fresh node each hook, as on a person's machine: not the tests' hook client, which sends the run to the worker's server.
  const env = hookEnv({ ...agentEnv, TEST_HOOK_SERVER: undefined });
  env.PATH = (env.PATH ?? '').split(':').filter((dir) => dir !== process.env.TEST_HOOK_NODE).join(':');
  const traced = spawnSync('strace', ['-f', '-qq', '-e', 'trace=openat', '-o', log, 'git', 'commit', '-q', '-m', 'feat: more'], { cwd: repo.dir, env, encoding: 'utf8' });
  const lines = readFileSync(log, 'utf8').split('\n');
  const opens = (file: string): number[] => {
    const byPid = new Map<string, number>();
    for (const line of lines) {
      if (!line.includes(`"${file}"`)) continue;
      const pid = line.split(' ')[0]!;
      byPid.set(pid, (byPid.get(pid) ?? 0) + 1);
    }
    return [...byPid.values()];
  };
  return { repo, commit, traced, opens };
}

describe("a Qwen Code commit reads each settings file once a hook (row 1072)", () => {
  it.skipIf(!strace)('each hook process opens ~/.qwen/settings.json, the project file and the /etc files once', () => {
    const home = homeWith({ '.qwen/settings.json': JSON.stringify({ model: { name: 'qwen3-coder-plus' } }) });
    const { repo, commit, traced, opens } = tracedCommit(qwenEnv(home), { '.qwen/settings.json': JSON.stringify({ ui: { theme: 'x' } }) });
    expect(commit.status, commit.stderr).toBe(0);
    expect(commit.message).toContain('Assisted-by: qwen-code:qwen/qwen3-coder-plus');
    expect(traced.status, traced.stderr).toBe(0);
    for (const file of [join(home, '.qwen/settings.json'), join(repo.dir, '.qwen/settings.json'), join(home, 'system.json'), join(home, 'defaults.json')]) {
      const counts = opens(file);
      // prepare-commit-msg and commit-msg read the agent's settings (post-commit does not).
      expect(counts.length, file).toBeGreaterThanOrEqual(2);
      expect(counts, file).toEqual(counts.map(() => 1));
    }
  });

  it.skipIf(!strace)("Gemini CLI's the same (its layers were built 3 times a hook)", () => {
    const env = geminiHome('gemini-2.5-pro');
    const { commit, traced, opens } = tracedCommit(env);
    expect(commit.status, commit.stderr).toBe(0);
    expect(commit.message).toContain('Assisted-by: gemini-cli:google/gemini-2.5-pro');
    expect(traced.status, traced.stderr).toBe(0);
    for (const file of [join(env.HOME!, '.gemini/settings.json'), env.GEMINI_CLI_SYSTEM_SETTINGS_PATH!, env.GEMINI_CLI_SYSTEM_DEFAULTS_PATH!]) {
      const counts = opens(file);
      expect(counts.length, file).toBeGreaterThanOrEqual(2);
      expect(counts, file).toEqual(counts.map(() => 1));
    }
  });

  it('careless truth and a way past a deny, as before: the model each layer names in order, a project file past 1 MiB makes it unknown every time it is asked', () => {
    const home = homeWith({ '.qwen/settings.json': JSON.stringify({ model: { name: 'qwen3-coder-plus' } }), 'system.json': JSON.stringify({ model: { name: 'gpt-4o' } }) });
    const repo = hooked(POLICY);
    const system = agentCommit(repo, qwenEnv(home));
    expect(system.status).not.toBe(0);
    expect(system.stderr).toContain('openai/gpt-4o');
    const plain = homeWith({ '.qwen/settings.json': JSON.stringify({ model: { name: 'qwen3-coder-plus' } }) });
    const padded = hooked(POLICY, { '.qwen/settings.json': `{"model": {"name": "gpt-4o"}, "pad": "${'x'.repeat(1024 * 1024)}"}` });
    const past = agentCommit(padded, qwenEnv(plain));
    expect(past.status).not.toBe(0);
    expect(past.stderr).toMatch(/over 1 MiB/);
  });
});
