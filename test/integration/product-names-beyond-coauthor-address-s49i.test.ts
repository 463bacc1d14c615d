// Session 49 helper i, reviewing row 913 (an AI account's name on a co-author line) and rows 882/901
// (a product's name on a co-author line). Three ways past a deny they left open, each read by the one
// reading those rows made (declared-value.ts productName, mentions.ts productNamed/aiAccountNamed):
// - row 921: the same names under a declared key with an address of no agent's
//   (`Assisted-by: Claude Opus <bot@example.com>`, `Generated-by: Kimi AI <ai@moonshot.cn>`) read as a
//   human helper, no AI at all;
// - row 922: a product's name on a co-author line without an address (`Co-authored-by: Claude Opus`,
//   `Gemini Pro`, joined `KimiAI`, `Kimi_Assistant`) read as a person's (row 882 read it only with an address);
// - row 923: an account word written otherwise (`Kimi A.I.`, `Kimi (AI)`, `Claude [AI]`, `Kimi AI Bot`,
//   `Kimi AI.`) read as a person's.
// Each block failed before its fix. People keep their names, with an address or without.
import { describe, expect, it } from 'vitest';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';
import { expectLog } from '../helpers/log-cases.js';
import { agentCommit, hooked } from '../helpers/agent-home.js';
import { hookEnv } from '../helpers/hooks.js';

const DENY = 'policy:\n  deny: ["moonshotai/*", "google/*", "anthropic/*"]\n';
const vendorOf = (expected: Record<string, string>) => (found: string[], name: string) => expect(found.join(' '), name).toContain(expected[name]!);

describe('a product or AI account name under a declared key with an address of no agent (row 921)', () => {
  it('log reads the model or vendor named, and people as people', () => {
    expectLog([
      ['feat: a\n\nAssisted-by: Claude Opus <bot@example.com>\n', ['unknown:anthropic/claude-opus']],
      ['feat: b\n\nGenerated-by: Kimi AI <ai@moonshot.cn>\n', ['unknown:moonshotai/unknown']],
      ['feat: c\n\nAssisted-by: Google Gemini <gemini@example.com>\n', ['gemini-cli:google/unknown']],
      ['feat: d\n\nAssisted-by: Gemini AI <gemini@google.com>\n', ['gemini-cli:google/unknown']],
      ['feat: e\n\nAssisted-by: Claude Dupont <claude@example.com>\n', []],
      ['feat: f\n\nAssisted-by: Claude Opus <claude.opus@example.com>\n', []],
      ['feat: g\n\nAssisted-by: Kimi Ai <kimi.ai@example.com>\n', []],
      ['feat: h\n\nAssisted-by: Kimi Raikkonen <kimi@example.com>\n', []],
    ]);
  });

  it('is refused by check and pre-receive under a deny of its vendor; people pass', () => {
    const { remote, work } = policyServer(DENY);
    const models = { opus: 'anthropic/claude-opus', kimi: 'moonshotai/unknown', gemini: 'google/unknown', pro: 'google/gemini-pro' };
    expectEachRefused(remote, work, {
      opus: 'feat: a\n\nAssisted-by: Claude Opus <bot@example.com>\n',
      kimi: 'feat: b\n\nGenerated-by: Kimi AI <ai@moonshot.cn>\n',
      gemini: 'feat: c\n\nAssisted-by: Google Gemini <gemini@example.com>\n',
      pro: 'feat: d\n\nAssisted-by: Gemini Pro <bot@example.com>\n',
    }, vendorOf(models));
    expectEachPasses(work, [
      'feat: e\n\nAssisted-by: Claude Dupont <claude@example.com>\n',
      'feat: f\n\nAssisted-by: Kimi Raikkonen <kimi@example.com>\n',
    ]);
  }, 120_000);

  it('is refused at commit by the installed hooks', () => {
    const repo = hooked('policy:\n  deny: ["moonshotai/*"]\n');
    const refused = agentCommit(repo, hookEnv({}), 'feat: parser\n\nAssisted-by: Kimi AI <ai@moonshot.cn>\n');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/model-denied[\s\S]*moonshotai\/unknown/);
  });
});

describe('a product name on a co-author line without an address (row 922)', () => {
  it('log reads the family or vendor named, and people as people', () => {
    expectLog([
      ['feat: a\n\nCo-authored-by: Claude Opus\n', ['unknown:anthropic/claude-opus']],
      ['feat: b\n\nCo-authored-by: Gemini Pro\n', ['unknown:google/gemini-pro']],
      ['feat: c\n\nCo-authored-by: KimiAI\n', ['unknown:moonshotai/unknown']],
      ['feat: d\n\nSigned-off-by: Kimi_Assistant\n', ['unknown:moonshotai/unknown']],
      ['feat: e\n\nCo-authored-by: Claude Dupont\n', []],
      ['feat: f\n\nCo-authored-by: Kimi Raikkonen\n', []],
      ['feat: g\n\nCo-authored-by: Claude-Michel\n', []],
    ]);
  });

  it('is refused by check and pre-receive under a deny of its vendor; people pass', () => {
    const { remote, work } = policyServer(DENY);
    const models = { opus: 'anthropic/claude-opus', pro: 'google/gemini-pro', joined: 'moonshotai/unknown' };
    expectEachRefused(remote, work, {
      opus: 'feat: a\n\nCo-authored-by: Claude Opus\n',
      pro: 'feat: b\n\nCo-authored-by: Gemini Pro\n',
      joined: 'feat: c\n\nCo-authored-by: KimiAI\n',
    }, vendorOf(models));
    expectEachPasses(work, ['feat: d\n\nCo-authored-by: Claude Dupont\n', 'feat: e\n\nCo-authored-by: Kimi Raikkonen\n']);
  }, 120_000);
});

describe("an AI account's word written with stops, brackets or Bot beside it (row 923)", () => {
  it('log reads the vendor named; a lone Bot and a note on a person stay people', () => {
    expectLog([
      ['feat: a\n\nCo-authored-by: Kimi A.I. <ai@example.com>\n', ['unknown:moonshotai/unknown']],
      ['feat: b\n\nCo-authored-by: Kimi (AI) <ai@example.com>\n', ['unknown:moonshotai/unknown']],
      ['feat: c\n\nCo-authored-by: Kimi AI Bot <bot@example.com>\n', ['unknown:moonshotai/unknown']],
      ['feat: d\n\nCo-authored-by: Kimi AI. <ai@example.com>\n', ['unknown:moonshotai/unknown']],
      ['feat: e\n\nCo-authored-by: Claude [AI] <x@example.com>\n', ['claude-code:anthropic/unknown']],
      ['feat: e2\n\nCo-authored-by: Kimi Ai Assistant <ai@example.com>\n', ['unknown:moonshotai/unknown']],
      ['feat: e3\n\nCo-authored-by: Kimi Ai <kimi.ai@example.com>\n', []],
      ['feat: f\n\nCo-authored-by: Kimi Bot <kimi.bot@example.com>\n', []],
      ['feat: g\n\nCo-authored-by: OpenHands Bot <openhands@all-hands.dev>\n', []],
      ['feat: h\n\nCo-authored-by: Claude Lee (AI team) <claude.lee@example.com>\n', []],
    ]);
  });

  it('is refused by check and pre-receive under a deny of its vendor', () => {
    const { remote, work } = policyServer(DENY);
    expectEachRefused(remote, work, {
      stops: 'feat: a\n\nCo-authored-by: Kimi A.I. <ai@example.com>\n',
      brackets: 'feat: b\n\nCo-authored-by: Kimi (AI) <ai@example.com>\n',
      bot: 'feat: c\n\nCo-authored-by: Kimi AI Bot <bot@example.com>\n',
    }, (found, name) => expect(found, name).toContain('moonshotai/unknown'));
  }, 120_000);
});
