// Final review, session 48 helper t (row 901): row 882 reads a product's or model family's name
// on a co-author line whose first word is a first name (`Kimi Code <bot@example.com>`, `Claude Opus
// <…>`) as the agent or family it names, but only written with a space: the same name joined
// (`Kimi-Code`, `Claude_Opus`, `GeminiPro`, `Claude-Code`), as row 60 reads `Qwen-Coder`, stayed a
// person's joined name (`Claude-Michel`), no AI at all, so check and pre-receive passed it under a
// deny of its vendor. This test failed before its fix (declared-value.ts productName reads the joined
// word's parts). People's joined names stay people's.
import { describe, expect, it } from 'vitest';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';
import { expectLog } from '../helpers/log-cases.js';
import { agentCommit, hooked } from '../helpers/agent-home.js';
import { hookEnv } from '../helpers/hooks.js';

const MODELS: Record<string, string> = { kimiCode: 'moonshotai/unknown', claudeOpus: 'anthropic/claude-opus', geminiPro: 'google/gemini-pro' };

describe("a product's joined name on a co-author line whose first word is a first name (row 901)", () => {
  it('is refused under a deny of its vendor by check and pre-receive; joined people\'s names pass', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["moonshotai/*", "google/*", "anthropic/*"]\n');
    expectEachRefused(remote, work, {
      kimiCode: 'feat: a\n\nCo-authored-by: Kimi-Code <bot@example.com>\n',
      claudeOpus: 'feat: b\n\nCo-authored-by: Claude_Opus <bot@example.com>\n',
      geminiPro: 'feat: c\n\nCo-authored-by: GeminiPro <bot@example.com>\n',
    }, (found, name) => expect(found, name).toContain(MODELS[name]));
    expectEachPasses(work, [
      'feat: d\n\nCo-authored-by: Claude-Michel <cm@example.com>\n',
      'feat: e\n\nCo-authored-by: Devin-Booker <devin@example.com>\n',
      'feat: f\n\nCo-authored-by: Claude-Opus <claude.opus@example.com>\n',
      // A login spelled as the joined name, under another account id than the app's: someone's account.
      'feat: g\n\nCo-authored-by: kimi-code <12345+kimi-code@users.noreply.github.com>\n',
    ]);
  }, 120_000);

  it('log reads the agent a joined product name gives, as its spaced form, and no one for a person', () => {
    expectLog([
      ['feat: a\n\nCo-authored-by: Claude-Code <bot@example.com>\n', ['claude-code:unknown']],
      ['feat: b\n\nCo-authored-by: KimiCode <bot@example.com>\n', ['kimi-code:moonshotai/unknown']],
      ['feat: c\n\nCo-authored-by: Gemini-CLI <bot@example.com>\n', ['gemini-cli:unknown']],
      ['feat: d\n\nCo-authored-by: Gemma-Louise <gl@example.com>\n', []],
      ['feat: e\n\nCo-authored-by: ClaudeDupont <cd@example.com>\n', []],
    ]);
  });

  it('is refused at commit by the installed hooks', () => {
    const repo = hooked('policy:\n  deny: ["moonshotai/*"]\n');
    const refused = agentCommit(repo, hookEnv({}), 'feat: parser\n\nCo-authored-by: Kimi-Code <bot@example.com>\n');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/model-denied[\s\S]*moonshotai\/unknown/);
  });
});
