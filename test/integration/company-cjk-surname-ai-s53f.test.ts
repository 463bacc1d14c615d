// Session 53 helper f. Two faults left by session 52 (rows 1039, 1067, their limits):
// row 1083: the Chinese names of AI companies (腾讯 Tencent, 字节跳动 ByteDance, 阶跃星辰 StepFun,
//   零一万物 01.AI) are vendor words but were no company names (personNames), so `Co-authored-by: 腾讯
//   <x@tencent.com>` read `tencent/unknown`, refused under `deny: ["tencent/*"]` and `unknownModel: deny`,
//   where `Tencent` and `讯飞` (row 1067) pass. No agent writes a company's Chinese name as its co-author
//   (CodeBuddy, Trae write their product's name: `腾讯 CodeBuddy` is still CodeBuddy's).
// row 1084: `Devin Ai`, `Kiro Ai` (a given name, then the surname Ai, 艾) read as Devin and Kiro through
//   productNamed's "no later word a given name" test, where `Manus Ai` is a person (row 1039). Devin and Kiro
//   write `AI` in capitals (`Devin AI <devin@cognition.ai>`, `Kiro AI <kiro@kiro.ai>`, stored files
//   62087931082, 26632073645): those are still the agents.
// Both cases failed before the fix (signatures.json personNames; mentions.ts productNamed).
import { describe, expect, it } from 'vitest';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';

describe('Chinese company names and the surname Ai on co-author lines (rows 1083, 1084)', () => {
  it('passes a company or a person named so; the products, models and agents as written are still refused', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["tencent/*", "bytedance/*", "stepfun-ai/*", "01-ai/*"]\n  unknownModel: deny\n');
    expectEachPasses(work, [
      'chore: sync the SDK docs\n\nCo-authored-by: 腾讯 <x@tencent.com>\n', // row 1083
      'chore: b\n\nCo-authored-by: 字节跳动 <x@bytedance.com>\n',
      'chore: c\n\nCo-authored-by: 阶跃星辰 <x@stepfun.com>\n',
      'chore: d\n\nCo-authored-by: 零一万物 <x@01.ai>\n',
      'fix: e\n\nCo-authored-by: Devin Ai <devin.ai@example.ie>\n', // row 1084
      'fix: f\n\nCo-authored-by: Kiro Ai <kiro.ai@example.jp>\n',
    ]);
    expectEachRefused(remote, work, {
      hunyuan: 'feat: a\n\nCo-authored-by: 混元 <x@example.com>\n',
      codebuddy: 'feat: b\n\nCo-authored-by: 腾讯 CodeBuddy <x@example.com>\n',
      declared: 'feat: c\n\nGenerated-by: 字节跳动\n',
      devin: 'feat: d\n\nCo-Authored-By: Devin AI <devin@cognition.ai>\n',
      kiro: 'feat: e\n\nCo-authored-by: Kiro AI <kiro@kiro.ai>\n',
    }, (found, name) => {
      if (name === 'hunyuan' || name === 'codebuddy') expect([...new Set(found)], name).toEqual(['tencent/unknown']);
      if (name === 'declared') expect([...new Set(found)], name).toEqual(['bytedance/unknown']);
    });
  }, 240_000);
});
