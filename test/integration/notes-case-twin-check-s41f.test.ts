import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';

const POLICY = 'policy:\n  paths:\n    - files: ["src/**"]\n      deny: ["qwen/*"]\n';

/** refs/notes/ai set to one notes commit holding `notes` (path → note text), written with git mktree as given. */
function notesTree(repo: TestRepo, notes: Record<string, string>): void {
  const lines = Object.entries(notes).map(([path, text]) => `100644 blob ${repo.git(['hash-object', '-w', '--stdin'], { input: text })}\t${path}`);
  const tree = repo.git(['mktree'], { input: `${lines.join('\n')}\n` });
  repo.git(['update-ref', 'refs/notes/ai', repo.git(['commit-tree', tree, '-m', 'notes'])]);
}

/** A person's commit of three lines in `src/x.ts` on top of POLICY: the repository and the commit. */
function personCommit(): { repo: TestRepo; sha: string } {
  const repo = makeRepo();
  repo.commit('chore: policy\n', { '.aitrailrc.yml': POLICY });
  const sha = repo.commit('feat: x\n', { 'src/x.ts': 'a\nb\nc\n' });
  return { repo, sha };
}

const claude = gitAiNote({ 'src/x.ts': [session(NOTE_KEYS.claude, '1-3')] });
const qwen = gitAiNote({ 'src/x.ts': [session(NOTE_KEYS.qwen, '1-3')] });

describe('check: a second note for a commit at a path in the other case (576, row 461 in CI)', () => {
  it('fails closed: git and git-ai read the two notes joined, the reader only the lower-case one', () => {
    const { repo, sha } = personCommit();
    notesTree(repo, { [sha]: claude, [sha.toUpperCase()]: qwen });
    expect(repo.git(['notes', '--ref', 'ai', 'show', sha])).toContain(NOTE_KEYS.qwen);
    const check = aitrail(repo.dir, ['check', 'HEAD~1..HEAD']);
    expect(check.code, check.stdout + check.stderr).toBe(3);
    expect(check.stderr).toContain(`cannot judge ${sha.slice(0, 12)}: refs/notes/ai holds two notes for it at the same depth (paths that differ only in case`);
  });
});
