// Review, session 48 helper j (row 884): row 865 made a vendor's own word that is no listed
// first name (`Lingma`, `Tongyi`) no person's word anywhere after a co-author's first word, so people
// whose given name follows their surname (`Zhang Tongyi`, `Chen Lingma`, `Wang Tongyi`) read as
// `qwen/unknown` and were refused under `deny: ["qwen/*"]` by check and pre-receive; before 865
// they were people. This test failed before its fix (mentions.ts personalWords' vendor).
import { describe, expect, it } from 'vitest';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';

describe('people whose given name is a vendor word (row 884)', () => {
  it('pass deny qwen/* in check and pre-receive; the assistant of both words is still refused', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    expectEachPasses(work, [
      'feat: a\n\nCo-authored-by: Zhang Tongyi <zhang.tongyi@example.com>\n',
      'feat: b\n\nCo-authored-by: Chen Lingma <chen@example.cn>\n',
      'feat: c\n\nCo-authored-by: Wang Tongyi <w@example.com>\n',
    ]);
    expectEachRefused(remote, work, {
      lingma: 'feat: d\n\nCo-authored-by: Tongyi Lingma <lingma@alibaba-inc.com>\n',
      joined: 'feat: e\n\nCo-authored-by: Tongyi-Lingma <bot@example.com>\n',
    }, (found, name) => expect(found, name).toContain('qwen/unknown'));
  }, 120_000);
});
