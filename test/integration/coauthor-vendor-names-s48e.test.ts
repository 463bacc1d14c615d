// Red team, session 48 helper e (row 865): Alibaba's assistant on a co-author line. A co-author
// name of two words was a person's when any word after the first was no model or account word
// (`Qwen Li`), and `Lingma` is neither: `Co-authored-by: Tongyi Lingma <lingma@alibaba-inc.com>`
// (Tongyi Lingma, Alibaba's Qwen coding assistant, both words Qwen's vendor words) read as no AI at
// all, so `check` and pre-receive passed it under `deny: ["qwen/*"]`, while `Assisted-by: Tongyi
// Lingma` and `Co-authored-by: Lingma <…>` were refused. This test failed before its fix
// (mentions.ts personalWords). People whose second name is a person's stay people.
import { describe, expect, it } from 'vitest';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';

describe("a co-author name made of a vendor's own words (row 865)", () => {
  it('is refused under deny qwen/* by check and pre-receive; people keep their names', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*", "allenai/*", "mistralai/*", "google/*"]\n');
    expectEachRefused(remote, work, {
      lingma: 'feat: a\n\nCo-authored-by: Tongyi Lingma <lingma@alibaba-inc.com>\n',
      joined: 'feat: b\n\nCo-authored-by: Tongyi-Lingma <bot@example.com>\n',
    }, (found, name) => expect(found, name).toContain('qwen/unknown'));
    expectEachPasses(work, [
      'feat: c\n\nCo-authored-by: Qwen Li <qwen.li@alibaba-inc.com>\n',
      'feat: d\n\nCo-authored-by: Paul Allen <paul@example.com>\n',
      'feat: e\n\nCo-authored-by: Lingma Zhang <l@example.com>\n',
      'feat: f\n\nCo-authored-by: Anna Gemma <a@example.com>\n',
    ]);
  }, 120_000);
});
