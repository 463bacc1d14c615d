// Session 51 helper r (row 1008): `git notes --ref ai merge -s union` of two
// git-ai notes of one commit joins them into one note git-ai's own parser refuses (serde_json reads
// everything after the first `---`; git-ai itself merges notes with `-s ours`). aitrail said only
// "metadata is not JSON (Unexpected non-whitespace character…)": the honest team that merged its
// notes did not learn why its attributions were gone nor how to keep them. Now the warning names the
// joined notes and the way out. blame still reads none of it; log and enforcement read each note
// apart since row 1047. This test failed before its fix (src/core/notes/read-metadata.ts).
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo } from '../helpers/gitdir.js';

const JOINED = 'two git-ai notes joined in one, as git notes merge -s union joins them, which git-ai does not read either: merge notes with -s ours, as git-ai does';

describe('two git-ai notes joined by git notes merge (row 1008)', () => {
  // `cat_sort_uniq` sorts both notes' lines (entries before any file): refused by the attestation section, as git-ai refuses it.
  for (const strategy of ['union']) {
    it(`-s ${strategy}: the warning says the notes were joined and how to merge them`, () => {
      const repo = makeRepo();
      repo.commit('base', { 'README.md': 'hi\n' });
      const sha = repo.commit('feat: keys', { 'src/k.ts': 'a\nb\nc\n' });
      addNote(repo, sha, gitAiNote({ 'src/k.ts': [session(NOTE_KEYS.claude, '1')] }));
      repo.git(['update-ref', 'refs/notes/ai-theirs', 'refs/notes/ai']);
      repo.git(['update-ref', '-d', 'refs/notes/ai']);
      addNote(repo, sha, gitAiNote({ 'src/k.ts': [session(NOTE_KEYS.qwen, '2-3')] }));
      repo.git(['notes', '--ref', 'ai', 'merge', '-q', '-s', strategy, 'refs/notes/ai-theirs']);
      expect(repo.git(['notes', '--ref', 'ai', 'show', sha]).match(/schema_version/g)?.length).toBe(2);
      // blame reads none of it, as git-ai's blame; `log` and enforcement read the two apart since row 1047 (joined-notes-s52m.test.ts).
      const blame = aitrail(repo.dir, ['blame', '--format', 'json']);
      expect(blame.code, blame.stderr).toBe(0);
      expect(blame.stderr).toContain(`the git-ai note of commit ${sha.slice(0, 12)} is malformed (${JOINED})`);
      expect(blame.stdout).not.toContain('qwen');
    });
  }
});
