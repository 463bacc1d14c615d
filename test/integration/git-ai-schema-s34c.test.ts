// A git-ai note's `schema_version` (session 34, c; README threat-model row 413): git-ai's blame
// reads a note only when it says exactly `authorship/3.0.0` (`read_authorship_v3_batch` →
// `parse_reference_as_authorship_log_v3` in git-ai's notes API: any other note is left out),
// while `AuthorshipLog::deserialize_from_string` (stats, rewrites, its search for a record in other
// notes) takes any string. aitrail read `authorship/3.x.y` everywhere and refused every other
// version whole: `check`, pre-push and pre-receive passed Qwen's lines a note of another version
// names (a warning only), and `blame` counted lines git-ai's blame does not (or, under `h_`
// entries, hid a declared commit's lines where git-ai's blame reads no note). Real repositories,
// notes written with `git notes --ref=ai add`.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo } from '../helpers/gitdir.js';

const DENY_QWEN = 'policy: {allow: ["*"], deny: ["qwen/*"], undeclared: allow}\n';
const PATH_RULE = 'policy: {allow: ["*"], undeclared: allow, paths: [{files: ["src/**"], deny: ["qwen/*"]}]}\n';

/** gitAiNote's text with its `schema_version` made `version` (null: the key left out). */
function withSchema(note: string, version: string | null): string {
  const line = '  "schema_version": "authorship/3.0.0",\n';
  if (!note.includes(line)) throw new Error('gitAiNote changed its layout');
  return note.replace(line, version === null ? '' : `  "schema_version": ${JSON.stringify(version)},\n`);
}

const qwenNote = (version: string | null) => withSchema(gitAiNote({ 'src/x.ts': [session(NOTE_KEYS.qwen, '1-4')] }), version);

describe('a git-ai note of another schema_version (s34c)', () => {
  it.each([
    ['authorship/4.0.0', 'authorship/4.0.0'],
    ['authorship/3.0 (two parts)', 'authorship/3.0'],
    ['authorship/2.0.0', 'authorship/2.0.0'],
    ['no schema_version at all', null],
  ])('%s naming Qwen on a silent commit: check refuses it (deny and path rule), log shows the note', (_name, version) => {
    for (const policy of [DENY_QWEN, PATH_RULE]) {
      const repo = makeRepo();
      repo.commit('policy', { '.aitrailrc.yml': policy, 'app.ts': 'app\n' });
      repo.git(['checkout', '-q', '-b', 'feature']);
      const sha = repo.commit('x', { 'src/x.ts': 'a\nb\nc\nd\ne\n' });
      addNote(repo, sha, qwenNote(version));

      const check = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
      expect(check.code, check.stdout + check.stderr).toBe(1);
      expect(check.stderr).not.toMatch(/malformed/);
      const violations = JSON.parse(check.stdout).violations as Array<{ severity: string; model: string; sha: string }>;
      expect(violations.filter((each) => each.severity === 'error')).toEqual([expect.objectContaining({ sha, model: 'qwen/qwen3-coder' })]);

      const log = aitrail(repo.dir, ['log', 'main..feature', '--format', 'json']);
      expect(log.code, log.stderr).toBe(0);
      expect(log.stdout).toContain('qwen/qwen3-coder');
    }
  });

  it('pre-receive refuses a silent commit whose pushed note of schema authorship/4.0.0 names Qwen', () => {
    const { work } = policyServer(DENY_QWEN);
    expect(commitWith(work, 'feat: silent\n', { 'src/x.ts': 'a\nb\nc\nd\n' }, { noVerify: true }).code).toBe(0);
    addNote(work, work.git(['rev-parse', 'HEAD']), qwenNote('authorship/4.0.0'));
    const notesPush = tryGit(work.dir, ['push', '--no-verify', 'origin', 'refs/notes/ai']);
    expect(notesPush.code, notesPush.stderr).toBe(0);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:refs/heads/side']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain('qwen/qwen3-coder');
  });

  it('blame reads only authorship/3.0.0, as git-ai’s blame: a 3.0.1 note’s Qwen lines are not counted, with a warning; check still refuses them', () => {
    const repo = makeRepo();
    repo.commit('policy', { '.aitrailrc.yml': DENY_QWEN, 'app.ts': 'app\n' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    const sha = repo.commit('x', { 'src/x.ts': 'a\nb\nc\nd\ne\n' });
    addNote(repo, sha, qwenNote('authorship/3.0.1'));

    const blame = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(blame.code, blame.stderr).toBe(0);
    expect(blame.stderr).toContain('schema_version "authorship/3.0.1" is not authorship/3.0.0');
    const file = JSON.parse(blame.stdout).files.find((each: { path: string }) => each.path === 'src/x.ts');
    expect(file).toMatchObject({ lines: 5, ai: 0 });

    // The same note at 3.0.0: its 4 lines are Qwen's (nothing else changed).
    addNote(repo, sha, qwenNote('authorship/3.0.0'));
    const exact = JSON.parse(aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']).stdout).files.find((each: { path: string }) => each.path === 'src/x.ts');
    expect(exact).toMatchObject({ lines: 5, ai: 4, byModel: { 'qwen/qwen3-coder': 4 } });

    addNote(repo, sha, qwenNote('authorship/3.0.1'));
    const check = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(check.stdout).toContain('qwen/qwen3-coder');
  });

  it('a 3.1.0 note of h_ lines does not hide a declared Qwen commit’s lines from blame (git-ai’s blame reads no such note)', () => {
    const repo = makeRepo();
    repo.commit('policy', { 'app.ts': 'app\n' });
    const sha = repo.commit('x\n\nAssisted-by: opencode:qwen/qwen3-coder\n', { 'src/x.ts': 'a\nb\nc\nd\n' });
    addNote(repo, sha, withSchema(gitAiNote({ 'src/x.ts': [`${NOTE_KEYS.human} 1-4`] }), 'authorship/3.1.0'));

    const blame = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(blame.code, blame.stderr).toBe(0);
    const file = JSON.parse(blame.stdout).files.find((each: { path: string }) => each.path === 'src/x.ts');
    expect(file).toMatchObject({ lines: 4, ai: 4, byModel: { 'qwen/qwen3-coder': 4 } });
  });

  // Metadata git-ai's serde refuses whole (README threat-model row 414): its blame reads no line of such a note.
  it.each([
    ['a session record without a model', (note: string) => note.replace('"sessions": {', '"sessions": {\n    "s_0000000000000a": {"agent_id": {"tool": "cursor", "id": "c9"}},')],
    ['no base_commit_sha', (note: string) => note.replace(/ {2}"base_commit_sha": "0+",\n/, '')],
    ['no prompts', (note: string) => note.replace(/ {2}"prompts": \{\},\n/, '')],
    ['a humans record without an author', (note: string) => (note.includes('"author"') ? note.replace('"author"', '"name"') : note.replace('"sessions": {', '"humans": {"h_00000000000000": {"name": "x"}},\n  "sessions": {'))],
  ])('%s: blame leaves the note out as git-ai’s blame does (a declared commit keeps its lines), check still reads it', (_name, spoil) => {
    const repo = makeRepo();
    repo.commit('policy', { '.aitrailrc.yml': DENY_QWEN, 'app.ts': 'app\n' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    // A silent commit whose note names Qwen, and a declared Qwen commit whose note calls its lines a person's.
    const silent = repo.commit('x', { 'src/x.ts': 'a\nb\nc\nd\ne\n' });
    const clean = gitAiNote({ 'src/x.ts': [session(NOTE_KEYS.qwen, '1-4')] });
    const spoiled = spoil(clean);
    expect(spoiled).not.toBe(clean);
    addNote(repo, silent, spoiled);
    const declared = repo.commit('y\n\nAssisted-by: opencode:qwen/qwen3-coder\n', { 'src/y.ts': 'a\nb\nc\n' });
    addNote(repo, declared, spoil(gitAiNote({ 'src/y.ts': [`${NOTE_KEYS.human} 1-3`] }, [NOTE_KEYS.qwen])));

    const blame = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(blame.code, blame.stderr).toBe(0);
    expect(blame.stderr).toContain("so git-ai's blame reads none of it");
    const files = JSON.parse(blame.stdout).files as Array<{ path: string }>;
    expect(files.find((each) => each.path === 'src/x.ts')).toMatchObject({ lines: 5, ai: 0 });
    expect(files.find((each) => each.path === 'src/y.ts')).toMatchObject({ lines: 3, ai: 3, byModel: { 'qwen/qwen3-coder': 3 } });

    const check = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    const violations = JSON.parse(check.stdout).violations as Array<{ severity: string; sha: string; model: string }>;
    expect(violations.filter((each) => each.severity === 'error').map((each) => [each.sha, each.model])).toEqual(
      expect.arrayContaining([[silent, 'qwen/qwen3-coder'], [declared, 'qwen/qwen3-coder']]),
    );
  });
});
