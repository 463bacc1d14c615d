// Review of row 925 (session 49, helper u): a huge commit judged without its files must still be refused when an AI
// is named where the other layers read it: a merge's `mergetag` header (row 920), past the message limits (row 930),
// Qwen Code's notes ref, or a git-ai note pushed after the commit.
import { describe, expect, it } from 'vitest';
import { policyServer, tryGit, QWEN, type Project } from '../helpers/enforce-repos.js';
import { aitrail } from '../helpers/cli.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { qwenNote } from '../helpers/qwen-code-notes.js';
import { vendoredCommit as vendored } from '../helpers/tree-bomb.js';

const POLICY = 'policy:\n  undeclared: deny\n  deny: ["qwen/*"]\n';
const REFUSED = /^aitrail: cannot judge commit ([0-9a-f]{40}): it changes more than 2000000 files/m;

/** A merge of `side` into `parent` taking side's tree, whose `mergetag` header holds `tagMessage` (as `git merge <signed tag> -m` writes it). */
function mergeWithTag(work: Project['work'], parent: string, side: string, tagMessage: string): string {
  const tree = work.git(['rev-parse', `${side}^{tree}`]);
  const tag = `object ${side}\ntype commit\ntag v-q\ntagger T <t@example.com> 1700000000 +0000\n\n${tagMessage}`;
  const header = `mergetag ${tag.split('\n').join('\n ')}`;
  const raw = `tree ${tree}\nparent ${parent}\nparent ${side}\nauthor P <p@example.com> 1700000000 +0000\ncommitter P <p@example.com> 1700000000 +0000\n${header}\n\nMerge release q\n`;
  const sha = work.git(['hash-object', '-t', 'commit', '-w', '--stdin'], { input: raw });
  expect(work.git(['cat-file', '-p', sha])).toContain('mergetag object');
  return sha;
}

function check(work: Project['work'], tip: string): { code: number; stdout: string; stderr: string } {
  work.git(['branch', '-f', 'big', tip]);
  return aitrail(work.dir, ['check', 'main..big']);
}

describe('a huge commit judged without its files still shows every AI signal (review of row 925)', () => {
  it('a huge merge whose mergetag header declares Qwen, in its trailer block or past the message limits', () => {
    const server = policyServer(POLICY);
    const side = vendored(server.work, server.base, 'vendor: import the SDK\n');
    const plain = mergeWithTag(server.work, server.base, side, `release q\n\n${QWEN}\n`);
    const far = mergeWithTag(server.work, server.base, side, `${'a note line\n'.repeat(30_000)}${QWEN}\n\nAnd a closing paragraph of prose.\n`);
    for (const merge of [plain, far]) {
      const run = check(server.work, merge);
      expect(run.code, run.stderr).toBe(3);
      expect(REFUSED.exec(run.stderr)?.[1]).toBe(merge);
      const push = tryGit(server.work.dir, ['push', '--no-verify', 'origin', `${merge}:refs/heads/merged`]);
      expect(push.code).not.toBe(0);
      expect(tryGit(server.remote.dir, ['rev-parse', '--verify', '-q', 'refs/heads/merged']).code).not.toBe(0);
    }
  });

  it("a huge commit named by Qwen Code's notes ref (refs/notes/ai-attribution)", () => {
    const server = policyServer(POLICY);
    const commit = vendored(server.work, server.base, 'vendor: import, by hand\n');
    qwenNote(server.work, commit, 'Qwen-Coder', ['vendor/e0/e0/e0']);
    const run = check(server.work, commit);
    expect(run.code, run.stderr).toBe(3);
    expect(REFUSED.exec(run.stderr)?.[1]).toBe(commit);
  });

  it('a git-ai note naming Qwen pushed after the huge commit went in', () => {
    const server = policyServer(POLICY);
    const commit = vendored(server.work, server.base, 'vendor: import the SDK\n');
    const first = tryGit(server.work.dir, ['push', '--no-verify', 'origin', `${commit}:refs/heads/vendor`]);
    expect(first.code, first.stderr).toBe(0);
    addNote(server.work, commit, gitAiNote({ 'vendor/e0/e0/e0': [session(NOTE_KEYS.qwen, '1')] }));
    const notes = tryGit(server.work.dir, ['push', '--no-verify', 'origin', 'refs/notes/ai:refs/notes/ai']);
    expect(notes.code).not.toBe(0);
    expect(REFUSED.exec(notes.stderr.replace(/^remote: /gm, ''))?.[1]).toBe(commit);
    expect(tryGit(server.remote.dir, ['rev-parse', '--verify', '-q', 'refs/notes/ai']).code).not.toBe(0);
  });
});
