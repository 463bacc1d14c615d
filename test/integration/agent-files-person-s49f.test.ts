// Session 49 task f, careless truth beside rows 909..912: a person's commit on a machine where agents left
// their files (Factory Droid's `~/.factory/settings.json`, Continue's `~/.continue/config.yaml`, Qwen Code's
// `~/.qwen/.env` and a committed `.qwen/.env`, aider's `~/.aider.model.settings.yml` with a local `api_base`, Claude
// Code's settings) and a Claude Platform on AWS profile with an odd region, but no agent's marker, names no AI and
// passes `unknownModel: deny`. Committed through init's installed hooks.
import { describe, expect, it } from 'vitest';
import { stagedInHome } from '../helpers/agent-home.js';
import { tryGit } from '../helpers/enforce-repos.js';

const FILES = {
  '.factory/settings.json': JSON.stringify({ model: 'claude-sonnet-4-5-20250929', reasoningEffort: 'medium' }),
  '.continue/config.yaml': 'name: Local Assistant\nversion: 1.0.0\nschema: v1\nmodels:\n  - name: Qwen\n    provider: ollama\n    model: qwen3-coder\n    roles: [chat, edit, apply]\n',
  '.qwen/.env': 'OPENAI_MODEL=qwen3-coder-plus\nOPENAI_BASE_URL=http://localhost:4000/v1\n',
  '.aider.model.settings.yml': '- name: aider/extra_params\n  extra_params:\n    api_base: http://localhost:4000\n',
  '.aider.conf.yml': 'model: gpt-4o\n',
  '.claude/settings.json': JSON.stringify({ model: 'opus' }),
};
/** No marker of any agent's, as a person's terminal has (the runner's own cleared). */
const PERSON = { CLAUDECODE: '', CLAUDE_CODE_ENTRYPOINT: '', AI_AGENT: '', AGENT: '', CLAUDE_CODE_USE_ANTHROPIC_AWS: '1', AWS_REGION: 'localhost:4000/x' };

describe("a person's commit beside agents' files (session 49 task f)", () => {
  it('names no AI and passes unknownModel: deny', () => {
    const { repo, env } = stagedInHome(FILES, PERSON, 'policy:\n  deny: ["qwen/*"]\n  unknownModel: deny\n');
    repo.write('.qwen/.env', 'OPENAI_MODEL=qwen3-coder-plus\n');
    expect(tryGit(repo.dir, ['add', '-A'], { env }).code).toBe(0);
    const result = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: by hand'], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).not.toMatch(/Assisted-by|Co-authored-by/i);
  });
});
