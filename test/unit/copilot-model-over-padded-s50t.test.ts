// Row 976: a Copilot CLI settings file past the 1 MiB bound hides only a file's model (or the trust a repository's
// settings need), and Copilot CLI runs its `--model` over every file's: the run's `--model` is read in its place.
import { describe, expect, it } from 'vitest';
import { readAgentSettings } from '../../src/agent-settings/read-agent-settings.js';
import { argvPlace } from '../helpers/argv-place.js';

const PADDED = `{"model": "qwen/qwen3-coder", "pad": "${' '.repeat(1024 * 1024 + 16)}"}`;

describe("Copilot CLI's --model over a padded settings.json (row 976)", () => {
  it('the run’s --model is recorded; without one, unknown', async () => {
    const files = { 'home/.copilot/settings.json': PADDED };
    const run = argvPlace(files, { COPILOT_CLI: '1' }, [['copilot', '--model', 'claude-sonnet-4.5']]);
    expect((await readAgentSettings(['copilot'], run)).copilot).toMatchObject({ model: 'claude-sonnet-4.5' });
    const bare = argvPlace(files, { COPILOT_CLI: '1' }, [['copilot']]);
    expect((await readAgentSettings(['copilot'], bare)).copilot).toMatchObject({ model: 'unknown', evidence: expect.stringMatching(/settings\.json \(over 1 MiB, not read/) });
  });
});
