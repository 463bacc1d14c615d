// Row 1111: `goose run --recipe main.yaml --sub-recipe writer.yaml` (block/goose goose-cli `cli.rs` `--sub-recipe`, repeatable;
// `extract_recipe_info_from_cli`: each joins the recipe's `sub_recipes`, a file or a recipe's name found by `retrieve_recipe_file`)
// runs writer.yaml as a subagent with its own settings' model. Row 1089 read only the recipe's `sub_recipes`: a denied
// `qwen/qwen3-coder` given by `--sub-recipe` wrote the code while config.yaml's allowed model was recorded. Committed for real
// through init's hooks by an executable named `goose` on PATH.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeWith, hooked } from '../helpers/agent-home.js';
import { commitThrough } from '../helpers/agent-on-path.js';
import { GOOSE_ALLOWED as ALLOWED, GOOSE_CONFIG as CONFIG, gooseEnv } from '../helpers/goose-sessions.js';
import { tempDir } from '../helpers/gitdir.js';
import { STRICT } from '../helpers/local-gateway.js';

const RECIPE = 'version: 1.0.0\ntitle: orchestrate\ndescription: fix the parser\ninstructions: Run the sub-recipes.\n';
const SUB = (settings: string) => `version: 1.0.0\ntitle: writer\ndescription: writes code\ninstructions: Write it.\n${settings}`;

describe('goose run --sub-recipe (row 1111)', () => {
  it("row 1111: a --sub-recipe's denied model is refused; one naming no model passes", () => {
    const repo = hooked(STRICT);
    const home = homeWith({ ...CONFIG });
    const dir = tempDir('aitrail-sub-recipe-');
    writeFileSync(join(dir, 'main.yaml'), RECIPE);
    writeFileSync(join(dir, 'writer.yaml'), SUB('settings:\n  goose_provider: openrouter\n  goose_model: qwen/qwen3-coder\n'));
    writeFileSync(join(dir, 'plain.yaml'), SUB(''));
    for (const args of [['run', '--recipe', join(dir, 'main.yaml'), '--sub-recipe', join(dir, 'writer.yaml')], ['run', '--recipe', join(dir, 'main.yaml'), '--sub-recipe', join(dir, 'plain.yaml'), `--sub-recipe=${join(dir, 'writer.yaml')}`]]) {
      const result = commitThrough(repo, 'goose', args, gooseEnv(home));
      expect.soft(result.status, args.join(' ')).not.toBe(0);
      expect.soft(result.stderr, args.join(' ')).toMatch(/qwen\/qwen3-coder \(via goose\) is denied/);
      expect.soft(result.stderr, args.join(' ')).toContain('--sub-recipe recipe');
    }
    // Careless truth: a sub-recipe naming no model runs the run's own: config.yaml's allowed model alone is recorded.
    const plain = commitThrough(repo, 'goose', ['run', '--recipe', join(dir, 'main.yaml'), '--sub-recipe', join(dir, 'plain.yaml')], gooseEnv(home));
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.message).toBe(ALLOWED);
  });
});
