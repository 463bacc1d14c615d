// Session 54 helper g (row 1136): `codebuddy@tencent.com`, CodeBuddy's own address (its commit template's
// `CodeBuddy … <codebuddy@tencent.com>`, docs/signatures.md), was read only under a name starting `CodeBuddy`: a co-author
// line with a person's name on that address, `Co-authored-by: John Smith <codebuddy@tencent.com>`, named no AI, so the commit
// was a person's and passed `unknownModel: deny` (Anthropic's `noreply@anthropic.com` under any name was already Claude
// Code's). Found by session 54 helper g's replay of the agents' real addresses with the built CLI's `log`. Now the address
// alone is CodeBuddy's; Tencent's shared `noreply@tencent.com` still needs CodeBuddy's name. Replayed with a real repository
// and the built CLI's `check` and `log`.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWithTrailer as commitWith } from '../helpers/one-trailer.js';


describe("CodeBuddy's own address under a person's name (row 1136)", () => {
  it("row 1136: a person's name on codebuddy@tencent.com is CodeBuddy's commit: refused under unknownModel: deny", () => {
    for (const trailer of ['Co-authored-by: John Smith <codebuddy@tencent.com>', 'Co-authored-by: 张伟 <CodeBuddy@Tencent.com>']) {
      const repo = commitWith(trailer);
      const check = aitrail(repo.dir, ['check', 'HEAD~1..HEAD']);
      expect.soft(check.code, trailer).toBe(1);
      const log = aitrail(repo.dir, ['log', 'HEAD~1..HEAD']);
      expect.soft(log.stdout, trailer).toContain('codebuddy:unknown');
    }
  });

  it("careless truth: a person at Tencent's shared noreply address is still a person", () => {
    const repo = commitWith('Co-authored-by: John Smith <noreply@tencent.com>');
    const check = aitrail(repo.dir, ['check', 'HEAD~1..HEAD']);
    expect(check.code, check.stderr).toBe(0);
    const named = commitWith('Co-authored-by: CodeBuddy Code <noreply@tencent.com>');
    expect(aitrail(named.dir, ['log', 'HEAD~1..HEAD']).stdout).toContain('codebuddy:unknown');
  });
});
