// Row 358: an agent started so that its process did not read as the agent's (`exec -a`, a runtime's
// option before its script, a long prompt before `-m`) had its `-m qwen3-coder` unread, and the
// commit passed `deny: ["qwen/*"]` as the settings' model. Committed for real through the installed
// hooks, from a real ancestor process started each way.
import { symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hooked, homeWith } from '../helpers/agent-home.js';
import { agentBin, runAgent as run } from '../helpers/fake-agent.js';
import { tempDir } from '../helpers/gitdir.js';
import { hookEnv } from '../helpers/hooks.js';

const DENY = 'policy:\n  deny: ["qwen/*"]\n';
const codexEnv = () => hookEnv({ HOME: homeWith({ '.codex/config.toml': 'model = "gpt-5"\n' }), CODEX_HOME: undefined, CODEX_SANDBOX: 'seatbelt' });

describe('agents started in ways their process did not read as theirs (row 358)', () => {
  // A native program named codex (a few lines of C that commit, as codex's binary would), started as `exec -a othername codex -m …`.
  const dir = tempDir('aitrail-exe-');
  const codex = join(dir, 'codex');
  writeFileSync(join(dir, 'codex.c'), '#include <stdlib.h>\nint main(void) { int s = system("printf %s \\"$MESSAGE\\" | git commit -q -F -"); return s == 0 ? 0 : 1; }\n');
  const built = spawnSync('cc', ['-o', codex, join(dir, 'codex.c')], { encoding: 'utf8' }).status === 0;
  it.skipIf(!built)("exec -a: argv[0] rewritten, the program the process runs is still codex's (no C compiler: skipped)", () => {
    const denied = hooked(DENY);
    const refused = run(denied, 'bash', ['-c', 'exec -a othername "$0" "$@"', codex, '-m', 'qwen3-coder'], codexEnv());
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via codex\) is denied/);

    const open = hooked('policy: {}\n');
    const recorded = run(open, 'bash', ['-c', 'exec -a othername "$0" "$@"', codex, '-m', 'qwen3-coder'], codexEnv());
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: codex:qwen/qwen3-coder\n');
  });

  it("node's own option before the agent's script (`node -r <preload> /…/gemini -m …`)", () => {
    const gemini = agentBin('gemini');
    const preload = join(tempDir('aitrail-preload-'), 'preload.cjs');
    writeFileSync(preload, '\n');
    const env = hookEnv({ HOME: homeWith({ '.gemini/settings.json': '{"model": {"name": "gemini-2.5-pro"}}' }), GEMINI_CLI: '1' });
    const refused = run(hooked(DENY), process.execPath, ['-r', preload, gemini, '-m', 'qwen3-coder', '-y'], env);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via gemini-cli\) is denied/);
  });

  it('a link of another name to the agent\'s script (`ln -s $(which gemini) ~/bin/g`: node is handed the link\'s path)', () => {
    const g = join(dirname(agentBin('gemini')), '..', 'g');
    symlinkSync(agentBin('gemini'), g);
    const env = hookEnv({ HOME: homeWith({ '.gemini/settings.json': '{"model": {"name": "gemini-2.5-pro"}}' }), GEMINI_CLI: '1' });
    const refused = run(hooked(DENY), g, ['-m', 'qwen3-coder'], env);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via gemini-cli\) is denied/);
  });

  it('a prompt of 70 KB before -m: the agent\'s command line is read whole', () => {
    const denied = hooked(DENY);
    const refused = run(denied, agentBin('codex'), [`fix ${'the parser '.repeat(7000)}`, '-m', 'qwen3-coder'], codexEnv());
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via codex\) is denied/);

    const open = hooked('policy: {}\n');
    const many = run(open, agentBin('codex'), [...Array<string>(400).fill('-c').flatMap((flag, index) => [flag, `x${index}=1`]), '-m', 'gpt-5-codex'], codexEnv());
    expect(many.status, many.stderr).toBe(0);
    expect(many.message).toBe('feat: parser\n\nAssisted-by: codex:openai/gpt-5-codex\n');
  });

  it("codex -c as codex-rs reads it: a profile's model set on the command line, a TOML escape (row 359)", () => {
    const env = hookEnv({ HOME: homeWith({ '.codex/config.toml': 'model = "gpt-5"\n[profiles.fast]\nmodel = "o3"\n' }), CODEX_HOME: undefined, CODEX_SANDBOX: 'seatbelt' });
    const denied = hooked(DENY);
    for (const args of [['-p', 'fast', '-c', 'profiles.fast.model="qwen3-coder"'], ['-c', 'model="qw\\u0065n3-coder"']]) {
      const refused = run(denied, agentBin('codex'), args, env);
      expect(refused.status, args.join(' ')).not.toBe(0);
      expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via codex\) is denied/);
    }
    const plain = run(denied, agentBin('codex'), ['-p', 'fast'], env);
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.message).toBe('feat: parser\n\nAssisted-by: codex:openai/o3\n');
  });
});
