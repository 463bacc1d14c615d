// A git-ai note on a file whose name holds a carriage return, carried by aitrail's hooks through a
// rebase and a cherry-pick (session 36, c). git-ai writes such a path quoted (a CR is whitespace)
// and reads it back, so its own rewrites keep the file's lines; aitrail's carry left the file out
// (its writer refused any CR, and `cat-file --batch` input loses a CR at a name's end), so the
// rewritten commit's lines were no one's: `blame` called Qwen's lines a person's and `check`
// passed them under a path rule. Real repositories with aitrail's hooks, real git commands.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { hookedRepo } from '../helpers/hooked-repo.js';
import type { TestRepo } from '../helpers/gitdir.js';

const POLICY = 'policy: {allow: ["*"], undeclared: allow, paths: [{files: ["src/**"], deny: ["qwen/*"]}]}\n';

function expectQwenKept(repo: TestRepo, path: string, range: 'main..feature' | 'HEAD~1..HEAD'): void {
  const note = repo.git(['notes', '--ref=ai', 'show', 'HEAD'], { raw: true });
  expect(note).toContain(`"${path}"\n  ${session(NOTE_KEYS.qwen, '3-6')}\n`);
  const blame = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
  expect(blame.code, blame.stderr).toBe(0);
  const file = JSON.parse(blame.stdout).files.find((each: { path: string }) => each.path === path);
  expect(file, note).toMatchObject({ lines: 7, ai: 4, byModel: { 'qwen/qwen3-coder': 4 } });
  const check = aitrail(repo.dir, ['check', range, '--format', 'json']);
  expect(check.code, check.stdout + check.stderr).toBe(1);
  expect(JSON.parse(check.stdout).violations).toEqual([expect.objectContaining({ severity: 'error', model: 'qwen/qwen3-coder', path })]);
}

/** main: `path` (and a file named as it is without its last character, which a lost CR would name instead); feature: Qwen's silent, noted commit. */
function notedBranch(path: string) {
  const { repo, env } = hookedRepo();
  const quiet = { ...env, AITRAIL: '0' };
  repo.commit('base', { '.aitrailrc.yml': POLICY, [path]: 'h\n', [path.slice(0, -1)]: 'other\n' }, quiet);
  repo.git(['checkout', '-q', '-b', 'feature']);
  const sha = repo.commit('x', { [path]: 'h\na\nb\nc\nd\ne\n' }, quiet);
  addNote(repo, sha, gitAiNote({ [path]: [session(NOTE_KEYS.qwen, '2-5')] }));
  repo.git(['checkout', '-q', 'main']);
  repo.commit('top', { [path]: 'top\nh\n' }, quiet);
  return { repo, env, sha };
}

const PATHS = [
  ['a CR inside the name', 'src/a\rb.ts'],
  ['a CR ending the name', 'src/ab.ts\r'],
] as const;

describe('a noted file whose name holds a carriage return (s36c)', () => {
  it.each(PATHS)('%s, rebased: the rewritten note keeps Qwen’s lines', (_name, path) => {
    const { repo, env } = notedBranch(path);
    repo.git(['checkout', '-q', 'feature']);
    const rebase = tryGit(repo.dir, ['rebase', '-q', 'main'], { env });
    expect(rebase.code, rebase.stderr).toBe(0);
    expectQwenKept(repo, path, 'main..feature');
  });

  it.each(PATHS)('%s, cherry-picked: the picked commit’s note follows its lines', (_name, path) => {
    const { repo, env } = notedBranch(path);
    const pick = tryGit(repo.dir, ['cherry-pick', 'feature'], { env });
    expect(pick.code, pick.stderr).toBe(0);
    expectQwenKept(repo, path, 'HEAD~1..HEAD');
  });
});
