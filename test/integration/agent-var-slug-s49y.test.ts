// Row 939: `genericAgentValues`' slugs (`neo` for Pulumi Neo, `kimi` for Kimi CLI, `github_copilot_vscode_agent`
// for VS Code's Copilot terminals) are what each of those agents sets in `AI_AGENT` (pulumi/pulumi PR #23251
// `childEnvWithAgent`, MoonshotAI/kimi-cli PR #2585, microsoft/vscode); none sets `AGENT`. They were read in `AGENT`
// too, so a person whose shell or CI has `AGENT=neo` (a host's or a person's name) had an honest commit recorded as
// `pulumi-neo:unknown` and refused under `unknownModel: deny`. Replayed through init's real hooks.
import { describe, expect, it } from 'vitest';
import { stagedInHome } from '../helpers/agent-home.js';
import { tryGit } from '../helpers/enforce-repos.js';

const CLEAN = { CLAUDECODE: '', CLAUDE_CODE_ENTRYPOINT: '', ANTHROPIC_MODEL: '', CLAUDE_CODE_MODEL: '', ANTHROPIC_BASE_URL: '', CLAUDE_CONFIG_DIR: '', AI_AGENT: '', AGENT: '' };

describe('a slug of genericAgentValues read in AI_AGENT only (row 939)', () => {
  it("careless truth: a person's commit with AGENT=neo or AGENT=kimi names no AI and passes unknownModel: deny", () => {
    const { repo, env } = stagedInHome({}, CLEAN);
    repo.write('.aitrailrc.yml', 'policy:\n  unknownModel: deny\n');
    expect(tryGit(repo.dir, ['add', '-A'], { env }).code).toBe(0);
    for (const value of ['neo', 'kimi', 'github_copilot_vscode_agent']) {
      repo.write('b.txt', `${value}\n`);
      expect(tryGit(repo.dir, ['add', '-A'], { env }).code).toBe(0);
      const result = tryGit(repo.dir, ['commit', '-q', '-m', `feat: by hand ${value}`], { env: { ...env, AGENT: value } });
      expect(result.code, `${value}\n${result.stderr}`).toBe(0);
      expect(repo.git(['log', '-1', '--format=%B'])).not.toMatch(/Assisted-by/);
    }
  });

  it('AI_AGENT=neo beside a person-set AGENT=neo is still Pulumi Neo', () => {
    const { repo, env } = stagedInHome({}, CLEAN);
    const result = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: a'], { env: { ...env, AI_AGENT: 'neo', AGENT: 'neo' } });
    expect(result.code, result.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)']).trim()).toBe('pulumi-neo:unknown');
  });
});
