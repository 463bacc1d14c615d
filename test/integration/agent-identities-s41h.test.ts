// Session 41 (h): BLACKBOX AI's cloud agent commits as `ai <ai@blackbox.ai>` (its sandbox sets
// `git config user.name "ai"` and `user.email "ai@blackbox.ai"` before it commits, stored file
// 43836475226) and signs `Co-authored-by: Blackbox AI <ai@blackbox.ai>` on the commits it writes for a
// user (stored file 20991847442, on its `blackboxai/…` branch): both read as a person's. The test
// failed before the fix.
import { describe, expect, it } from 'vitest';
import { expectLog, refusedBy } from '../helpers/log-cases.js';

const AGENT = { name: 'ai', email: 'ai@blackbox.ai' };

describe("BLACKBOX AI's agent identity (session 41 h)", () => {
  it('reads `ai <ai@blackbox.ai>` as the author, and `Blackbox AI <ai@blackbox.ai>` as a co-author, as Blackbox', () => {
    expectLog([
      ['Add the deployment configuration\n', ['blackbox:unknown'], AGENT],
      ['Finalize the production deployment\n\nStatus: ready\n\nCo-authored-by: Blackbox AI <ai@blackbox.ai>\n', ['blackbox:unknown']],
      ['x\n\nCo-authored-by: BLACKBOX AI <ai@blackbox.ai>\n', ['blackbox:unknown']],
    ]);
  });

  it("keeps people at Blackbox's domain, another name at that mailbox, the name elsewhere and the word in prose a person's", () => {
    expectLog([
      ['Fix the pricing page\n', [], { name: 'Robert Rizk', email: 'robert@blackbox.ai' }],
      ['a\n', [], { name: 'Jane Doe', email: 'ai@blackbox.ai' }],
      ['b\n\nCo-authored-by: Jane Doe <ai@blackbox.ai>\n', []],
      ['c\n', [], { name: 'ai', email: 'ai@example.com' }],
      ['Add blackbox tests for the parser\n\nCo-authored-by: Ana Blackbox <ana@example.com>\n', []],
    ]);
  });

  it("under unknownModel: deny, check refuses Blackbox's commit and not a person's at its domain", () => {
    const { refused, shas } = refusedBy('policy:\n  unknownModel: deny\n', ['Finalize the production deployment\n\nCo-authored-by: Blackbox AI <ai@blackbox.ai>\n', 'Fix the pricing page\n\nCo-authored-by: Robert Rizk <robert@blackbox.ai>\n']);
    expect(refused).toEqual([shas[0]!]);
  });
});
