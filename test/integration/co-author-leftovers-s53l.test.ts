// Session 53 helper l, reviewing helper f's rows 1083..1086 and their limits.
// row 1093: an AI account's words alone before an address of no domain (`Co-authored-by: AI Agent <agent@ai-kit>`,
//   a public commit skill's trailer for the agent it runs, stored file 71205303219) were read with the address as a
//   note, `AI Agent (agent@ai-kit)`, which row 1086's word test does not take: no AI at all, passed under
//   `unknownModel: deny`, where `AI Agent <agent@ai.local>` is refused. The name before the brackets is now asked too.
// row 1094: a vendor's word before its agent's product name of several words at an address of no agent's
//   (`OpenAI Codex CLI <x@example.com>`, `Anthropic Claude Code <…>`, `Moonshot Kimi Code <…>`) read the vendor
//   alone, the agent lost (row 1085's limit); without the address they name the agent. Now the agent with the vendor.
// row 1095: a Chinese company's name before its product (`百度 Comate <x@example.com>`, `月之暗面 Kimi <…>`) read
//   as a person's (百度, 月之暗面 were no words of any kind), passed under `unknownModel: deny`, where `Baidu Comate`,
//   `Moonshot Kimi` and `腾讯 CodeBuddy` are AI; 百度, 月之暗面, 智谱, 深度求索 are now vendor words and company names
//   (as row 1083 made 腾讯): alone on a co-author line a company's (no AI), before a product its vendor's.
// Each block failed before the fix (declared-value.ts readCoAuthor, productName/vendorBeforeProduct; signatures.json).
import { describe, expect, it } from 'vitest';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';
import { expectLog } from '../helpers/log-cases.js';

describe("co-author names row s53f's rules left unread (rows 1093..1095)", () => {
  it('log names the agent after a vendor or a Chinese company name, at an address of no agent (rows 1094, 1095)', () => {
    expectLog([
      ['fix: a\n\nCo-authored-by: OpenAI Codex CLI <x@example.com>\n', ['codex:openai/unknown']],
      ['fix: b\n\nCo-authored-by: Anthropic Claude Code <x@example.com>\n', ['claude-code:anthropic/unknown']],
      ['fix: c\n\nCo-authored-by: Moonshot Kimi Code <x@example.com>\n', ['kimi-code:moonshotai/unknown']],
      ['fix: d\n\nCo-authored-by: 百度 Comate <x@example.com>\n', ['comate:baidu/unknown']],
      ['fix: e\n\nCo-authored-by: 月之暗面 Kimi <x@example.com>\n', ['unknown:moonshotai/unknown']],
      ['fix: f\n\nCo-authored-by: Anthropic Claude Martin <claude.martin@example.com>\n', []],
      ['fix: g\n\nCo-authored-by: 百度 <x@baidu.com>\n', []],
    ]);
  }, 120_000);

  it('check and pre-receive refuse them under unknownModel: deny; people and companies still pass (rows 1093, 1095)', () => {
    const { remote, work } = policyServer('policy:\n  unknownModel: deny\n');
    expectEachRefused(remote, work, {
      aikit: '14d: compact inventory list + sticky restock footer\n\n- Move restock action to PixelDialog footer\n\nCo-authored-by: AI Agent <agent@ai-kit>\n',
      comate: 'feat: b\n\nCo-authored-by: 百度 Comate <x@example.com>\n',
      kimi: 'feat: c\n\nCo-authored-by: 月之暗面 Kimi <x@example.com>\n',
    }, (found, name) => {
      if (name === 'aikit') expect([...new Set(found)], name).toEqual(['unknown']);
    });
    expectEachPasses(work, [
      'fix: d\n\nCo-authored-by: AI Team <team@co.com>\n',
      'fix: e\n\nCo-authored-by: 智谱 <x@zhipuai.cn>\n',
      'fix: f\n\nCo-authored-by: Ai Agent <ai@kit>\n',
    ]);
  }, 240_000);
});
