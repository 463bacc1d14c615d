// Session 56 helper o: git-ai's own note forms, replayed on real commits. Each note below is the
// text git-ai's serializer writes for a log built in its own tests, read from git-ai-project/git-ai:
//  - src/authorship/snapshots/git_ai__authorship__authorship_log_serialization__tests__serialize_deserialize_roundtrip-2.snap
//    (one file, two prompts, ranges `1,2,19-222` and `400-405`, a second file `1-111,245,260`)
//  - src/authorship/snapshots/git_ai__authorship__authorship_log_serialization__tests__file_names_with_spaces-2.snap
//    (quoted paths `"src/my file.rs"`, `"docs/README (copy).md"`, a dashed path; cursor/claude-3-sonnet)
//  - src/authorship/snapshots/git_ai__authorship__authorship_log_serialization__tests__serialize_deserialize_no_attestations-2.snap
//    (a note with prompts and no attestation line at all)
//  - src/authorship/authorship_log_serialization.rs (get_line_attribution: the later entry wins; a key
//    with no record in `prompts` is nobody's line; AUTHORSHIP_LOG_VERSION "authorship/3.0.0", the newest
//    schema git-ai writes; PromptRecord with messages, human_author, totals).
// What is asserted: the lines per model per file `aitrail blame` reads, the models `aitrail log`
// shows, and what `aitrail check` judges under a deny rule; then the note init's hooks (post-rewrite,
// post-commit) and `notes squash` leave after a rebase, an amend, a cherry-pick, a merge --squash, a
// reset --soft and recommit, a rebase -i squash and an autosquashed fixup that move the lines: the
// same lines per key, moved, as git-ai's rewrite keeps them. All found true before this session (no
// fix); the one difference, on purpose, is README row 325 (a key with no record stays `unknown` AI).
import { describe, expect, it } from 'vitest';
import { parseAuthorshipLog } from '../../src/core/notes/parse-authorship-log.js';
import { aitrail } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

const lines = (count: number, tag: string) => Array.from({ length: count }, (_, index) => `${tag}${index + 1}`).join('\n') + '\n';

/** PromptRecord as git-ai's serde writes it (to_string_pretty), with a transcript. */
const prompt = (tool: string, id: string, model: string, humanAuthor: string | null, messages: unknown[]) => ({
  agent_id: { tool, id, model },
  human_author: humanAuthor,
  messages,
  total_additions: 15,
  total_deletions: 3,
  accepted_lines: 11,
  overriden_lines: 0,
});

function noteText(attestations: string, prompts: Record<string, unknown>, base: string): string {
  const metadata = { schema_version: 'authorship/3.0.0', git_ai_version: '1.0.24', base_commit_sha: base, prompts };
  // git-ai writes no newline after the JSON (serialize_to_string); git notes adds one.
  return `${attestations}---\n${JSON.stringify(metadata, null, 2)}`;
}

function blameFiles(dir: string): Record<string, { lines: number; byModel: Record<string, number> }> {
  const blame = aitrail(dir, ['blame', '--format', 'json', '--no-cache']);
  expect(blame.code, blame.stderr).toBe(0);
  return Object.fromEntries(JSON.parse(blame.stdout).files.map((file: { path: string; lines: number; byModel: Record<string, number> }) => [file.path, { lines: file.lines, byModel: file.byModel }]));
}

const ROUNDTRIP = 'src/file.xyz\n  xyzAbc 1,2,19-222\n  123456 400-405\nsrc/file2.xyz\n  123456 1-111,245,260\n';
const SPACES = '"src/my file.rs"\n  c9883b05a2487d6d 1-10\n"docs/README (copy).md"\n  c9883b05a2487d6d 5\ntest/file-with-dashes.js\n  c9883b05a2487d6d 20-25\n';
const FILES = {
  'src/file.xyz': lines(410, 'a'),
  'src/file2.xyz': lines(260, 'b'),
  'src/my file.rs': lines(10, 'c'),
  'docs/README (copy).md': lines(5, 'd'),
  'test/file-with-dashes.js': lines(25, 'e'),
};
const PROMPTS = {
  '123456': prompt('claude', 'sess-2', 'claude-3-opus', 'bob@example.com', [{ type: 'user', text: 'Add tests', timestamp: '2025-01-01T00:00:00Z' }, { type: 'assistant', text: 'Added tests' }]),
  c9883b05a2487d6d: prompt('cursor', 'session_123', 'claude-3-sonnet', null, []),
  xyzAbc: prompt('codex', 'conv', 'gpt-5-codex', 'alice@example.com', [{ type: 'tool_use', name: 'edit', input: { file: 'x' } }]),
};

function noted(repo: TestRepo, files: Record<string, string>, note: (sha: string) => string, env?: NodeJS.ProcessEnv): string {
  const sha = repo.commit('ai', files, env);
  repo.git(['notes', '--ref=ai', 'add', '-F', '-', sha], { input: note(sha) });
  return sha;
}

describe('git-ai fixture notes replayed on a real commit (s56o)', () => {
  it('the roundtrip and spaces snapshots: lines per model per file, the later entry wins, quoted paths', () => {
    const repo = makeRepo();
    repo.commit('base', { 'README.md': 'r\n', '.aitrailrc.yml': 'policy: {allow: ["*"], undeclared: allow, paths: [{files: ["docs/**"], deny: ["anthropic/claude-3-sonnet"]}]}\n' });
    noted(repo, FILES, (sha) => noteText(ROUNDTRIP + SPACES, PROMPTS, sha));
    const files = blameFiles(repo.dir);
    delete files['.aitrailrc.yml'];
    expect(files).toEqual({
      'README.md': { lines: 1, byModel: {} },
      // 1,2,19-222 = 206 lines; 400-405 = 6
      'src/file.xyz': { lines: 410, byModel: { 'openai/gpt-5-codex': 206, 'anthropic/claude-3-opus': 6 } },
      // 1-111,245,260 = 113
      'src/file2.xyz': { lines: 260, byModel: { 'anthropic/claude-3-opus': 113 } },
      'src/my file.rs': { lines: 10, byModel: { 'anthropic/claude-3-sonnet': 10 } },
      'docs/README (copy).md': { lines: 5, byModel: { 'anthropic/claude-3-sonnet': 1 } },
      'test/file-with-dashes.js': { lines: 25, byModel: { 'anthropic/claude-3-sonnet': 6 } },
    });
    const log = aitrail(repo.dir, ['log', '-1', '--format', 'json']);
    expect(log.code, log.stderr).toBe(0);
    const [entry] = JSON.parse(log.stdout);
    expect(entry.attributions.map((each: { agent: string; model: string }) => [each.agent, each.model])).toEqual([
      ['claude-code', 'anthropic/claude-3-opus'],
      ['cursor', 'anthropic/claude-3-sonnet'],
      ['codex', 'openai/gpt-5-codex'],
    ]);
    expect(entry.attributions[0].evidence[0]).toContain('119 lines in 2 files');
    expect(entry.attributions[1].evidence[0]).toContain('17 lines in 3 files');
    // The path rule's gate judges the model the note gives the quoted path's line, and only it.
    const check = aitrail(repo.dir, ['check', 'HEAD~1..HEAD', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(JSON.parse(check.stdout).violations.filter((each: { severity: string }) => each.severity === 'error')).toEqual([
      expect.objectContaining({ model: 'anthropic/claude-3-sonnet', path: 'docs/README (copy).md' }),
    ]);
  });

  // Differs from git-ai on purpose (README row 325): git-ai's blame gives a line whose key names no
  // record (and none found in another note) to nobody; aitrail counts it to an `unknown` agent, so
  // a gate never reads a note's AI line as a person's.
  it('the roundtrip snapshot as stored (prompts {}): the lines stay AI of an unknown model (row 325)', () => {
    const repo = makeRepo();
    repo.commit('base', { 'README.md': 'r\n' });
    noted(repo, { 'src/file.xyz': FILES['src/file.xyz'], 'src/file2.xyz': FILES['src/file2.xyz'] }, (sha) => noteText(ROUNDTRIP, {}, sha));
    const files = blameFiles(repo.dir);
    expect(files['src/file.xyz']).toEqual({ lines: 410, byModel: { unknown: 212 } });
    expect(files['src/file2.xyz']).toEqual({ lines: 260, byModel: { unknown: 113 } });
  });

  it('the no-attestations snapshot and a file header with zero lines: read, no line counted', () => {
    const repo = makeRepo();
    repo.commit('base', { 'README.md': 'r\n' });
    noted(repo, { 'empty.txt': '', 'src/x.rs': 'x\n' }, (sha) => noteText('empty.txt\n', { c9883b05a2487d6d: PROMPTS.c9883b05a2487d6d }, sha));
    const files = blameFiles(repo.dir);
    expect(files['src/x.rs']).toEqual({ lines: 1, byModel: {} });
    const log = aitrail(repo.dir, ['log', '-1', '--format', 'json']);
    expect(log.code, log.stderr).toBe(0);
    const attributions = (out: string) => JSON.parse(out)[0].attributions.map((each: { agent: string; model: string; evidence: string[] }) => [each.agent, each.model, each.evidence[0]]);
    const cursorNoLine = [['cursor', 'anthropic/claude-3-sonnet', 'note refs/notes/ai: git-ai tool "cursor", model "claude-3-sonnet", no line in this commit']];
    expect(attributions(log.stdout)).toEqual(cursorNoLine);
    const bare = makeRepo();
    bare.commit('base', { 'README.md': 'r\n' });
    noted(bare, { 'src/x.rs': 'x\n' }, (sha) => noteText('', { c9883b05a2487d6d: PROMPTS.c9883b05a2487d6d }, sha));
    const log2 = aitrail(bare.dir, ['log', '-1', '--format', 'json']);
    expect(log2.code, log2.stderr).toBe(0);
    expect(attributions(log2.stdout)).toEqual(cursorNoLine);
    expect(blameFiles(bare.dir)['src/x.rs']).toEqual({ lines: 1, byModel: {} });
  });

  it('a rebase that shifts lines under init’s hooks: the note keeps the same lines, shifted, as git-ai’s rewrite does', () => {
    const { repo, env } = hookedRepo();
    const quiet = { ...env, AITRAIL: '0' };
    repo.commit('base', { 'src/file.xyz': lines(5, 'h') }, quiet);
    repo.git(['checkout', '-q', '-b', 'feature']);
    // The commit appends 410 lines; the note (git-ai's roundtrip form, shifted past the 5 kept lines)
    // gives 6,7,24-227 to Codex and 405-410 to Claude.
    noted(repo, { 'src/file.xyz': lines(5, 'h') + lines(410, 'a'), 'src/my file.rs': lines(10, 'c') }, (sha) =>
      noteText('src/file.xyz\n  xyzAbc 6,7,24-227\n  123456 405-410\n"src/my file.rs"\n  c9883b05a2487d6d 1-10\n', PROMPTS, sha),
    );
    const before = blameFiles(repo.dir);
    expect(before['src/file.xyz']).toEqual({ lines: 415, byModel: { 'openai/gpt-5-codex': 206, 'anthropic/claude-3-opus': 6 } });
    repo.git(['checkout', '-q', 'main']);
    repo.commit('top', { 'src/file.xyz': `t1\nt2\nt3\n${lines(5, 'h')}` }, quiet);
    repo.git(['checkout', '-q', 'feature']);
    const rebase = tryGit(repo.dir, ['rebase', '-q', 'main'], { env });
    expect(rebase.code, rebase.stderr).toBe(0);
    const note = repo.git(['notes', '--ref=ai', 'show', 'HEAD'], { raw: true });
    const parsed = parseAuthorshipLog(note);
    expect(parsed.ok, note).toBe(true);
    const ranges = parsed.ok ? Object.fromEntries([...parsed.log.files].map(([file, entries]) => [file, entries.map((each) => [each.key, each.ranges])])) : {};
    // git-ai's rebase rewrite keeps each line with its prompt, 3 lines down (flat [start, end, …] pairs).
    expect(ranges).toEqual({
      'src/file.xyz': [['xyzAbc', [9, 10, 27, 230]], ['123456', [408, 413]]],
      'src/my file.rs': [['c9883b05a2487d6d', [1, 10]]],
    });
    expect(note.startsWith('src/file.xyz\n')).toBe(true);
    expect(note).toContain('"src/my file.rs"\n');
    const after = blameFiles(repo.dir);
    expect(after['src/file.xyz']).toEqual({ lines: 418, byModel: before['src/file.xyz']!.byModel });
    expect(after['src/my file.rs']).toEqual(before['src/my file.rs']);
  });
});

describe('git-ai’s newest form (prompt, session and human keys in one file) through an amend that shifts lines (s56o)', () => {
  // git-ai-project/git-ai src/authorship/authorship_log_serialization.rs (newest: `humans` and
  // `sessions` beside `prompts`, keys `h_`+14 hex, `s_`+14 hex (`::t_`+14 hex per checkpoint),
  // legacy 16 hex): its amend rewrite keeps each line with its key, moved with the line.
  it('the amended note gives every line the key it had, 2 lines down', () => {
    const { repo, env } = hookedRepo();
    const quiet = { ...env, AITRAIL: '0' };
    repo.commit('base', { 'README.md': 'r\n' }, quiet);
    const file = lines(12, 'x');
    const note = (sha: string) =>
      `"src/a b.ts"\n  c9883b05a2487d6d 1-3,7\n  h_31dce776f88375 4-5\n  s_0c9883b05a2487::t_9f8e7d6c5b4a32 8-10,12\n---\n${JSON.stringify(
        {
          schema_version: 'authorship/3.0.0',
          git_ai_version: '1.2.3',
          base_commit_sha: sha,
          prompts: { c9883b05a2487d6d: PROMPTS.c9883b05a2487d6d },
          humans: { h_31dce776f88375: { author: 'Test Human <human@example.com>' } },
          sessions: { s_0c9883b05a2487: { agent_id: { tool: 'claude', id: 'c1', model: 'claude-opus-4-6' }, human_author: 'Test Human <human@example.com>' } },
        },
        null,
        2,
      )}`;
    noted(repo, { 'src/a b.ts': file }, note);
    const before = blameFiles(repo.dir)['src/a b.ts'];
    expect(before).toEqual({ lines: 12, byModel: { 'anthropic/claude-3-sonnet': 4, 'anthropic/claude-opus-4.6': 4 } });
    repo.write('src/a b.ts', `n1\nn2\n${file}`);
    repo.git(['add', '-A']);
    const amend = tryGit(repo.dir, ['commit', '-q', '--amend', '--no-edit'], { env });
    expect(amend.code, amend.stderr).toBe(0);
    const text = repo.git(['notes', '--ref=ai', 'show', 'HEAD'], { raw: true });
    const parsed = parseAuthorshipLog(text);
    expect(parsed.ok, text).toBe(true);
    const ranges = parsed.ok ? [...parsed.log.files].map(([path, entries]) => [path, entries.map((each) => [each.record, each.ranges])]) : [];
    expect(ranges).toEqual([['src/a b.ts', [['c9883b05a2487d6d', [3, 5, 9, 9]], ['h_31dce776f88375', [6, 7]], ['s_0c9883b05a2487', [10, 12, 14, 14]]]]]);
    expect(text).toContain('  s_0c9883b05a2487::t_9f8e7d6c5b4a32 10-12,14\n');
    expect(text).toContain('"humans"');
    expect(blameFiles(repo.dir)['src/a b.ts']).toEqual({ lines: 14, byModel: before!.byModel });
  });
});

describe('a cherry-pick and a merge --squash that shift lines, under init’s hooks (s56o)', () => {
  // git-ai-project/git-ai tests/integration/cherry_pick.rs and src/authorship/authorship_log_serialization.rs
  // (convert_to_checkpoints_for_squash: merge --squash keeps each line with its prompt's agent): the
  // picked and the squashed commit's notes give the same lines, moved 3 down by main's new lines.
  it('both notes keep each line with its prompt, 3 lines down', () => {
    const { repo, env } = hookedRepo();
    const quiet = { ...env, AITRAIL: '0' };
    repo.commit('base', { 'src/file.xyz': lines(5, 'h') }, quiet);
    repo.git(['checkout', '-q', '-b', 'feature']);
    noted(repo, { 'src/file.xyz': lines(5, 'h') + lines(30, 'a'), 'src/my file.rs': lines(10, 'c') }, (sha) =>
      noteText('src/file.xyz\n  xyzAbc 6,7,24-27\n  123456 30-35\n"src/my file.rs"\n  c9883b05a2487d6d 1-10\n', PROMPTS, sha),
    );
    repo.git(['checkout', '-q', 'main']);
    repo.commit('top', { 'src/file.xyz': `t1\nt2\nt3\n${lines(5, 'h')}` }, quiet);
    repo.git(['checkout', '-q', '-b', 'pick']);
    const pick = tryGit(repo.dir, ['cherry-pick', 'feature'], { env });
    expect(pick.code, pick.stderr).toBe(0);
    const moved = 'src/file.xyz\n  xyzAbc 9-10,27-30\n  123456 33-38\n"src/my file.rs"\n  c9883b05a2487d6d 1-10\n';
    expect(repo.git(['notes', '--ref=ai', 'show', 'HEAD'], { raw: true }).split('---')[0]).toBe(moved);
    repo.git(['checkout', '-q', 'main']);
    const merge = tryGit(repo.dir, ['merge', '--squash', 'feature'], { env });
    expect(merge.code, merge.stderr).toBe(0);
    const commit = tryGit(repo.dir, ['commit', '-q', '-m', 'squashed'], { env });
    expect(commit.code, commit.stderr).toBe(0);
    const shown = tryGit(repo.dir, ['notes', '--ref=ai', 'show', 'HEAD']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout.split('---')[0]).toBe(moved);
    const files = blameFiles(repo.dir);
    expect(files['src/file.xyz']).toEqual({ lines: 38, byModel: { 'openai/gpt-5-codex': 6, 'anthropic/claude-3-opus': 6 } });
    expect(files['src/my file.rs']).toEqual({ lines: 10, byModel: { 'anthropic/claude-3-sonnet': 10 } });
  });
});

describe('a reset --soft and recommit, a rebase -i squash and notes squash of two noted commits (s56o)', () => {
  // git-ai-project/git-ai tests/ci_squash_rebase.rs and
  // src/authorship/authorship_log_serialization.rs (merged notes keep each line with its prompt; the
  // second commit's new top line moves the first commit's lines 1 down).
  it('each leaves the note git-ai would: the two notes joined, the first one’s lines moved', () => {
    const { repo, env } = hookedRepo();
    const quiet = { ...env, AITRAIL: '0' };
    repo.commit('base', { 'src/f.ts': lines(3, 'h') }, quiet);
    const base = repo.git(['rev-parse', 'HEAD']);
    noted(repo, { 'src/f.ts': lines(3, 'h') + lines(4, 'a') }, (sha) => noteText('src/f.ts\n  xyzAbc 4-5,7\n', PROMPTS, sha));
    noted(repo, { 'src/f.ts': `n1\n${lines(3, 'h')}${lines(4, 'a')}`, 'src/my file.rs': lines(3, 'c') }, (sha) => noteText('src/f.ts\n  123456 1\n"src/my file.rs"\n  c9883b05a2487d6d 1-3\n', PROMPTS, sha));
    const tip = repo.git(['rev-parse', 'HEAD']);
    const before = blameFiles(repo.dir);
    const counts = { 'src/f.ts': { lines: 8, byModel: { 'anthropic/claude-3-opus': 1, 'openai/gpt-5-codex': 3 } }, 'src/my file.rs': { lines: 3, byModel: { 'anthropic/claude-3-sonnet': 3 } } };
    expect(before).toMatchObject(counts);
    const joined = 'src/f.ts\n  xyzAbc 5-6,8\n  123456 1\n"src/my file.rs"\n  c9883b05a2487d6d 1-3\n';
    expect(tryGit(repo.dir, ['reset', '-q', '--soft', base], { env }).code).toBe(0);
    const commit = tryGit(repo.dir, ['commit', '-q', '-m', 'again'], { env });
    expect(commit.code, commit.stderr).toBe(0);
    expect(tryGit(repo.dir, ['notes', '--ref=ai', 'show', 'HEAD']).stdout.split('---')[0]).toBe(joined);
    expect(blameFiles(repo.dir)).toMatchObject(counts);
    repo.git(['reset', '-q', '--hard', tip]);
    const seq = { ...env, GIT_SEQUENCE_EDITOR: "sed -i -e '2s/^pick/squash/'", GIT_EDITOR: 'true' };
    const rebase = tryGit(repo.dir, ['rebase', '-q', '-i', base], { env: seq });
    expect(rebase.code, rebase.stderr).toBe(0);
    expect(repo.git(['rev-list', '--count', `${base}..HEAD`])).toBe('1');
    expect(tryGit(repo.dir, ['notes', '--ref=ai', 'show', 'HEAD']).stdout.split('---')[0]).toBe(joined);
    expect(blameFiles(repo.dir)).toMatchObject(counts);
    const ns = aitrail(repo.dir, ['notes', 'squash', `${base}..${tip}`, '--onto', 'HEAD', '--force']);
    // `notes squash` composes the same note from the branch's two: nothing to change.
    expect(ns.code, ns.stderr).toBe(0);
    expect(ns.stdout + ns.stderr).toContain('already this one');
    expect(tryGit(repo.dir, ['notes', '--ref=ai', 'show', 'HEAD']).stdout.split('---')[0]).toBe(joined);
  });
});

describe('paths with quotes and unicode, as git-ai writes them (s56o)', () => {
  // git-ai-project/git-ai src/authorship/authorship_log_serialization.rs: needs_quoting (a space, a
  // tab or a line feed) wraps the path in quotes with nothing escaped inside; the reader strips one
  // quote each side of a line that starts and ends with one ("no unescaping needed").
  it('blame counts each path’s lines and a path rule judges them', () => {
    const paths = ['src/say "hi".ts', 'src/say "hi" now.ts', 'src/日本語 ファイル.ts', 'src/café.ts'];
    const repo = makeRepo();
    repo.commit('base', { 'README.md': 'r\n', '.aitrailrc.yml': 'policy: {allow: ["*"], undeclared: allow, paths: [{files: ["src/**"], deny: ["anthropic/claude-3-opus"]}]}\n' });
    noted(repo, Object.fromEntries(paths.map((path) => [path, lines(4, 'x')])), (sha) =>
      noteText(paths.map((path, at) => `${/[ \t\n]/.test(path) ? `"${path}"` : path}\n  123456 1-${at + 1}\n`).join(''), PROMPTS, sha),
    );
    const files = blameFiles(repo.dir);
    paths.forEach((path, at) => expect(files[path], path).toEqual({ lines: 4, byModel: { 'anthropic/claude-3-opus': at + 1 } }));
    const check = aitrail(repo.dir, ['check', 'HEAD~1..HEAD', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    const errors = JSON.parse(check.stdout).violations.filter((each: { severity: string }) => each.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ model: 'anthropic/claude-3-opus' });
    expect([...(errors[0].paths ?? [errors[0].path])].sort()).toEqual([...paths].sort());
  });
});

describe('a person’s fixup of an AI line, autosquashed under init’s hooks (s56o)', () => {
  // git-ai-project/git-ai tests/ci_squash_rebase.rs (a squashed rebase keeps AI lines, a line a
  // person rewrote is no longer the prompt's): the note keeps 2,4-5, line 3 is the person's.
  it('the squashed note drops the line the person rewrote', () => {
    const { repo, env } = hookedRepo();
    const quiet = { ...env, AITRAIL: '0' };
    repo.commit('base', { 'src/f.ts': 'h\n' }, quiet);
    const base = repo.git(['rev-parse', 'HEAD']);
    const first = noted(repo, { 'src/f.ts': 'h\na1\na2\na3\na4\n' }, (sha) => noteText('src/f.ts\n  xyzAbc 2-5\n', PROMPTS, sha));
    repo.write('src/f.ts', 'h\na1\nMINE\na3\na4\n');
    repo.git(['add', '-A']);
    const fix = tryGit(repo.dir, ['commit', '-q', '--fixup', first], { env });
    expect(fix.code, fix.stderr).toBe(0);
    expect(tryGit(repo.dir, ['notes', '--ref=ai', 'show', 'HEAD']).code).not.toBe(0);
    const seq = { ...env, GIT_SEQUENCE_EDITOR: 'true', GIT_EDITOR: 'true' };
    const rebase = tryGit(repo.dir, ['rebase', '-q', '-i', '--autosquash', base], { env: seq });
    expect(rebase.code, rebase.stderr).toBe(0);
    expect(repo.git(['rev-list', '--count', `${base}..HEAD`])).toBe('1');
    expect(tryGit(repo.dir, ['notes', '--ref=ai', 'show', 'HEAD']).stdout.split('---')[0]).toBe('src/f.ts\n  xyzAbc 2,4-5\n');
    expect(blameFiles(repo.dir)['src/f.ts']).toEqual({ lines: 5, byModel: { 'openai/gpt-5-codex': 3 } });
  });
});

describe('git-ai’s legacy `human` key over an AI entry (s56o)', () => {
  // git-ai-project/git-ai src/authorship/authorship_log_serialization.rs get_line_attribution: a key
  // with no record in `prompts` (the legacy `human` sentinel has none) is skipped, so an earlier
  // entry with a record keeps the line (README row 325); a line only `human` claims is no AI's.
  it('the prompt keeps lines 1-4, lines 5-6 are no AI’s', () => {
    const repo = makeRepo();
    repo.commit('base', { 'README.md': 'r\n' });
    noted(repo, { 'src/a.ts': lines(6, 'x') }, (sha) => noteText('src/a.ts\n  xyzAbc 1-4\n  human 2-3,5-6\n', PROMPTS, sha));
    expect(blameFiles(repo.dir)['src/a.ts']).toEqual({ lines: 6, byModel: { 'openai/gpt-5-codex': 4 } });
  });
});

describe('a prompt-only note (no attestation line) cherry-picked under init’s hooks (s56o)', () => {
  // git-ai-project/git-ai tests/integration/cherry_pick.rs
  // (test_cherry_pick_preserves_prompt_only_commit_note_metadata): the picked commit's note keeps
  // the prompt record (custom_attributes too) with base_commit_sha set to the new commit.
  it('the record is carried, base_commit_sha is the new commit, and the gate judges its model', () => {
    const { repo, env } = hookedRepo();
    const quiet = { ...env, AITRAIL: '0' };
    repo.commit('base', { 'base.txt': 'base\n', '.aitrailrc.yml': 'policy: {deny: ["qwen/*"]}\n' }, quiet);
    repo.git(['checkout', '-q', '-b', 'feature']);
    const promptOnly = { 'prompt-only-session': { ...prompt('mock_ai', 'session-1', 'qwen3-coder', 'Test User <test@example.com>', []), accepted_lines: 0, custom_attributes: { team: 'backend' }, messages_url: null } };
    const src = noted(repo, { 'feature.txt': 'human-only change\n' }, (sha) => noteText('', promptOnly, sha), quiet);
    repo.git(['checkout', '-q', 'main']);
    const pick = tryGit(repo.dir, ['cherry-pick', src], { env });
    expect(pick.code, pick.stderr).toBe(0);
    const head = repo.git(['rev-parse', 'HEAD']);
    const carried = JSON.parse(tryGit(repo.dir, ['notes', '--ref=ai', 'show', 'HEAD']).stdout.split('---\n')[1]!);
    expect(carried.base_commit_sha).toBe(head);
    expect(carried.prompts).toEqual(promptOnly);
    const log = aitrail(repo.dir, ['log', '-1', '--format', 'json']);
    expect(log.code, log.stderr).toBe(0);
    expect(JSON.parse(log.stdout)[0].attributions).toEqual([expect.objectContaining({ agent: 'mock-ai', model: 'qwen/qwen3-coder' })]);
    const check = aitrail(repo.dir, ['check', 'HEAD~1..HEAD', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(JSON.parse(check.stdout).violations).toContainEqual(expect.objectContaining({ severity: 'error', model: 'qwen/qwen3-coder' }));
  });
});
