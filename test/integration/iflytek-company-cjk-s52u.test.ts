// Session 52 helper u (row 1067): row 1029 made iFlytek's words vendor words (`astron`, `iflytek`,
// `xfyun`, and `讯飞`, Xunfei, the company's short Chinese name: 科大讯飞 is iFlytek), and row 1040
// made `iflytek` and `xfyun` company names (personNames), so that a co-author line naming the
// company (or its staff at `@iflytek.com`) names no model. `讯飞` was left out: `Co-authored-by: 讯飞
// <x@iflytek.com>` read `iflytek/unknown` (before session 52 it was a person's), refused under
// `deny: ["iflytek/*"]` and `unknownModel: deny`. It is a personName now, as `iflytek` is; a declared
// value naming it (`Generated-by: 讯飞`) is still iFlytek's. This test failed before the fix
// (signatures.json personNames).
import { describe, expect, it } from 'vitest';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';

describe("iFlytek's Chinese company name as a co-author (row 1067)", () => {
  it('passes check and pre-receive as `iFlytek` does; a declared value naming it and Astron at Claude Code\'s address are still refused', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["iflytek/*"]\n  unknownModel: deny\n');
    expectEachRefused(remote, work, {
      declared: 'feat: a\n\nGenerated-by: 讯飞\n',
      astron: 'feat: b\n\nCo-Authored-By: astron-code-latest <noreply@anthropic.com>\n',
    }, (found, name) => expect([...new Set(found)], name).toEqual(['iflytek/unknown']));
    expectEachPasses(work, [
      'chore: sync the SDK docs\n\nCo-authored-by: 讯飞 <x@iflytek.com>\n',
      'chore: b\n\nCo-authored-by: iFlytek <noreply@iflytek.com>\n',
    ]);
  }, 180_000);
});
