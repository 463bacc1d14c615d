// Rows 909 and 910: `AI_AGENT` values agents really set that named no agent. Claude Code sets
// `AI_AGENT=claude-code_<version, dashes>_agent` for its Bash tool's commands (env dumps of live
// sessions: `claude-code_2-1-263_agent`, `claude-code_2-1-220_agent`; microsoft/vscode PR #327433:
// "the bundled Claude CLI overwrites AI_AGENT with claude-code_<version>_agent"), and some builds set
// it without `CLAUDECODE=1` (a detector's note: "Older builds only set AI_AGENT=claude-code_…").
// Pulumi's agent Neo (`pulumi neo`) sets `AI_AGENT=neo` on every command its shell tool runs,
// replacing any inherited value (pulumi/pulumi PR #23251, `childEnvWithAgent`). Both commits were
// recorded as a person's and passed any deny. Replayed through init's real hooks.
import { describe, expect, it } from 'vitest';
import { stagedInHome } from '../helpers/agent-home.js';
import { tryGit } from '../helpers/enforce-repos.js';
import type { TestRepo } from '../helpers/gitdir.js';

/** Claude Code's user settings as `/model` writes them. */
const CLAUDE_SETTINGS = { '.claude/settings.json': JSON.stringify({ model: 'claude-sonnet-4-5' }) };
/** No marker of the runner's own: only what each case sets. */
const CLEAN = { CLAUDECODE: '', CLAUDE_CODE_ENTRYPOINT: '', ANTHROPIC_MODEL: '', CLAUDE_CODE_MODEL: '', ANTHROPIC_BASE_URL: '', CLAUDE_CONFIG_DIR: '', AI_AGENT: '', AGENT: '' };

const trailer = (repo: TestRepo) => repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)']).trim();

describe("Claude Code's AI_AGENT=claude-code_<version>_agent (row 909)", () => {
  it("is Claude Code with its settings' model, and a deny of that model refuses the commit", () => {
    const { repo, env } = stagedInHome(CLAUDE_SETTINGS, CLEAN, 'policy:\n  deny: ["anthropic/claude-sonnet-*"]\n');
    const head = repo.git(['rev-parse', 'HEAD']);
    const result = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: a'], { env: { ...env, AI_AGENT: 'claude-code_2-1-263_agent' } });
    expect(result.code, result.stderr).not.toBe(0);
    expect(result.stderr).toContain('anthropic/claude-sonnet-4.5 (via claude-code) is denied');
    expect(result.stderr).toContain('env AI_AGENT="claude-code_2-1-263_agent"');
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
  });

  it('reads ANTHROPIC_MODEL as the CLAUDECODE marker does, and records it', () => {
    const { repo, env } = stagedInHome(CLAUDE_SETTINGS, CLEAN);
    const result = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: a'], { env: { ...env, AI_AGENT: 'claude-code_2-1-220_agent', ANTHROPIC_MODEL: 'claude-opus-4-5' } });
    expect(result.code, result.stderr).toBe(0);
    expect(trailer(repo)).toBe('claude-code:anthropic/claude-opus-4.5');
  });

  it('beside CLAUDECODE=1 it is one attribution, not two', () => {
    const { repo, env } = stagedInHome(CLAUDE_SETTINGS, CLEAN);
    const result = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: a'], { env: { ...env, AI_AGENT: 'claude-code_2-1-263_agent', CLAUDECODE: '1' } });
    expect(result.code, result.stderr).toBe(0);
    expect(trailer(repo)).toBe('claude-code:anthropic/claude-sonnet-4.5');
  });

  it("careless truth: a person's commit with Claude Code's settings in the home, and look-alike values, name no AI", () => {
    const { repo, env } = stagedInHome(CLAUDE_SETTINGS, CLEAN);
    for (const [at, value] of ['', 'claude-code_notes', 'claude-code__agent', 'my-claude-code_2-1_agent'].entries()) {
      repo.write(`b${at}.txt`, `${at}\n`);
      expect(tryGit(repo.dir, ['add', '-A'], { env }).code).toBe(0);
      const result = tryGit(repo.dir, ['commit', '-q', '-m', `feat: by hand ${at}`], { env: { ...env, AI_AGENT: value } });
      expect(result.code, result.stderr).toBe(0);
      expect(repo.git(['log', '-1', '--format=%B']), value).not.toMatch(/Assisted-by/);
    }
  });
});

describe("Pulumi Neo's AI_AGENT=neo (row 910)", () => {
  it('is recorded as Pulumi Neo with an unknown model, and unknownModel: deny refuses it', () => {
    const { repo, env } = stagedInHome(CLAUDE_SETTINGS, CLEAN);
    const recorded = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: a'], { env: { ...env, AI_AGENT: 'neo' } });
    expect(recorded.code, recorded.stderr).toBe(0);
    expect(trailer(repo)).toBe('pulumi-neo:unknown');

    repo.write('.aitrailrc.yml', 'policy:\n  unknownModel: deny\n');
    expect(tryGit(repo.dir, ['add', '-A'], { env }).code).toBe(0);
    const head = repo.git(['rev-parse', 'HEAD']);
    const refused = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: b'], { env: { ...env, AI_AGENT: 'neo' } });
    expect(refused.code, refused.stderr).not.toBe(0);
    expect(refused.stderr).toContain('pulumi-neo');
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
  });

  it("launched from inside Claude Code (CLAUDECODE=1 inherited, AI_AGENT replaced by Neo's) both are recorded, Claude Code's settings read for Claude Code only", () => {
    const { repo, env } = stagedInHome(CLAUDE_SETTINGS, CLEAN);
    const result = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: a'], { env: { ...env, AI_AGENT: 'neo', CLAUDECODE: '1' } });
    expect(result.code, result.stderr).toBe(0);
    expect(trailer(repo).split('\n').sort()).toEqual(['claude-code:anthropic/claude-sonnet-4.5', 'pulumi-neo:unknown']);
  });
});
