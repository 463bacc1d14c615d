// Review of 787 (s46v): past an agents folder's YAML budget (64 x 32 KiB of frontmatter parsed),
// or past one frontmatter's 32 KiB, a file was read by its `model:` lines as written; a model the
// agent reads as YAML in another form (`model: >-`, `"model":`, a flow map, a `<<` merge, the value
// on the next line) was hidden from those lines, and the commit passed under `deny: ["qwen/*"]`.
// Now such a file, past the bound, is unread: the commit is refused whatever the policy.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit as commit, hooked, homeWith } from '../helpers/agent-home.js';

const DENIED = 'policy:\n  deny: ["qwen/*"]\n';

function gemini(files: Record<string, string>): NodeJS.ProcessEnv {
  const dir = homeWith({ '.gemini/settings.json': '{"model": {"name": "gemini-2.5-flash"}}', ...files });
  return { HOME: dir, GEMINI_MODEL: undefined, GEMINI_CLI_SYSTEM_SETTINGS_PATH: join(dir, 'no-system.json'), GEMINI_CLI_SYSTEM_DEFAULTS_PATH: join(dir, 'no-defaults.json'), GEMINI_CLI_TRUSTED_FOLDERS_PATH: undefined, GEMINI_CLI: '1' };
}
function opencode(files: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { HOME: homeWith(files), XDG_CONFIG_HOME: undefined, OPENCODE_CONFIG: undefined, OPENCODE_CONFIG_CONTENT: undefined, OPENCODE_CONFIG_DIR: undefined, OPENCODE: '1' };
}

const file = (yaml: string) => `---\n${yaml}\n---\n\nYou write code.\n`;
/** YAML keys naming `model` (so a frontmatter holding them is parsed), `length` characters. */
const keysOf = (length: number) => Array.from({ length: 4000 }, (_, i) => `k${i}: model`).join('\n').slice(0, length).replace(/\n[^\n]*$/, (end) => `\n#${'x'.repeat(end.length - 2)}`);
/** A decoy's frontmatter of exactly 32 KiB: 64 of them spend the folder's whole YAML budget. */
const decoy = (head: string) => `${head}\n${keysOf(32 * 1024 - head.length - 1)}`;
/** YAML forms Gemini CLI (js-yaml) reads as `model: qwen3-coder-plus` that no `model:` line names. */
const HIDDEN = [
  'name: z\ndescription: coder\nmodel: >-\n  qwen3-coder-plus',
  'name: z\ndescription: coder\nmodel:\n  qwen3-coder-plus',
  'name: z\ndescription: coder\n"model": qwen3-coder-plus',
  '{name: z, description: coder, model: qwen3-coder-plus}',
  'name: z\ndescription: coder\n<<: {model: qwen3-coder-plus}',
  'name: z\ndescription: |\n  model: inherit\n"model": qwen3-coder-plus',
];

describe("an agent file's model in a YAML form no `model:` line shows, past the YAML bounds", () => {
  it("past the folder's YAML budget (70 frontmatters of 32 KiB first): refused", () => {
    for (const yaml of [HIDDEN[0]!, HIDDEN[4]!]) {
      const files = Object.fromEntries([
        ...Array.from({ length: 70 }, (_, i) => [`.gemini/agents/a${String(i).padStart(2, '0')}.md`, file(decoy(`name: a${String(i).padStart(2, '0')}\ndescription: decoy\nmodel: inherit`))]),
        ['.gemini/agents/z.md', file(yaml)],
      ]);
      const result = commit(hooked(DENIED), gemini(files));
      expect(result.status, `${yaml}: ${result.message}`).not.toBe(0);
      expect(result.stderr).toContain('settings ~/.gemini/agents holds more agents than aitrail reads (1024 files, 64 MiB, 32 KiB of frontmatter YAML a file, 2 MiB a folder)');
    }
  });

  it('one frontmatter past 32 KiB: refused', () => {
    for (const yaml of HIDDEN) {
      // Past 32 KiB: the flow map's keys inside it, the others' after it.
      const big = yaml.startsWith('{') ? `{${keysOf(33 * 1024).replace(/\n#.*$/, '').split('\n').join(', ')}, ${yaml.slice(1)}` : `${yaml}\n${keysOf(33 * 1024)}`;
      const result = commit(hooked(DENIED), gemini({ '.gemini/agents/z.md': file(big) }));
      expect(result.status, `${yaml}: ${result.message}`).not.toBe(0);
    }
  });

  it("OpenCode: past the directory's YAML budget, or one frontmatter past 32 KiB: refused", () => {
    const qwen = 'description: coder\n"model": qwen/qwen3-coder';
    for (const files of [
      Object.fromEntries([
        ...Array.from({ length: 70 }, (_, i) => [`.config/opencode/agent/a${String(i).padStart(2, '0')}.md`, file(decoy(`description: decoy\nmodel: anthropic/claude-sonnet-4-5`))]),
        ['.config/opencode/agent/z.md', file(qwen)],
      ]),
      { '.config/opencode/agent/z.md': file(`${qwen}\n${keysOf(33 * 1024)}`) },
    ]) {
      const result = commit(hooked(DENIED, { 'opencode.json': '{"model": "anthropic/claude-sonnet-4-5"}' }), opencode(files));
      expect(result.status, result.message).not.toBe(0);
    }
  });
});
