// Agents that commit through their shell tool with no marker aitrail knew: Kilo CLI (`KILO=1`, beside
// the `OPENCODE=1` of OpenCode, its upstream), Pi (`PI_SESSION_ID`, `PI_MODEL`) and Letta Code
// (`LETTA_AGENT_ID`, `USER_CWD`). Their commits were a person's: no trailer, and a model deny passed.
// Committed for real through the installed hooks, with each agent's environment as its tool sets it.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit, hooked, homeWith } from '../helpers/agent-home.js';
import { BIN } from '../helpers/cli.js';
import { makeRepo, TEST_GIT_ENV, tempDir } from '../helpers/gitdir.js';
import { hookEnv } from '../helpers/hooks.js';

const LETTA_AGENT = 'agent-6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b';

/** What each agent's shell tool sets for the commands it runs (beside the person's environment). */
const KILO = { KILO: '1', OPENCODE: '1', AGENT: '1' };
const PI = { PI_SESSION_ID: '019a3f2b-8c1e-7a5d-8e6f-8a7b9c0d1e2f', PI_SESSION_FILE: '/home/u/.pi/agent/sessions/s.jsonl', PI_PROVIDER: 'moonshotai', PI_MODEL: 'kimi-k2-0905-preview', PI_REASONING_LEVEL: 'medium' };
const LETTA = { LETTA_AGENT_ID: LETTA_AGENT, AGENT_ID: LETTA_AGENT, USER_CWD: '/work/app', PAGER: 'cat' };

/** `git log`'s view of HEAD's trailers (what every reader of the history sees). */
function trailers(dir: string): string {
  return spawnSync('git', ['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'], { cwd: dir, env: TEST_GIT_ENV, encoding: 'utf8' }).stdout.trim();
}

describe('agents marked only by their shell tool', () => {
  it.each([
    ['Kilo CLI', KILO, 'kilo-code:unknown'],
    ['Pi', PI, 'pi:moonshotai/kimi-k2-0905'],
    ['Letta Code', LETTA, 'letta-code:unknown'],
  ] as const)('%s: its commit is AI-assisted, by that agent', (_name, marks, recorded) => {
    const repo = hooked('policy: {}\n');
    const result = agentCommit(repo, hookEnv({ HOME: homeWith(), ...marks }));
    expect(result.status, result.stderr).toBe(0);
    expect(trailers(repo.dir)).toBe(recorded);
  });

  it("Kilo CLI's OPENCODE=1 is not OpenCode's: OpenCode's settings are not read for it, and OpenCode alone is still OpenCode", () => {
    const home = homeWith({ '.config/opencode/opencode.json': '{"model": "openai/gpt-4.1"}' });
    const repo = hooked('policy: {}\n');
    expect(agentCommit(repo, hookEnv({ HOME: home, ...KILO })).status).toBe(0);
    expect(trailers(repo.dir)).toBe('kilo-code:unknown');
    expect(agentCommit(repo, hookEnv({ HOME: home, OPENCODE: '1', AGENT: '1' })).status).toBe(0);
    expect(trailers(repo.dir)).toBe('opencode:openai/gpt-4.1');
  });

  it('a model deny refuses them, with the evidence', () => {
    const repo = hooked('policy:\n  deny: ["moonshotai/*"]\n');
    const pi = agentCommit(repo, hookEnv({ HOME: homeWith(), ...PI }));
    expect(pi.status).not.toBe(0);
    expect(pi.stderr).toMatch(/moonshotai\/kimi-k2-0905 \(via pi\) is denied/);
    expect(pi.stderr).toContain('PI_MODEL="kimi-k2-0905-preview"');

    // Kilo CLI's own config names the model (JSONC, `~/.config/kilo/kilo.jsonc`).
    const kiloHome = homeWith({ '.config/kilo/kilo.jsonc': '{\n  // picked in /models\n  "model": "moonshotai/kimi-k2-0905-preview",\n}\n' });
    const kilo = agentCommit(repo, hookEnv({ HOME: kiloHome, ...KILO }));
    expect(kilo.status).not.toBe(0);
    expect(kilo.stderr).toMatch(/moonshotai\/kimi-k2-0905 \(via kilo-code\) is denied/);
    expect(kilo.stderr).toContain('~/.config/kilo/kilo.jsonc model="moonshotai/kimi-k2-0905-preview"');
  });

  it("Kimi CLI and Mistral Vibe set no marker: named by AI_AGENT (a wrapper's), their config's model is read and denied", () => {
    const repo = hooked('policy:\n  deny: ["moonshotai/*", "mistralai/*"]\n');
    const home = homeWith({
      '.kimi/config.toml': 'default_model = "k"\n[providers.p]\ntype = "kimi"\nbase_url = "https://api.kimi.com/coding/v1"\napi_key = "sk-x"\n[models.k]\nprovider = "p"\nmodel = "kimi-for-coding"\nmax_context_size = 262144\n',
      '.vibe/config.toml': 'active_model = "devstral"\n[[models]]\nname = "devstral-2512"\nprovider = "mistral"\nalias = "devstral"\n',
    });
    const kimi = agentCommit(repo, hookEnv({ HOME: home, AI_AGENT: 'kimi-code' }));
    expect(kimi.status).not.toBe(0);
    expect(kimi.stderr).toMatch(/moonshotai\/kimi-for-coding \(via kimi-code\) is denied/);
    expect(kimi.stderr).toContain('~/.kimi/config.toml default_model="k" model="kimi-for-coding"');
    const vibe = agentCommit(repo, hookEnv({ HOME: home, AI_AGENT: 'mistral-vibe' }));
    expect(vibe.status).not.toBe(0);
    expect(vibe.stderr).toMatch(/mistralai\/devstral-2512 \(via mistral-vibe\) is denied/);
    expect(vibe.stderr).toContain('~/.vibe/config.toml active_model="devstral" name="devstral-2512"');
  });

  it('markers that only look alike name no agent: a person with LETTA_AGENT_ID of another form, or without USER_CWD, KILO=0, KILO=1 without OpenCode\'s marker beside it, PI_SESSION_ID without its session file', () => {
    const repo = hooked('policy: {}\n');
    for (const env of [{ LETTA_AGENT_ID: 'my-bot', USER_CWD: '/x' }, { LETTA_AGENT_ID: LETTA_AGENT }, { KILO: '0' }, { KILO: '1' }, { PI_SESSION_ID: 'build-42' }, { PI_MODEL: 'kimi-k2' }]) {
      const result = agentCommit(repo, hookEnv({ HOME: homeWith(), ...env }));
      expect(result.status, result.stderr).toBe(0);
      expect(result.message, JSON.stringify(env)).toBe('feat: parser\n');
    }
  });
});

describe('the shim fast path and these markers', () => {
  it('a person\'s commit skips node and is untouched; each new marker reaches node, which records it', () => {
    const repo = makeRepo();
    const bin = join(tempDir('aitrail-counted-'), 'bin');
    mkdirSync(bin);
    const log = join(bin, 'started');
    writeFileSync(join(bin, 'aitrail'), `#!/bin/sh\n[ "$1" = hook ] && printf '%s\\n' "$2" >>'${log}'\nexec '${process.execPath}' '${BIN}' "$@"\n`);
    chmodSync(join(bin, 'aitrail'), 0o755);
    const env = { ...TEST_GIT_ENV, HOME: homeWith(), PATH: `${bin}:${process.env.PATH ?? ''}` };
    repo.commit('start\n', { 'a.txt': 'a\n' });
    const init = spawnSync(process.execPath, [BIN, 'init', '--mode', 'git'], { cwd: repo.dir, env, encoding: 'utf8' });
    expect(init.status, init.stderr).toBe(0);
    let tick = 0;
    const commit = (message: string, extra: NodeJS.ProcessEnv = {}) => {
      writeFileSync(log, '');
      tick += 1;
      const result = spawnSync('git', ['commit', '-q', '--allow-empty', '-m', message], { cwd: repo.dir, env: { ...env, GIT_AUTHOR_DATE: `@${1780000000 + tick} +0000`, ...extra }, encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      return readFileSync(log, 'utf8').split('\n').filter(Boolean);
    };
    expect(commit('Human commit')).toEqual([]);
    expect(trailers(repo.dir)).toBe('');
    for (const [marks, recorded] of [
      [KILO, 'kilo-code:unknown'],
      [PI, 'pi:moonshotai/kimi-k2-0905'],
      [LETTA, 'letta-code:unknown'],
    ] as const) {
      expect(commit(`By ${recorded}`, marks), recorded).toEqual(['prepare-commit-msg', 'commit-msg']);
      expect(trailers(repo.dir)).toBe(recorded);
    }
    expect(commit('Human again')).toEqual([]);
    expect(trailers(repo.dir)).toBe('');
  });
});
