// Row 1071: a goose recipe is read to its first MAX_RECIPE_BYTES (1 MiB) bytes, and a longer one is `unknown`; the bound was
// told by the decoded text's length (UTF-16 units), so a recipe padded with CJK text (3 bytes a character) past 1 MiB read
// fewer than 1 Mi characters: its `settings.goose_model` past the cut went unread and config.yaml's model was recorded,
// past `deny: ["qwen/*"]`; and the text was searched for `goose_model` before the bound was looked at, so ASCII padding
// past 1 MiB hid it too. This test failed before its fix (goose.ts recipeSettings: Buffer.byteLength). Committed for real
// through init's hooks by an executable named `goose` on PATH.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeWith, hooked } from '../helpers/agent-home.js';
import { agentsOnPath, commitThrough } from '../helpers/agent-on-path.js';
import { tempDir } from '../helpers/gitdir.js';
import { hookEnv } from '../helpers/hooks.js';
import { STRICT } from '../helpers/local-gateway.js';

function gooseEnv(): NodeJS.ProcessEnv {
  const env = hookEnv({ HOME: homeWith({ '.config/goose/config.yaml': 'GOOSE_PROVIDER: anthropic\nGOOSE_MODEL: claude-sonnet-4-5\n' }), XDG_CONFIG_HOME: undefined, GOOSE_TERMINAL: '1', GOOSE_MODEL: undefined, GOOSE_PROVIDER: undefined, GOOSE_LEAD_PROVIDER: undefined, GOOSE_LEAD_MODEL: undefined, GOOSE_PLANNER_PROVIDER: undefined, GOOSE_PLANNER_MODEL: undefined, OLLAMA_HOST: undefined, OPENAI_HOST: undefined, ANTHROPIC_HOST: undefined });
  return { ...env, PATH: `${agentsOnPath([{ name: 'goose' }])}:${env.PATH ?? ''}` };
}

describe('a goose recipe past its bound in bytes (row 1071)', () => {
  it('a recipe padded with multi-byte text past 1 MiB, its model after the padding: unknown, refused', () => {
    const repo = hooked(STRICT);
    const path = join(tempDir('aitrail-recipe-'), 'r.yaml');
    // 400,000 CJK characters: 1.2 MB of UTF-8, fewer than 1 Mi UTF-16 units.
    writeFileSync(path, `version: 1.0.0\ntitle: fix\ndescription: "${'文'.repeat(400_000)}"\ninstructions: Fix it.\nsettings:\n  goose_model: qwen3-coder\n`);
    const result = commitThrough(repo, 'goose', ['run', '--recipe', path], gooseEnv());
    expect(result.status, result.stderr).not.toBe(0);
    expect(result.stderr).toContain('past 1048576 bytes');
    // ASCII padding too: the text was searched for `goose_model` before the bound was looked at, and had none.
    writeFileSync(path, `version: 1.0.0\ntitle: fix\ndescription: "${'x'.repeat(1_100_000)}"\ninstructions: Fix it.\nsettings:\n  goose_model: qwen3-coder\n`);
    const ascii = commitThrough(repo, 'goose', ['run', '--recipe', path], gooseEnv());
    expect(ascii.status, ascii.stderr).not.toBe(0);
    expect(ascii.stderr).toContain('past 1048576 bytes');
  });
});
