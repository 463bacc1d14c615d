// Row 343: a model chosen on an agent's command line (`codex -m qwen3-coder`, `gemini --model=…`)
// was invisible to the hooks: the commit read as the settings' model or `unknown`, and passed
// `deny: ["qwen/*"]`. Committed for real through the installed hooks, from a real ancestor process
// whose command line is the agent's (`node /…/bin/codex -m qwen3-coder`, as npm installs it).
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hooked, homeWith } from '../helpers/agent-home.js';
import { tempDir, type TestRepo } from '../helpers/gitdir.js';
import { hookEnv, messageOf } from '../helpers/hooks.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

/** A directory holding an executable node script named `name` that runs `git commit -q -F -` with the message in `MESSAGE`. */
function agentBin(name: string): string {
  const bin = join(tempDir('aitrail-agent-'), 'bin');
  mkdirSync(bin);
  const script = join(bin, name);
  writeFileSync(
    script,
    `#!${process.execPath}\nconst { spawnSync } = require('node:child_process');\n` +
      `const run = spawnSync('git', ['commit', '-q', '-F', '-'], { input: process.env.MESSAGE, stdio: ['pipe', 'inherit', 'inherit'] });\n` +
      `process.exit(run.status ?? 1);\n`,
  );
  chmodSync(script, 0o755);
  return script;
}

/** `<agent> args…` run in the repository with `env` (a staged change): it commits; the verdict and the stored message. */
function runAgent(repo: TestRepo, program: string, args: string[], env: NodeJS.ProcessEnv) {
  repo.write('src/parser.ts', `export const n = ${Math.random()};\n`);
  repo.git(['add', 'src/parser.ts']);
  const run = spawnSync(program, args, { cwd: repo.dir, env: { ...env, MESSAGE: 'feat: parser\n' }, encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr, message: run.status === 0 ? messageOf(repo.dir) : '' };
}

const CODEX_HOME = { '.codex/config.toml': 'model = "gpt-5"\n' };

describe("a model chosen on the agent's command line (row 343)", () => {
  it('codex -m qwen3-coder is recorded over config.toml, and deny qwen/* refuses it', () => {
    const codex = agentBin('codex');
    const env = hookEnv({ HOME: homeWith(CODEX_HOME), CODEX_HOME: undefined, CODEX_SANDBOX: 'seatbelt' });

    const open = hooked('policy: {}\n');
    const recorded = runAgent(open, codex, ['exec', '-m', 'qwen3-coder', 'fix the parser'], env);
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: codex:qwen/qwen3-coder\n');

    const denied = hooked('policy:\n  deny: ["qwen/*"]\n');
    const refused = runAgent(denied, codex, ['--model=qwen3-coder'], env);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via codex\) is denied/);

    // No flag: config.toml's model, as before.
    const plain = runAgent(denied, codex, ['fix the parser'], env);
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.message).toBe('feat: parser\n\nAssisted-by: codex:openai/gpt-5\n');
  });

  it("gemini --model comes before GEMINI_MODEL and the settings; qwen -m before Qwen Code's variables", () => {
    const denied = hooked('policy:\n  deny: ["qwen/*"]\n');
    const home = homeWith({ '.gemini/settings.json': '{"model": {"name": "gemini-2.5-pro"}}' });
    const gemini = runAgent(denied, agentBin('gemini'), ['--model=qwen3-coder-plus', '-y'], hookEnv({ HOME: home, GEMINI_CLI: '1', GEMINI_MODEL: 'gemini-2.5-flash' }));
    expect(gemini.status).not.toBe(0);
    expect(gemini.stderr).toMatch(/qwen\/qwen3-coder-plus \(via gemini-cli\) is denied/);
    expect(gemini.stderr).not.toMatch(/gemini-2\.5/);

    const open = hooked('policy: {}\n');
    const qwen = runAgent(open, agentBin('qwen'), ['-m', 'gpt-4.1'], hookEnv({ HOME: homeWith(), QWEN_CODE: '1', OPENAI_MODEL: 'qwen3-coder-plus' }));
    expect(qwen.status, qwen.stderr).toBe(0);
    expect(qwen.message).toBe('feat: parser\n\nAssisted-by: qwen-code:openai/gpt-4.1\n');
  });

  it("a person's commit from under a process named codex -m is unchanged, and starts no node", () => {
    const { repo, env, started } = hookedRepo();
    const before = readFileSync(started, 'utf8');
    const person = runAgent(repo, agentBin('codex'), ['-m', 'qwen3-coder'], { ...env, HOME: homeWith() });
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('feat: parser\n');
    expect(readFileSync(started, 'utf8')).toBe(before);
  });
});
