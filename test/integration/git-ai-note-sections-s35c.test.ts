// A git-ai note that names one file in two sections (session 35, c). git-ai's parser keeps each
// file line as a section of its own (`parse_attestation_section` in git-ai-project/git-ai's
// `authorship_log_serialization.rs` pushes a `FileAttestation` per file line, never merging),
// and its blame reads a file's lines from the first section with that path alone
// (`get_line_attribution`: `attestations.iter().find(|f| f.file_path == file)`). Real repository,
// note written with `git notes --ref=ai add`.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { expectQwenLinesCaught, notedFeature } from '../helpers/qwen-noted-branch.js';

/** A note of `src/x.ts` in two sections: `first`'s entries, then the same path again with `second`'s. */
function twoSections(first: string[], second: string[]): string {
  const note = gitAiNote({ 'src/x.ts': first, 'src/y.ts': second });
  return note.replace('\nsrc/y.ts\n', '\nsrc/x.ts\n');
}

describe('a git-ai note naming one file in two sections (s35c)', () => {
  it('Qwen’s lines in the first section, a person’s key over them in the second: check refuses, blame counts Qwen’s', () => {
    const { repo, sha } = notedFeature(twoSections([session(NOTE_KEYS.qwen, '1-4')], [`${NOTE_KEYS.human} 1-5`]));
    expectQwenLinesCaught(repo, sha, 4);
  });

  it('a person’s key in the first section, Qwen’s over it in the second: blame counts the lines as git-ai’s blame does, a person’s', () => {
    const { repo } = notedFeature(twoSections([`${NOTE_KEYS.human} 1-5`], [session(NOTE_KEYS.qwen, '1-4')]));
    const blame = aitrail(repo.dir, ['blame', 'src/x.ts', '--format', 'json', '--no-cache']);
    expect(blame.code, blame.stderr).toBe(0);
    expect(JSON.parse(blame.stdout).files[0]).toMatchObject({ lines: 5, ai: 0 });
  });
});
