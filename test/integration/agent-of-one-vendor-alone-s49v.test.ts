// Session 49 helper v (row 944): an agent whose own name means one vendor's models named alone.
// ChatGPT runs only OpenAI's models, claude.ai only Anthropic's, Jules only Google's Gemini; but
// `Assisted-by: ChatGPT` read `chatgpt:unknown`, `Assisted-by: claude.ai` `claude-ai:unknown`,
// `Assisted-by: Jules` `jules:unknown`: a warning under policy.unknownModel, so each passed `check`
// and pre-receive under a deny of its vendor. Row 864's reading (an agent named alone is its one
// vendor's unknown model) now covers them (signatures.json `agentModels`). Fails without the fix.
import { describe, expect, it } from 'vitest';
import { agentCommit, hooked } from '../helpers/agent-home.js';
import { aitrail } from '../helpers/cli.js';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';
import { hookEnv } from '../helpers/hooks.js';

const CASES = [
  { vendor: 'openai', messages: { chatgpt: 'feat: a\n\nAssisted-by: ChatGPT\n', spaced: 'feat: b\n\nGenerated-by: Chat GPT\n' } },
  { vendor: 'anthropic', messages: { claudeAi: 'feat: c\n\nAssisted-by: claude.ai\n' } },
  { vendor: 'google', messages: { jules: 'feat: d\n\nAssisted-by: Jules\n', google: 'feat: e\n\nAssisted-by: Google Jules\n' } },
] as const;

describe('an agent of one vendor named alone (row 944)', () => {
  for (const { vendor, messages } of CASES) {
    it(`reads as ${vendor}/unknown: refused under deny ${vendor}/* by check and pre-receive, passed under allow ${vendor}/*`, () => {
      const denied = policyServer(`policy:\n  deny: ["${vendor}/*"]\n`);
      expectEachRefused(denied.remote, denied.work, messages, (found, name) => expect(found, name).toEqual([`${vendor}/unknown`]));
      const branch = denied.work.git(['for-each-ref', '--format=%(refname:short)', 'refs/heads/refused-*']).trim();
      const log = aitrail(denied.work.dir, ['log', `main..${branch}`, '--format', 'json'], { timeout: 60_000 });
      const read = (JSON.parse(log.stdout) as { attributions: { model: string }[] }[]).flatMap((commit) => commit.attributions.map((found) => found.model));
      expect(read.filter((model) => model === `${vendor}/unknown`)).toHaveLength(Object.keys(messages).length);
      // An allow of the vendor still passes (no unknown-model warning turned into a refusal).
      const allowed = policyServer(`policy:\n  allow: ["${vendor}/*"]\n`);
      expectEachPasses(allowed.work, Object.values(messages));
    }, 120_000);
  }

  it('keeps a model named beside the agent; a tool of several vendors named alone stays a warning', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["openai/*"]\n');
    expectEachRefused(remote, work, { named: 'feat: f\n\nAssisted-by: ChatGPT (gpt-4o)\n' }, (found) => expect(found).toEqual(['openai/gpt-4o']));
    expectEachPasses(work, ['feat: g\n\nAssisted-by: Copilot\n', 'feat: h\n\nAssisted-by: Jules (gemini-2.5-pro)\n']);
  }, 120_000);

  it('is refused at commit by the installed hooks', () => {
    const repo = hooked('policy:\n  deny: ["google/*"]\n');
    const refused = agentCommit(repo, hookEnv({}), 'feat: parser\n\nAssisted-by: Jules\n');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/model-denied[\s\S]*google\/unknown/);
  });
});
