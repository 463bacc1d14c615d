import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';

const claude = (ranges: string) => session(NOTE_KEYS.claude, ranges);

function blame(repo: TestRepo, args: string[] = []) {
  const result = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache', ...args]);
  expect(result.code, result.stderr).toBe(0);
  return { report: JSON.parse(result.stdout), stderr: result.stderr };
}

describe('git-ai notes: red team', () => {
  it('an ignored revision whose AI attribution is only in its note is named in ignoredAi and warned about', () => {
    const repo = makeRepo();
    repo.commit('base', { 'a.ts': 'one\ntwo\nthree\nfour\n' });
    // The agent rewrote lines 2-3; only the note says so (the message is silent).
    const ai = repo.commit('tidy', { 'a.ts': 'one\nTWO = 2\nTHREE = 3\nfour\n' });
    addNote(repo, ai, gitAiNote({ 'a.ts': [claude('2-3')] }));
    expect(blame(repo).report.totals).toMatchObject({ ai: 2, byAgent: { 'claude-code': 2 } });
    // Listed in the committed ignore-revs file (blame.ignoreRevsFile), its lines go to the base commit.
    repo.commit('ignore formatting', { '.git-blame-ignore-revs': `${ai}\n` });
    repo.git(['config', 'blame.ignoreRevsFile', '.git-blame-ignore-revs']);
    const { report, stderr } = blame(repo, ['--', 'a.ts']);
    expect(report.totals.ai).toBe(0);
    expect(report.ignoredAi).toEqual([ai]);
    expect(stderr).toMatch(/told to ignore 1 commit\(s\) with AI attribution/);
    // A note that attests only a person's lines is no AI attribution.
    addNote(repo, ai, gitAiNote({ 'a.ts': [`${NOTE_KEYS.human} 2-3`] }));
    expect(blame(repo, ['--', 'a.ts']).report.ignoredAi).toBeUndefined();
  });
});
