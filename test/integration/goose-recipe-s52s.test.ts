// Row 1059: goose takes a run's provider and model from a recipe's `settings` (`goose run --recipe r.yaml`: block/goose
// `crates/goose-cli/src/session/builder.rs` `build_session`: the command line's `--provider`/`--model`, then a resumed
// session's, then the recipe's `settings.goose_provider`/`goose_model`, then `GOOSE_PROVIDER`/`GOOSE_MODEL` and config.yaml).
// A recipe is a file's path or a name goose looks up in its recipe folders. The hooks never read the recipe: `settings: {goose_provider: ollama, goose_model: gpt-4o}` (a box on this machine) or
// `goose_model: qwen3-coder` was recorded as config.yaml's `goose:anthropic/claude-sonnet-4-5` and passed `deny: ["qwen/*"]`
// + `unknownModel: deny`. This test failed before its fix (command-line.ts commandLineModel `recipe`, goose.ts
// recipeSettings). Committed for real through init's hooks by an executable named `goose` on PATH.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeWith, hooked } from '../helpers/agent-home.js';
import { agentsOnPath, commitThrough } from '../helpers/agent-on-path.js';
import { tempDir } from '../helpers/gitdir.js';
import { hookEnv } from '../helpers/hooks.js';
import { expectGatewayRefused, STRICT } from '../helpers/local-gateway.js';

function gooseEnv(): NodeJS.ProcessEnv {
  const env = hookEnv({ HOME: homeWith({ '.config/goose/config.yaml': 'GOOSE_PROVIDER: anthropic\nGOOSE_MODEL: claude-sonnet-4-5\n' }), XDG_CONFIG_HOME: undefined, GOOSE_TERMINAL: '1', GOOSE_MODEL: undefined, GOOSE_PROVIDER: undefined, GOOSE_LEAD_PROVIDER: undefined, GOOSE_LEAD_MODEL: undefined, GOOSE_PLANNER_PROVIDER: undefined, GOOSE_PLANNER_MODEL: undefined, OLLAMA_HOST: undefined, OPENAI_HOST: undefined, ANTHROPIC_HOST: undefined });
  return { ...env, PATH: `${agentsOnPath([{ name: 'goose' }])}:${env.PATH ?? ''}` };
}

/** A recipe file (absolute path) holding `text`. */
function recipe(text: string): string {
  const path = join(tempDir('aitrail-recipe-'), 'r.yaml');
  writeFileSync(path, text);
  return path;
}

const RECIPE = (settings: string) => `version: 1.0.0\ntitle: fix\ndescription: fix the parser\ninstructions: Fix {{ file }}.\nparameters:\n  - key: file\n    input_type: string\n    requirement: required\n    description: the file\n${settings}`;

describe("goose's recipe settings (row 1059)", () => {
  it('a recipe naming a provider on this machine, or a denied model, or a templated setting: refused', () => {
    const repo = hooked(STRICT);
    const local = recipe(RECIPE('settings:\n  goose_provider: ollama\n  goose_model: gpt-4o\n'));
    expectGatewayRefused(commitThrough(repo, 'goose', ['run', '--recipe', local, '--params', 'file=a.ts'], gooseEnv()), 'recipe goose_provider: ollama');

    const json = recipe(JSON.stringify({ version: '1.0.0', title: 'fix', description: 'x', instructions: 'x', settings: { goose_provider: 'ollama', goose_model: 'gpt-4o' } }));
    expectGatewayRefused(commitThrough(repo, 'goose', ['run', `--recipe=${json}`], gooseEnv()), 'JSON recipe');

    const qwen = recipe(RECIPE('settings:\n  goose_model: qwen3-coder\n'));
    for (const args of [['run', '--recipe', qwen], ['run', '--recipe', 'r.yaml']]) {
      if (args[2] === 'r.yaml') writeFileSync(join(repo.dir, 'r.yaml'), RECIPE('settings:\n  goose_model: qwen3-coder\n'));
      const result = commitThrough(repo, 'goose', args, gooseEnv());
      expect.soft(result.status, args.join(' ')).not.toBe(0);
      expect.soft(result.stderr, args.join(' ')).toMatch(/qwen\/qwen3-coder \(via goose\) is denied/);
    }

    // A recipe's name, looked up as goose does: `<name>.yaml` in its working directory, or `.json` in `GOOSE_RECIPE_PATH`.
    writeFileSync(join(repo.dir, 'evil.yaml'), RECIPE('settings:\n  goose_model: qwen3-coder\n'));
    const named = commitThrough(repo, 'goose', ['run', '--recipe', 'evil'], gooseEnv());
    expect.soft(named.stderr, '--recipe evil').toMatch(/qwen\/qwen3-coder \(via goose\) is denied/);
    const folder = tempDir('aitrail-recipes-');
    writeFileSync(join(folder, 'local.json'), JSON.stringify({ version: '1.0.0', title: 'x', description: 'x', instructions: 'x', settings: { goose_provider: 'ollama', goose_model: 'gpt-4o' } }));
    expectGatewayRefused(commitThrough(repo, 'goose', ['run', '--recipe', 'local'], { ...gooseEnv(), GOOSE_RECIPE_PATH: folder }), '--recipe local in GOOSE_RECIPE_PATH');

    // A setting, a key or the settings written as a template goose renders with the run's --params: goose:unknown.
    for (const settings of ['settings:\n  goose_model: "{{ model }}"\n', 'settings:\n  goose_{{ "model" }}: qwen3-coder\n', 'settings:\n  goose_model: {% if true %}qwen3-coder{% endif %}\n', 'settings:\n{% if true %}\n  goose_model: qwen3-coder\n{% endif %}\n', '{{ "settings" }}:\n  goose_model: qwen3-coder\n']) {
      const unknown = commitThrough(repo, 'goose', ['run', '--recipe', recipe(RECIPE(settings)), '--params', 'model=qwen3-coder'], gooseEnv());
      expect.soft(unknown.status, settings).not.toBe(0);
      expect.soft(unknown.stderr, settings).toContain('a template goose renders');
    }
  });

  it("careless truth: a recipe with no settings, the command line's provider over the recipe's, and a hosted recipe model pass", () => {
    const repo = hooked(STRICT);
    // Templates in the prompt only (`{{ file }}`, a `{% if %}` in a block scalar) beside no settings, or beside a hosted model.
    for (const extra of ['', 'prompt: |\n  {% if file %}Fix {{ file }}.{% endif %}\n']) {
      const plain = commitThrough(repo, 'goose', ['run', '--recipe', recipe(RECIPE(extra)), '--params', 'file=a.ts'], gooseEnv());
      expect(plain.status, plain.stderr).toBe(0);
      expect(plain.message).toBe('feat: parser\n\nAssisted-by: goose:anthropic/claude-sonnet-4.5\n');
    }
    const withPrompt = commitThrough(repo, 'goose', ['run', '--recipe', recipe(RECIPE('prompt: |\n  {% if file %}Fix {{ file }}.{% endif %}\nsettings:\n  goose_provider: openai\n  goose_model: gpt-4o\n'))], gooseEnv());
    expect(withPrompt.status, withPrompt.stderr).toBe(0);
    expect(withPrompt.message).toBe('feat: parser\n\nAssisted-by: goose:openai/gpt-4o\n');

    const over = commitThrough(repo, 'goose', ['run', '--provider', 'anthropic', '--model', 'claude-sonnet-4-5', '--recipe', recipe(RECIPE('settings:\n  goose_provider: ollama\n  goose_model: gpt-4o\n'))], gooseEnv());
    expect(over.status, over.stderr).toBe(0);
    expect(over.message).toBe('feat: parser\n\nAssisted-by: goose:anthropic/claude-sonnet-4.5\n');

    const hosted = commitThrough(repo, 'goose', ['run', '--recipe', recipe(RECIPE('settings:\n  goose_provider: openai\n  goose_model: gpt-4o\n  temperature: 0.2\n'))], gooseEnv());
    expect(hosted.status, hosted.stderr).toBe(0);
    expect(hosted.message).toBe('feat: parser\n\nAssisted-by: goose:openai/gpt-4o\n');
  });
});
