// Row 373: a copy of an agent under another name (`cp …/codex ~/bin/cx`, a bundle copied out of its
// package) did not read as the agent's process, so its `-m qwen3-coder` went unread and the commit
// passed `deny: ["qwen/*"]` as the settings' model. The fake agents here set their marker for their
// children only, as the real ones do (codex-rs exports CODEX_THREAD_ID to the shells it spawns,
// Gemini CLI spawns its shell with GEMINI_CLI=1): the process that set it is the agent.
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hooked, homeWith } from '../helpers/agent-home.js';
import { runAgent as run } from '../helpers/fake-agent.js';
import { tempDir } from '../helpers/gitdir.js';
import { hookEnv } from '../helpers/hooks.js';

const DENY = 'policy:\n  deny: ["qwen/*"]\n';
const OPEN = 'policy: {}\n';
const codexHome = () => homeWith({ '.codex/config.toml': 'model = "gpt-5"\n' });
const geminiHome = () => homeWith({ '.gemini/settings.json': '{"model": {"name": "gemini-2.5-pro"}}' });

/** A node script that commits with `marker` set for git only (none when null): `MESSAGE` is the message. */
function nodeAgent(path: string, marker: Record<string, string> | null): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(
    path,
    `const { spawnSync } = require('node:child_process');\n` +
      `const run = spawnSync('git', ['commit', '-q', '-F', '-'], { input: process.env.MESSAGE, env: { ...process.env, ...${JSON.stringify(marker ?? {})} }, stdio: ['pipe', 'inherit', 'inherit'] });\n` +
      `process.exit(run.status ?? 1);\n`,
  );
  return path;
}

describe('a copy of the agent under another name (row 373)', () => {
  // A native program (a few lines of C, as codex's binary would: CODEX_THREAD_ID set for the shell it runs), copied as `cx`.
  const dir = tempDir('aitrail-copy-');
  writeFileSync(
    join(dir, 'codex.c'),
    '#include <stdlib.h>\nint main(void) { setenv("CODEX_THREAD_ID", "019a6e2c-5d1b-7c30-9f4e-2b8d1a0c7e51", 1); int s = system("printf %s \\"$MESSAGE\\" | git commit -q -F -"); return s == 0 ? 0 : 1; }\n',
  );
  const built = spawnSync('cc', ['-o', join(dir, 'codex'), join(dir, 'codex.c')], { encoding: 'utf8' }).status === 0;
  const cx = join(dir, 'cx');
  if (built) {
    copyFileSync(join(dir, 'codex'), cx);
    chmodSync(cx, 0o755);
  }

  it.skipIf(!built)('`cp codex ~/bin/cx; cx -m qwen3-coder`: the process that set CODEX_THREAD_ID is read with codex\'s flags (no C compiler: skipped)', () => {
    const env = hookEnv({ HOME: codexHome(), CODEX_HOME: undefined });
    const refused = run(hooked(DENY), cx, ['-m', 'qwen3-coder'], env);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via codex\) is denied/);

    const recorded = run(hooked(OPEN), cx, ['--model=qwen3-coder'], env);
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: codex:openai/gpt-5\nAssisted-by: codex:qwen/qwen3-coder\n');

    // No flag: the settings' model alone, as before.
    const plain = run(hooked(DENY), cx, [], env);
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.message).toBe('feat: parser\n\nAssisted-by: codex:openai/gpt-5\n');
  });

  it('a bundle copied out of its package (`cp -r …/@google/gemini-cli /tmp/g; node /tmp/g/dist/index.js -m …`)', () => {
    const script = nodeAgent(join(tempDir('aitrail-bundle-'), 'g', 'dist', 'index.js'), { GEMINI_CLI: '1' });
    const preload = join(tempDir('aitrail-preload-'), 'preload.cjs');
    writeFileSync(preload, '\n');
    const env = hookEnv({ HOME: geminiHome() });
    const refused = run(hooked(DENY), process.execPath, [script, '-m', 'qwen3-coder', '-y'], env);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via gemini-cli\) is denied/);

    // node's own option and its value before the script.
    const preloaded = run(hooked(DENY), process.execPath, ['-r', preload, script, '--model', 'qwen3-coder'], env);
    expect(preloaded.status).not.toBe(0);
    expect(preloaded.stderr).toMatch(/qwen\/qwen3-coder \(via gemini-cli\) is denied/);
  });

  it("OpenCode's binary copied as `oc` (it sets OPENCODE=1 in its own process.env, which only its children's environment shows)", () => {
    const oc = join(tempDir('aitrail-oc-'), 'oc');
    writeFileSync(
      oc,
      `#!${process.execPath}\nprocess.env.OPENCODE = '1';\nconst { spawnSync } = require('node:child_process');\n` +
        `process.exit(spawnSync('git', ['commit', '-q', '-F', '-'], { input: process.env.MESSAGE, stdio: ['pipe', 'inherit', 'inherit'] }).status ?? 1);\n`,
    );
    chmodSync(oc, 0o755);
    const env = hookEnv({ HOME: homeWith({ '.config/opencode/opencode.json': '{"model": "anthropic/claude-sonnet-4-5"}' }), XDG_CONFIG_HOME: undefined });
    const refused = run(hooked(DENY), oc, ['-m', 'openrouter/qwen/qwen3-coder'], env);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via opencode\) is denied/);
  });

  it('an unrelated `--model` does not count: no marker, or a process above the one that set it', () => {
    // `python train.py --model qwen3-coder` committing with no agent's marker: a person's commit.
    const train = nodeAgent(join(tempDir('aitrail-train-'), 'train.js'), null);
    const person = run(hooked(DENY), process.execPath, [train, '--model', 'qwen3-coder'], hookEnv({ HOME: geminiHome() }));
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('feat: parser\n');

    // `train.js --model qwen3-coder` starting a renamed Gemini CLI bundle (no flag) that sets GEMINI_CLI: the bundle set it, not train.js.
    const bundle = nodeAgent(join(tempDir('aitrail-bundle-'), 'g', 'dist', 'index.js'), { GEMINI_CLI: '1' });
    const launcher = join(tempDir('aitrail-train-'), 'train.js');
    writeFileSync(
      launcher,
      `const { spawnSync } = require('node:child_process');\n` +
        `process.exit(spawnSync(process.execPath, [${JSON.stringify(bundle)}], { stdio: 'inherit' }).status ?? 1);\n`,
    );
    const above = run(hooked(DENY), process.execPath, [launcher, '--model', 'qwen3-coder'], hookEnv({ HOME: geminiHome() }));
    expect(above.status, above.stderr).toBe(0);
    expect(above.message).toBe('feat: parser\n\nAssisted-by: gemini-cli:google/gemini-2.5-pro\n');
  });
});
