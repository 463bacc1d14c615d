import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { CLAUDE_DECLARED, tryGit } from '../helpers/enforce-repos.js';
import { makeRepo } from '../helpers/gitdir.js';

/** Review of session 43's speed changes: each must change no output byte and no exit code of 4555ec2. */
describe('aitrail log on a HEAD that names no commit but a tree, a blob or a tag of a tree (0c97b56)', () => {
  it('says `No commits yet.` and exits 0 before the notes ref is checked, as at 4555ec2 (git log lists nothing there and exits 0)', () => {
    const repo = makeRepo();
    repo.commit(`feat: a\n\n${CLAUDE_DECLARED}\n`, { 'a.txt': 'a\n' });
    const tree = repo.git(['rev-parse', 'HEAD^{tree}']);
    const blob = repo.git(['rev-parse', 'HEAD:a.txt']);
    const tagOfTree = tryGit(repo.dir, ['mktag'], { input: `object ${tree}\ntype tree\ntag t\ntagger T <t@e.x> 0 +0000\n\nt\n` }).stdout.trim();
    for (const target of [tree, blob, tagOfTree]) {
      writeFileSync(join(repo.dir, '.git', 'HEAD'), `${target}\n`);
      for (const notesRef of ['', 'a..b', 'refs/heads/main']) {
        // 0c97b56: exit 2, "invalid --notes-ref" (git log ran first and succeeded with nothing).
        expect(aitrail(repo.dir, ['log', '--notes-ref', notesRef]), `${target} ${notesRef}`).toMatchObject({ code: 0, stdout: 'No commits yet.\n', stderr: '' });
      }
      expect(aitrail(repo.dir, ['log', '--format', 'json', '--notes-ref', ''])).toMatchObject({ code: 0, stdout: '[]\n', stderr: '' });
    }
  });
});
