import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo } from '../helpers/gitdir.js';

/*
 * Row 1016: a note's lines are counted from git's diff of the commit (rows 964, 990), and git read the
 * checked-out `.gitattributes` to decide what it diffs as text: `-diff` (or `binary`) on the noted file made git
 * print `Binary files … differ`, so the count was given up and the note's own claim came back (marked, row 1000);
 * `diff` set made git load a file over core.bigFileThreshold whole (row 993's cap undone: 40 MB, 0.86 GB).
 * Now the diff runs from the git dir with no index: no work-tree or index `.gitattributes` decides.
 */

const POLICY = 'policy:\n  deny: ["qwen/*"]\n  undeclared: warn\n';
const COUNTED = 'note refs/notes/ai: git-ai tool "opencode", model "qwen3-coder", 3 lines in 1 file';

interface Violation { sha: string; rule: string; model: string; message: string }

describe('a note\'s line count ignores the repository\'s .gitattributes (row 1016)', () => {
  for (const attributes of ['src/** -diff\n', 'src/** binary\n']) {
    it(`check and log: a committed \`${attributes.trim()}\` does not give the count up: the 3 lines the commit adds are said`, () => {
      const repo = makeRepo();
      repo.commit('policy', { '.aitrailrc.yml': POLICY, 'README.md': 'hi\n' });
      repo.git(['checkout', '-q', '-b', 'feature']);
      repo.commit('chore: attributes', { '.gitattributes': attributes });
      const sha = repo.commit('feat: keys', { 'src/k.ts': 'a\nb\nc\n' });
      addNote(repo, sha, gitAiNote({ 'src/k.ts': [session(NOTE_KEYS.qwen, '1-1000000')] }));
      const check = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
      expect(check.code, check.stderr).toBe(1);
      expect(check.stderr).not.toContain('cannot diff commit');
      const violations = (JSON.parse(check.stdout) as { violations: Violation[] }).violations;
      expect(violations).toContainEqual(expect.objectContaining({ sha, rule: 'model-denied', model: 'qwen/qwen3-coder' }));
      const said = violations.filter((violation) => violation.sha === sha).map((violation) => violation.message).join('\n');
      expect(said).toContain(COUNTED);
      expect(said).not.toContain('1000000');
      const log = aitrail(repo.dir, ['log', '--format', 'json', 'main..feature']);
      expect(log.code, log.stderr).toBe(0);
      expect(log.stderr).not.toContain('cannot diff commit');
      expect(log.stdout).toContain('3 lines in 1 file');
      expect(log.stdout).not.toContain('1000000');
    });
  }

  // Today's warning cut its own reason mid-word (`its lines are not coun…`): the reason named the commit the warning names, past 200 characters.
  it('log: a noted file binary by its content gives the count up, and the warning says why whole', () => {
    const repo = makeRepo();
    repo.commit('policy', { '.aitrailrc.yml': POLICY, 'README.md': 'hi\n' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    const sha = repo.commit('feat: keys', { 'src/k.ts': 'a\u0000b\nc\n' });
    addNote(repo, sha, gitAiNote({ 'src/k.ts': [session(NOTE_KEYS.qwen, '1-1000000')] }));
    const log = aitrail(repo.dir, ['log', 'main..feature']);
    expect(log.code, log.stderr).toBe(0);
    const warning = log.stdout.split('\n').concat(log.stderr.split('\n')).find((line) => line.includes('cannot diff commit'));
    expect(warning).toContain(`cannot diff commit ${sha} to count the lines its note in refs/notes/ai claims (the diff of its noted files is more than 16,777,216 bytes, or git shows one of them as binary); the line count shown for it is the note's own claim, unchecked.`);
    expect(warning).not.toContain('…');
  });
});
