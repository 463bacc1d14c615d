// Session 54 helper g (row 1137): `文心快码`, Baidu Comate's Chinese name (an agent name of signatures.json), on a
// co-author line with an address (`Co-authored-by: 文心快码 <x@example.com>`) named no AI: a lone agent word is read as an
// account's name (`Codex <x@…>` may be someone's), so the commit was a person's and passed `unknownModel: deny`, while
// `Assisted-by: 文心快码` was Comate's. Row 1095's limit, replayed by session 54 helper g with the built CLI's `log`. Now
// a lone agent name in a script written without spaces is Comate's at any address; a Chinese person's name and a lone
// Latin agent word stay people's. Replayed with a real repository and the built CLI's `check` and `log`.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWithTrailer as commitWith } from '../helpers/one-trailer.js';


describe("Comate's Chinese name on a co-author line (row 1137)", () => {
  it('row 1137: 文心快码 at any address is Comate: refused under unknownModel: deny', () => {
    for (const trailer of ['Co-authored-by: 文心快码 <x@example.com>', 'Co-authored-by: 文心快码 <comate@baidu.com>']) {
      const repo = commitWith(trailer);
      expect.soft(aitrail(repo.dir, ['check', 'HEAD~1..HEAD']).code, trailer).toBe(1);
      expect.soft(aitrail(repo.dir, ['log', 'HEAD~1..HEAD']).stdout, trailer).toContain('comate:unknown');
    }
  });

  it("careless truth: a Chinese person's name and a lone Latin agent word at an address stay people's", () => {
    for (const trailer of ['Co-authored-by: 张伟 <zhang@example.com>', 'Co-authored-by: Codex <jane@example.com>']) {
      const repo = commitWith(trailer);
      const check = aitrail(repo.dir, ['check', 'HEAD~1..HEAD']);
      expect.soft(check.code, `${trailer}: ${check.stderr}`).toBe(0);
    }
  });
});
