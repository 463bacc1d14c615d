// Red team (hostile repository): settings files an agent's commit reads from the work tree, made
// to cost the commit hooks time. Each test failed before its fix.
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { treeCpuClock } from '../helpers/cpu-clock.js';
import { agentCommit as commit, hooked, homeWith, writeFile } from '../helpers/agent-home.js';

const WARN = 'policy:\n  unknownModel: warn\n';

/** A home directory of the test's own: nothing of the machine's agents' settings leaks in. */
function home(): NodeJS.ProcessEnv {
  return { HOME: homeWith(), XDG_CONFIG_HOME: undefined, XDG_DATA_HOME: undefined, XDG_STATE_HOME: undefined, OPENCODE_CONFIG: undefined, OPENCODE_CONFIG_CONTENT: undefined, OPENCODE_CONFIG_DIR: undefined };
}

/** The agent's commit with `env` recorded `trailers` (exit 0) in under `limit` ms, the hooks' time. */
function commitsWithin(repo: Parameters<typeof commit>[0], env: NodeJS.ProcessEnv, trailers: string, limit: number): void {
  const started = treeCpuClock();
  const result = commit(repo, { ...home(), ...env });
  const took = treeCpuClock() - started;
  expect(result.status, result.stderr).toBe(0);
  expect(result.message).toBe(`feat: parser\n\n${trailers}`);
  expect(took).toBeLessThan(limit);
}

/** A megabyte of JSON nested half a million deep, naming `model` when given. */
const deep = (model?: string) => `{${model ? `"model": "${model}", ` : ''}"a": ${'['.repeat(500_000)}${']'.repeat(500_000)}}`;

describe('settings files nested without bound', () => {
  it("a Kilo CLI commit reading eight committed kilo/opencode files of a megabyte of `[` each takes bounded time (it took 6 s); a deep file's top-level model is read (row 758: what lies past 64 levels is read as 0)", () => {
    const files: Record<string, string> = {};
    for (const name of ['opencode.json', 'opencode.jsonc', 'kilo.json', 'kilo.jsonc']) files[join('.kilo', name)] = files[name] = deep();
    // Kilo's lowest file of the work tree: the seven above it are read first.
    files['kilo.jsonc'] = deep('openrouter/qwen/qwen3-coder');
    const repo = hooked(WARN, files);
    commitsWithin(repo, { KILO: '1', OPENCODE: '1' }, 'Assisted-by: kilo-code:qwen/qwen3-coder\n', 8_000);
  }, 120_000);
});

describe("OpenCode's agent files with a frontmatter of a megabyte", () => {
  it('an OpenCode commit reading 64 committed .opencode/agents/*.md (links to one file of 100 000 YAML keys) takes bounded time (it took 17 s): only its `model:` line is read', () => {
    const repo = hooked(WARN);
    const agents = join(repo.dir, '.opencode', 'agents');
    writeFile(join(agents, 'a0.md'), `---\nmodel: openrouter/qwen/qwen3-coder\n${Array.from({ length: 100_000 }, (_, i) => `k${i}: v`).join('\n')}\n---\nYou review code.\n`);
    for (let i = 1; i < 64; i += 1) symlinkSync('a0.md', join(agents, `a${i}.md`));
    // A frontmatter of a real agent's size is read.
    writeFile(join(repo.dir, '.opencode', 'agent', 'review.md'), '---\ndescription: Reviews code\nmode: subagent\nmodel: anthropic/claude-sonnet-4-5\n---\nYou review code.\n');
    repo.git(['add', '.opencode']);
    repo.git(['commit', '-q', '-m', 'chore: agents'], { env: { AITRAIL: '0' } });
    commitsWithin(repo, { OPENCODE: '1' }, 'Assisted-by: opencode:anthropic/claude-sonnet-4.5\nAssisted-by: opencode:qwen/qwen3-coder\n', 12_000);
  }, 120_000);
});

describe('variable references with no end', () => {
  it("a Gemini CLI commit reading a committed .gemini/settings.json whose model is 75 000 `${` (no `}`) takes bounded time (it took 25 s; a megabyte, minutes)", () => {
    const repo = hooked(WARN, { '.gemini/settings.json': JSON.stringify({ model: { name: '${'.repeat(75_000) } }) });
    commitsWithin(repo, { GEMINI_CLI: '1' }, 'Assisted-by: gemini-cli:unknown\n', 8_000);
  }, 120_000);

  it('a reference that names a model is still resolved, once however often it is repeated', () => {
    const repo = hooked(WARN, { '.qwen/settings.json': JSON.stringify({ model: { name: '${TEAM_MODEL}' } }) });
    const result = commit(repo, { ...home(), QWEN_CODE: '1', TEAM_MODEL: 'openrouter/qwen/qwen3-coder', OPENAI_MODEL: undefined, QWEN_MODEL: undefined });
    expect(result.status, result.stderr).toBe(0);
    expect(result.message).toBe('feat: parser\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n');
  });
});
