// Row 897: the generic agent variable as agents really write it. Kimi CLI's own slug is
// `AI_AGENT=kimi` (MoonshotAI/kimi-cli PR #2585), which named no agent (`kimi` alone is Moonshot's
// model word), and the AI_AGENT convention's versioned form (`cursor-cli@1.2`, vercel/detect-agent's
// `devin@1`) named none either: both commits were recorded as a person's and passed any deny.
// Replayed through init's real hooks with Kimi CLI's config.toml in the home.
import { describe, expect, it } from 'vitest';
import { stagedInHome } from '../helpers/agent-home.js';
import { tryGit } from '../helpers/enforce-repos.js';
import type { TestRepo } from '../helpers/gitdir.js';

/** Kimi CLI's config.toml as `kimi login` writes it: its managed Kimi Code model, a provider of type `kimi`. */
const KIMI_CONFIG = [
  'default_model = "kimi-for-coding"',
  '[models.kimi-for-coding]',
  'provider = "managed:kimi-code"',
  'model = "kimi-for-coding"',
  'max_context_size = 262144',
  '[providers."managed:kimi-code"]',
  'type = "kimi"',
  'base_url = "https://api.kimi.com/coding/v1"',
  'api_key = ""',
  '',
].join('\n');

/** A hooked repository denying Moonshot's models, Kimi CLI's config in the home, a file staged. */
const deniedMoonshot = () => stagedInHome({ '.kimi/config.toml': KIMI_CONFIG }, { KIMI_SHARE_DIR: '', AI_AGENT: '', AGENT: '' }, 'policy:\n  deny: ["moonshotai/*"]\n');

const trailer = (repo: TestRepo) => repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)']).trim();

describe('generic agent variables as agents write them (row 897)', () => {
  it("Kimi CLI's AI_AGENT=kimi: its config's model is read and a deny of Moonshot refuses it", () => {
    const { repo, env } = deniedMoonshot();
    const head = repo.git(['rev-parse', 'HEAD']);
    const result = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: a'], { env: { ...env, AI_AGENT: 'kimi' } });
    expect(result.code, result.stderr).not.toBe(0);
    expect(result.stderr).toContain('moonshotai/kimi-for-coding (via kimi-code) is denied');
    expect(result.stderr).toContain('env AI_AGENT="kimi"');
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
  });

  it('a version after @ (kimi-cli@1.2.0, the convention\'s form) names the agent', () => {
    const { repo, env } = deniedMoonshot();
    const result = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: a'], { env: { ...env, AI_AGENT: 'kimi-cli@1.2.0' } });
    expect(result.code, result.stderr).not.toBe(0);
    expect(result.stderr).toContain('moonshotai/kimi-for-coding (via kimi-code) is denied');
  });

  it('cursor-cli@v1.4 is recorded as the Cursor agent', () => {
    const { repo, env } = deniedMoonshot();
    const result = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: a'], { env: { ...env, AI_AGENT: 'cursor-cli@v1.4' } });
    expect(result.code, result.stderr).toBe(0);
    expect(trailer(repo)).toBe('cursor:unknown');
  });

  it("careless truth: a person's commit with Kimi CLI's config in the home, and an address in AGENT, name no AI", () => {
    const { repo, env } = deniedMoonshot();
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'feat: by hand'], { env }).code).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).not.toMatch(/Assisted-by/);
    repo.write('b.txt', 'b\n');
    tryGit(repo.dir, ['add', '-A'], { env });
    const result = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: by hand too'], { env: { ...env, AGENT: 'amp@example.com' } });
    expect(result.code, result.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).not.toMatch(/Assisted-by/);
  });
});
