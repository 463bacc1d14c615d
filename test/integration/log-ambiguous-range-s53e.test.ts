import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { tagLikeAbbreviatedSha } from '../helpers/ambiguous-tag.js';

// row 1081: `aitrail log <abbreviated sha>` (or `origin/main..<abbrev>`) read a tag spelled like the
// abbreviation, as git's short-name rules do, and said nothing: the report was of another commit's
// history, Qwen's commit left out, where blame and trend warn (row 33).
describe('log of a range whose side a tag spells (row 1081)', () => {
  it("warns that the abbreviated sha is read as the tag, in each side of the range; a full ref name and a plain range are quiet", () => {
    const { repo, abbrev } = tagLikeAbbreviatedSha();
    for (const range of [abbrev, `HEAD~2..${abbrev}`]) {
      const log = aitrail(repo.dir, ['log', range]);
      expect(log.code, log.stderr).toBe(0);
      expect(log.stdout).not.toContain('feat: b');
      expect(log.stderr).toContain(`range '${abbrev}' is ambiguous: git reads it as refs/tags/${abbrev}`);
    }
    const full = aitrail(repo.dir, ['log', `refs/tags/${abbrev}`]);
    expect(full.stderr).not.toContain('ambiguous');
    const plain = aitrail(repo.dir, ['log', 'HEAD~2..HEAD']);
    expect(plain.stdout).toContain('feat: b');
    expect(plain.stderr).not.toContain('ambiguous');
  });
});
