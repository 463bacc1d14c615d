// Row 899: VS Code's Copilot agent marks the terminals it runs commands in with
// `AI_AGENT=github_copilot_vscode_agent` (beside `COPILOT_AGENT=1`; microsoft/vscode's launch config sets
// the same value for the Codex it runs). No agent name matched it, so a commit Copilot's agent mode ran in
// VS Code was recorded as a person's and passed `unknownModel: deny`. Copilot CLI's own settings and
// sessions are another agent's and must not name its model. Replayed through init's real hooks.
import { describe, expect, it } from 'vitest';
import { stagedInHome } from '../helpers/agent-home.js';
import { tryGit } from '../helpers/enforce-repos.js';
import type { TestRepo } from '../helpers/gitdir.js';

const VSCODE = { AI_AGENT: 'github_copilot_vscode_agent', COPILOT_AGENT: '1' };

/** A hooked repository, Copilot CLI's settings (`gpt-5`) in the home, a file staged. */
const staged = () => stagedInHome({ '.copilot/settings.json': JSON.stringify({ model: 'gpt-5' }) }, { COPILOT_HOME: '', COPILOT_CLI: '', COPILOT_MODEL: '', AI_AGENT: '', AGENT: '' });

const trailer = (repo: TestRepo) => repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)']).trim();

describe("VS Code's Copilot agent terminal (row 899)", () => {
  it('is recorded as Copilot, its model unknown (not the model Copilot CLI is set to)', () => {
    const { repo, env } = staged();
    const result = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: a'], { env: { ...env, ...VSCODE } });
    expect(result.code, result.stderr).toBe(0);
    expect(trailer(repo)).toBe('copilot:unknown');
  });

  it('unknownModel: deny refuses it', () => {
    const { repo, env } = staged();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  unknownModel: deny\n' }, { ...env, AITRAIL: '0' });
    repo.write('b.txt', 'copilot\n');
    expect(tryGit(repo.dir, ['add', '-A'], { env }).code).toBe(0);
    const head = repo.git(['rev-parse', 'HEAD']);
    const result = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: b'], { env: { ...env, ...VSCODE } });
    expect(result.code, result.stderr).not.toBe(0);
    expect(result.stderr).toContain('copilot');
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
  });

  it("Copilot CLI's own marker still reads its settings", () => {
    const { repo, env } = staged();
    const result = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: a'], { env: { ...env, COPILOT_CLI: '1' } });
    expect(result.code, result.stderr).toBe(0);
    expect(trailer(repo)).toBe('copilot:openai/gpt-5');
  });
});
