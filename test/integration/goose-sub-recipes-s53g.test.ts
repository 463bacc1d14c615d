// Row 1089: a goose recipe's `sub_recipes` (block/goose `recipe/mod.rs` `SubRecipe`; docs "Subrecipes"): each runs as a
// subagent with its own recipe's `settings.goose_provider`/`goose_model` (goose's blog "Subrecipes in goose": one model a task),
// its `path` absolute or from the recipe's folder (`resolve_sub_recipe_path`), often written `{{ recipe_dir }}/sub.yaml`.
// The hooks read only the main recipe's settings: a sub-recipe running `qwen3-coder` wrote the code while config.yaml's
// `goose:anthropic/claude-sonnet-4.5` was recorded and passed `deny: ["qwen/*"]`. This test failed before its fix (goose.ts
// subRecipes). Committed for real through init's hooks by an executable named `goose` on PATH running `goose run --recipe`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeWith, hooked } from '../helpers/agent-home.js';
import { agentsOnPath, commitThrough } from '../helpers/agent-on-path.js';
import { tempDir } from '../helpers/gitdir.js';
import { hookEnv } from '../helpers/hooks.js';
import { STRICT } from '../helpers/local-gateway.js';

function gooseEnv(): NodeJS.ProcessEnv {
  const env = hookEnv({ HOME: homeWith({ '.config/goose/config.yaml': 'GOOSE_PROVIDER: anthropic\nGOOSE_MODEL: claude-sonnet-4-5\n' }), XDG_CONFIG_HOME: undefined, XDG_DATA_HOME: undefined, GOOSE_PATH_ROOT: undefined, GOOSE_TERMINAL: '1', GOOSE_MODEL: undefined, GOOSE_PROVIDER: undefined, GOOSE_LEAD_PROVIDER: undefined, GOOSE_LEAD_MODEL: undefined, GOOSE_PLANNER_PROVIDER: undefined, GOOSE_PLANNER_MODEL: undefined, OLLAMA_HOST: undefined, OPENAI_HOST: undefined, ANTHROPIC_HOST: undefined });
  return { ...env, PATH: `${agentsOnPath([{ name: 'goose' }])}:${env.PATH ?? ''}` };
}

const RECIPE = (extra: string) => `version: 1.0.0\ntitle: orchestrate\ndescription: fix the parser\ninstructions: Run the sub-recipes on {{ file }}.\nparameters:\n  - key: file\n    input_type: string\n    requirement: required\n    description: the file\n${extra}`;
const SUB = (settings: string) => `version: 1.0.0\ntitle: writer\ndescription: writes code\ninstructions: Write {{ file }}.\n${settings}`;

/** A folder holding the main recipe `main.yaml` and each sub-recipe file; the main recipe's path. */
function recipes(main: string, subs: Record<string, string>): string {
  const dir = tempDir('aitrail-recipes-');
  for (const [name, text] of Object.entries(subs)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  writeFileSync(join(dir, 'main.yaml'), main);
  return join(dir, 'main.yaml');
}

describe("goose's sub-recipes (row 1089)", () => {
  it("a sub-recipe's denied model, by {{ recipe_dir }}, a relative or absolute path, is refused; a templated path is unknown", () => {
    const repo = hooked(STRICT);
    const denied = SUB('settings:\n  goose_provider: openrouter\n  goose_model: qwen/qwen3-coder\n');
    for (const path of ['"{{ recipe_dir }}/sub/writer.yaml"', 'sub/writer.yaml', '"{{recipe_dir}}/sub/writer.yaml"']) {
      const main = recipes(RECIPE(`sub_recipes:\n  - name: writer\n    path: ${path}\n    values:\n      file: "{{ file }}"\n`), { 'sub/writer.yaml': denied });
      const result = commitThrough(repo, 'goose', ['run', '--recipe', main, '--params', 'file=a.ts'], gooseEnv());
      expect.soft(result.status, path).not.toBe(0);
      expect.soft(result.stderr, path).toMatch(/qwen\/qwen3-coder \(via goose\) is denied/);
      expect.soft(result.stderr, path).toContain('writer.yaml settings.goose_model');
    }
    const absolute = recipes(SUB('settings:\n  goose_model: qwen/qwen3-coder\n'), {});
    const main = recipes(RECIPE(`settings:\n  goose_provider: anthropic\n  goose_model: claude-sonnet-4-5\nsub_recipes:\n  - name: ok\n    path: ok.yaml\n  - name: writer\n    path: ${absolute}\n`), { 'ok.yaml': SUB('') });
    const both = commitThrough(repo, 'goose', ['run', '--recipe', main], gooseEnv());
    expect(both.status, both.stderr).not.toBe(0);
    expect(both.stderr).toMatch(/qwen\/qwen3-coder \(via goose\) is denied/);

    const templated = recipes(RECIPE('sub_recipes:\n  - name: writer\n    path: "{{ where }}/writer.yaml"\n'), {});
    const unknown = commitThrough(repo, 'goose', ['run', '--recipe', templated, '--params', 'where=/tmp'], gooseEnv());
    expect(unknown.status, unknown.stderr).not.toBe(0);
    expect(unknown.stderr).toContain("sub_recipes 0 path (a template goose renders with the run's --params");
  });

  it('careless truth: sub-recipes with no settings, an allowed model, or a missing file pass; the allowed one is recorded beside', () => {
    const repo = hooked(STRICT);
    const plain = recipes(RECIPE('sub_recipes:\n  - name: a\n    path: "{{ recipe_dir }}/a.yaml"\n  - name: gone\n    path: gone.yaml\n'), { 'a.yaml': SUB('') });
    const none = commitThrough(repo, 'goose', ['run', '--recipe', plain, '--params', 'file=a.ts'], gooseEnv());
    expect(none.status, none.stderr).toBe(0);
    expect(none.message).toBe('feat: parser\n\nAssisted-by: goose:anthropic/claude-sonnet-4.5\n');

    const hosted = recipes(RECIPE('sub_recipes:\n  - name: a\n    path: a.yaml\n'), { 'a.yaml': SUB('settings:\n  goose_provider: openai\n  goose_model: gpt-4o\n') });
    const beside = commitThrough(repo, 'goose', ['run', '--recipe', hosted, '--params', 'file=a.ts'], gooseEnv());
    expect(beside.status, beside.stderr).toBe(0);
    expect(beside.message).toBe('feat: parser\n\nAssisted-by: goose:anthropic/claude-sonnet-4.5\nAssisted-by: goose:openai/gpt-4o\n');
  });
});
