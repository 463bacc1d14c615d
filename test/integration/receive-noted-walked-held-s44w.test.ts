import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAUDE_DECLARED, commitCase, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { tempDir, type TestRepo } from '../helpers/gitdir.js';
import { qwenNote, QWEN_NOTES } from '../helpers/qwen-code-notes.js';

// 38debe9 (judge-groups.ts) no longer judges by itself a noted commit that a walk of the same push
// judged under the same policy (no path rules). Each case here is a noted commit some walk of the
// push judges, in a shape where its judgement could depend on the walk: it is refused, naming it.

const refusedShas = (stderr: string) => [...new Set([...stderr.matchAll(/(?:error|warning) {1,3}([0-9a-f]{12}) /g)].map((match) => match[1]))].sort();
const DENY = 'policy:\n  deny: ["qwen/*"]\n';

/** A git-ai note giving `file`'s first line to the Qwen session, whose record it does not hold (git-ai finds it in another note). */
function foreignQwenNote(file: string): string {
  const metadata = { schema_version: 'authorship/3.0.0', git_ai_version: '1.4.5', base_commit_sha: '0'.repeat(40), prompts: {}, humans: {}, sessions: {} };
  return `${file}\n  ${session(NOTE_KEYS.qwen, '1')}\n---\n${JSON.stringify(metadata, null, 2)}\n`;
}

function push(work: TestRepo, refs: string[]) {
  return tryGit(work.dir, ['push', '--no-verify', 'origin', ...refs]);
}

describe('pre-receive: noted commits a walk judged, refused by the walk (38debe9 held, s44w)', () => {
  it("a Qwen Code note (refs/notes/ai-attribution) pushed with its branch", () => {
    const { remote, work, base } = policyServer(DENY);
    const sha = commitCase(work, 'q', `feat: q\n\n${CLAUDE_DECLARED}\n`);
    qwenNote(work, sha, 'Qwen-Coder', ['src/q.ts']);
    const result = push(work, ['main', QWEN_NOTES]);
    expect(result.code, result.stderr).not.toBe(0);
    expect(refusedShas(result.stderr)).toEqual([sha.slice(0, 12)]);
    expect(remote.git(['rev-parse', 'main'])).toBe(base);
  });

  it('a note whose Qwen record sits in a note of another commit of the same push, before or after it in the walk', () => {
    const { remote, work, base } = policyServer(DENY);
    const first = commitCase(work, 'a', `feat: a\n\n${CLAUDE_DECLARED}\n`);
    addNote(work, first, foreignQwenNote('src/a.ts'));
    const holder = commitCase(work, 'b', `feat: b\n\n${CLAUDE_DECLARED}\n`);
    addNote(work, holder, gitAiNote({ 'src/b.ts': [session(NOTE_KEYS.qwen, '1')] }));
    const last = commitCase(work, 'c', `feat: c\n\n${CLAUDE_DECLARED}\n`);
    addNote(work, last, foreignQwenNote('src/c.ts'));
    const result = push(work, ['main', 'refs/notes/ai']);
    expect(result.code, result.stderr).not.toBe(0);
    expect(refusedShas(result.stderr)).toEqual([first, holder, last].map((sha) => sha.slice(0, 12)).sort());
    expect(remote.git(['rev-parse', 'main'])).toBe(base);
  });

  it('a merge commit noted, pushed with its branch', () => {
    const { remote, work, base } = policyServer(DENY);
    work.git(['checkout', '-q', '-b', 'topic']);
    commitCase(work, 't', `feat: t\n\n${CLAUDE_DECLARED}\n`);
    work.git(['checkout', '-q', 'main']);
    commitCase(work, 'm', `feat: m\n\n${CLAUDE_DECLARED}\n`);
    work.git(['merge', '-q', '--no-ff', '--no-verify', '-m', `Merge topic\n\n${CLAUDE_DECLARED}`, 'topic']);
    const merge = work.git(['rev-parse', 'HEAD']);
    addNote(work, merge, gitAiNote({ 'src/t.ts': [session(NOTE_KEYS.qwen, '1')] }));
    const result = push(work, ['main', 'refs/notes/ai']);
    expect(result.code, result.stderr).not.toBe(0);
    expect(refusedShas(result.stderr)).toEqual([merge.slice(0, 12)]);
    expect(remote.git(['rev-parse', 'main'])).toBe(base);
  });

  it('several refs: the noted commit only on a new side branch, main moved too, a third ref deleted in the same push', () => {
    const { remote, work, base } = policyServer(DENY);
    expect(push(work, ['main:refs/heads/old']).code).toBe(0);
    commitCase(work, 'm', `feat: m\n\n${CLAUDE_DECLARED}\n`);
    work.git(['checkout', '-q', '-b', 'side']);
    const sha = commitCase(work, 's', `feat: s\n\n${CLAUDE_DECLARED}\n`);
    addNote(work, sha, gitAiNote({ 'src/s.ts': [session(NOTE_KEYS.qwen, '1')] }));
    for (const atomic of [[], ['--atomic']]) {
      const result = push(work, [...atomic, 'main', 'side', ':refs/heads/old', 'refs/notes/ai']);
      expect(result.code, result.stderr).not.toBe(0);
      expect(refusedShas(result.stderr)).toEqual([sha.slice(0, 12)]);
      expect(remote.git(['for-each-ref', '--format=%(refname) %(objectname)'])).toBe(`refs/heads/main ${base}\nrefs/heads/old ${base}`);
    }
  });

  it("unknownModel: deny, undeclared: warn, no path rules: the noted commit refused, the person's not named", () => {
    const { remote, work, base } = policyServer('policy:\n  deny: ["qwen/*"]\n  unknownModel: deny\n  undeclared: warn\n');
    const person = commitCase(work, 'p', 'feat: p\n');
    const sha = commitCase(work, 'u', `feat: u\n\n${CLAUDE_DECLARED}\n`);
    addNote(work, sha, foreignQwenNote('src/u.ts').replace(NOTE_KEYS.qwen, 's_0000000000dead'));
    const result = push(work, ['main', 'refs/notes/ai']);
    expect(result.code, result.stderr).not.toBe(0);
    expect(refusedShas(result.stderr)).toContain(sha.slice(0, 12));
    expect(refusedShas(result.stderr)).not.toContain(person.slice(0, 12));
    expect(remote.git(['rev-parse', 'main'])).toBe(base);
  });

  it('the server judging by --config (the committed policy allows everything)', () => {
    const file = join(tempDir('aitrail-server-policy-'), 'policy.yml');
    writeFileSync(file, DENY);
    const { remote, work, base } = policyServer('policy:\n  allow: ["*"]\n', `--config ${file}`);
    const sha = commitCase(work, 'c', `feat: c\n\n${CLAUDE_DECLARED}\n`);
    addNote(work, sha, gitAiNote({ 'src/c.ts': [session(NOTE_KEYS.qwen, '1')] }));
    const result = push(work, ['main', 'refs/notes/ai']);
    expect(result.code, result.stderr).not.toBe(0);
    expect(refusedShas(result.stderr)).toEqual([sha.slice(0, 12)]);
    expect(remote.git(['rev-parse', 'main'])).toBe(base);
  });
});
