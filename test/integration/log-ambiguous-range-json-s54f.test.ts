// Session 54 helper f (row 1131): `log --format json` of a range whose side a tag spells like an
// abbreviated sha said so on stderr only (row 1081's limit), so a CI job publishing the JSON showed a
// person's history without a word; found reading row 1081. Now the first commit listed carries the
// warning in its `warnings` (and the text under it); a plain range stays quiet.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { tagLikeAbbreviatedSha } from '../helpers/ambiguous-tag.js';

describe('log --format json of an ambiguous range (row 1131)', () => {
  it('puts the warning on the first entry, once; a plain range has none', () => {
    const { repo, person, abbrev } = tagLikeAbbreviatedSha();
    for (const range of [abbrev, `HEAD~2..${abbrev}`]) {
      const log = aitrail(repo.dir, ['log', range, '--format', 'json']);
      expect(log.code, log.stderr).toBe(0);
      const entries = JSON.parse(log.stdout) as { sha: string; warnings?: string[] }[];
      expect(entries[0]!.sha).toBe(person);
      expect(entries[0]!.warnings?.filter((w) => w.includes(`range '${abbrev}' is ambiguous: git reads it as refs/tags/${abbrev}`))).toHaveLength(1);
      expect(entries.slice(1).every((entry) => entry.warnings === undefined)).toBe(true);
      expect(log.stderr).toContain('is ambiguous');
    }
    const plain = JSON.parse(aitrail(repo.dir, ['log', 'HEAD~2..HEAD', '--format', 'json']).stdout) as { warnings?: string[] }[];
    expect(plain.every((entry) => entry.warnings === undefined)).toBe(true);
  });
});
