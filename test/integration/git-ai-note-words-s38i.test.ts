import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { addNote } from '../helpers/git-ai-notes.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';

// 486 reads a git-ai note's model as one name: `gpt-5 qwen3-coder` (or `x qwen3-coder`) read as
// `openai/unknown` (`unknown`), Qwen's word unjudged; and only the first 4,096 characters were read, so
// 5,000 spaces, BELs or colour resets before `qwen3-coder` hid it as 486's controls did. Under
// `deny: ["qwen/*"]` check, pre-push and pre-receive passed the commit with a warning at most.

/** A git-ai note giving lines 2-3 of `path` to one session whose agent_id is `tool`/`model`. */
function noteNaming(path: string, tool: string, model: string): string {
  const metadata = { schema_version: 'authorship/3.0.0', git_ai_version: '1.4.5', base_commit_sha: '0'.repeat(40), prompts: {}, sessions: { s_5a5a5a5a5a5a5a: { agent_id: { tool, id: 'c3', model } } } };
  return `${path}\n  s_5a5a5a5a5a5a5a::t_9f8e7d6c5b4a32 2-3\n---\n${JSON.stringify(metadata, null, 2)}`;
}

/** main holds `policy`; feature one silent commit of `path` (3 lines): its sha. */
function silentCommit(policy: string, path = 'app.ts'): { repo: TestRepo; sha: string } {
  const repo = makeRepo();
  repo.commit('policy', { '.aitrailrc.yml': policy, [path]: 'a\n' });
  repo.git(['checkout', '-q', '-b', 'feature']);
  return { repo, sha: repo.commit('work', { [path]: 'a\nb\nc\n' }) };
}

type Violations = { violations: { sha: string; rule: string; model: string }[] };

describe('a git-ai note whose model value names Qwen among other words (s38i)', () => {
  it.each([
    ['another model before it', 'gpt-5 qwen3-coder'],
    ['a word before it', 'x qwen3-coder'],
    ['5,000 spaces before it', `${' '.repeat(5000)}qwen3-coder`],
    ['5,000 BELs before it', `${'\u0007'.repeat(5000)}qwen3-coder`],
    ['1,200 colour resets before it', `${'\u001b[0m'.repeat(1200)}qwen3-coder`],
    ['a letter and 5,000 spaces before it', `x${' '.repeat(5000)}qwen3-coder`],
  ])('%s: check refuses Qwen', (_what, model) => {
    const { repo, sha } = silentCommit('policy:\n  deny: ["qwen/*"]\n  undeclared: allow\n');
    addNote(repo, sha, noteNaming('app.ts', 'opencode', model));
    const result = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
    expect(result.code, result.stderr).toBe(1);
    expect((JSON.parse(result.stdout) as Violations).violations).toContainEqual(expect.objectContaining({ sha, rule: 'model-denied', model: 'qwen/qwen3-coder' }));
  });

  it('under a path rule, the lines the note gives such a value are judged for each model it names', () => {
    const { repo, sha } = silentCommit('policy:\n  undeclared: allow\n  paths:\n    - files: ["src/crypto/**"]\n      deny: ["qwen/*"]\n', 'src/crypto/k.ts');
    addNote(repo, sha, noteNaming('src/crypto/k.ts', 'opencode', 'gpt-5 qwen3-coder'));
    const result = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toContain('qwen/qwen3-coder');
  });

  it('an honest name of several words reads as its one model, nothing more', () => {
    const { repo, sha } = silentCommit('policy:\n  deny: ["qwen/*"]\n  undeclared: allow\n');
    addNote(repo, sha, noteNaming('app.ts', 'opencode', 'Claude Sonnet 4.5 (Thinking)'));
    const result = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
    expect(result.code, result.stdout).toBe(0);
    expect((JSON.parse(result.stdout) as Violations).violations).toEqual([]);
  });
});
