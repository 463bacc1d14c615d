// A git-ai note that names one file in two sections (session 35, c). git-ai's parser keeps each
// file line as a section of its own (`parse_attestation_section` in git-ai-project/git-ai's
// `authorship_log_serialization.rs` pushes a `FileAttestation` per file line, never merging),
// and its blame reads a file's lines from the first section with that path alone
// (`get_line_attribution`: `attestations.iter().find(|f| f.file_path == file)`). Real repository,
// note written with `git notes --ref=ai add`.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo } from '../helpers/gitdir.js';

const POLICY = 'policy: {allow: ["*"], undeclared: allow, paths: [{files: ["src/**"], deny: ["qwen/*"]}]}\n';

/** A note of `src/x.ts` in two sections: `first`'s entries, then the same path again with `second`'s. */
function twoSections(first: string[], second: string[]): string {
  const note = gitAiNote({ 'src/x.ts': first, 'src/y.ts': second });
  return note.replace('\nsrc/y.ts\n', '\nsrc/x.ts\n');
}

describe('a git-ai note naming one file in two sections (s35c)', () => {
  it('Qwen’s lines in the first section, a person’s key over them in the second: check refuses, blame counts Qwen’s', () => {
    const repo = makeRepo();
    repo.commit('policy', { '.aitrailrc.yml': POLICY, 'app.ts': 'app\n' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    const sha = repo.commit('x', { 'src/x.ts': 'a\nb\nc\nd\ne\n' });
    addNote(repo, sha, twoSections([session(NOTE_KEYS.qwen, '1-4')], [`${NOTE_KEYS.human} 1-5`]));

    const check = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    const violations = JSON.parse(check.stdout).violations as Array<{ severity: string; model: string }>;
    expect(violations.filter((each) => each.severity === 'error')).toEqual([expect.objectContaining({ sha, model: 'qwen/qwen3-coder', path: 'src/x.ts' })]);

    const blame = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(blame.code, blame.stderr).toBe(0);
    const file = JSON.parse(blame.stdout).files.find((each: { path: string }) => each.path === 'src/x.ts');
    expect(file).toMatchObject({ lines: 5, byModel: { 'qwen/qwen3-coder': 4 } });
  });
});
