import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { addNote } from '../helpers/git-ai-notes.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';

const POLICY = 'policy:\n  deny: ["qwen/*"]\n  undeclared: allow\n';

/** A git-ai note (as git-ai's serializer writes it) giving lines 2-3 of `app.ts` to one session whose agent_id is `tool`/`model`. */
function noteNaming(tool: string, model: string): string {
  const metadata = {
    schema_version: 'authorship/3.0.0',
    git_ai_version: '1.4.5',
    base_commit_sha: '0'.repeat(40),
    prompts: {},
    sessions: { s_5a5a5a5a5a5a5a: { agent_id: { tool, id: 'c3', model } } },
  };
  return `app.ts\n  s_5a5a5a5a5a5a5a::t_9f8e7d6c5b4a32 2-3\n---\n${JSON.stringify(metadata, null, 2)}`;
}

/** main holds the policy; feature one silent commit of `app.ts` (3 lines): its sha. */
function silentCommit(): { repo: TestRepo; sha: string } {
  const repo = makeRepo();
  repo.commit('policy', { '.aitrailrc.yml': POLICY, 'app.ts': 'a\n' });
  repo.git(['checkout', '-q', '-b', 'feature']);
  return { repo, sha: repo.commit('work', { 'app.ts': 'a\nb\nc\n' }) };
}

interface CheckJson {
  ok: boolean;
  violations: { sha: string; rule: string; model: string; agent: string }[];
}

// Control characters a terminal (and `git notes show`, and git-ai's own display) shows as nothing
// or as a blank, around or inside a model name git-ai recorded.
const HIDDEN: Array<[string, string]> = [
  ['a trailing BEL', 'qwen3-coder\u0007'],
  ['a trailing colour reset', 'qwen3-coder\u001b[0m'],
  ['a leading colour reset', '\u001b[0mqwen3-coder'],
  ['a trailing CR', 'qwen/qwen3-coder\r'],
  ['a trailing LF', 'qwen3-coder\n'],
  ['a trailing NEL', 'qwen3-coder\u0085'],
  ['a NUL inside', 'qwen3\u0000-coder'],
  ['a trailing U+2028', 'qwen3-coder\u2028'],
  ['backspaces over a decoy', 'xxxx\b\b\b\bqwen3-coder'],
  ['a right-to-left override', '\u202eredoc-3newq'],
  ['a Cyrillic lookalike', 'qw\u0435n3-coder'],
  ['a trailing U+FFFD (bytes that were not UTF-8)', 'qwen3-coder\ufffd'],
  ['a lone surrogate escape before it', '\udc00qwen3-coder'],
  ['a glued emoji', 'qwen3-coder\u{1f600}'],
  ['a glued snowman', 'qwen3-coder\u2603'],
];

describe('a git-ai note whose model name holds control characters (s38g)', () => {
  it.each(HIDDEN)('%s: check reads the model the note shows, and refuses it', (_what, model) => {
    const { repo, sha } = silentCommit();
    addNote(repo, sha, noteNaming('opencode', model));
    const result = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
    const json = JSON.parse(result.stdout) as CheckJson;
    expect(result.code).toBe(1);
    expect(json.violations).toEqual([expect.objectContaining({ sha, rule: 'model-denied', model: 'qwen/qwen3-coder', agent: 'opencode' })]);
  });

  it('blame counts those lines under the model and the agent shown (a tool name in colour is the tool)', () => {
    const { repo, sha } = silentCommit();
    addNote(repo, sha, noteNaming('open\u001b[31mcode', 'qwen3-coder\u001b[2K\u0007'));
    const json = JSON.parse(aitrail(repo.dir, ['blame', 'app.ts', '--format', 'json']).stdout) as { totals: { ai: number; byModel: Record<string, number>; byAgent: Record<string, number> } };
    expect(json.totals).toMatchObject({ ai: 2, byModel: { 'qwen/qwen3-coder': 2 }, byAgent: { opencode: 2 } });
  });

  it('pre-receive refuses a silent commit whose pushed note names Qwen with a trailing control character', () => {
    const { work } = policyServer(POLICY);
    expect(commitWith(work, 'feat: silent\n', { 'app.ts': 'a\nb\nc\n' }, { noVerify: true }).code).toBe(0);
    const sha = work.git(['rev-parse', 'HEAD']);
    addNote(work, sha, noteNaming('opencode', 'qwen3-coder\u0007'));
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:refs/heads/side', 'refs/notes/ai']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('qwen/qwen3-coder');
  });

  it('a model name past 200 characters is read by its first 200 (a vendor it names is denied), as a trailer so long is', () => {
    for (const model of [`qwen3-coder ${'a'.repeat(250)}`, `qwen/qwen3-coder-${'b'.repeat(250)}`]) {
      const { repo, sha } = silentCommit();
      addNote(repo, sha, noteNaming('opencode', model));
      const json = JSON.parse(aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']).stdout) as CheckJson;
      expect(json.violations, model.slice(0, 20)).toEqual([expect.objectContaining({ sha, rule: 'model-denied', model: 'qwen/unknown' })]);
    }
  });

  it('blame reads no line of a note whose record holds a lone surrogate (serde_json refuses it, so git-ai reads none); check still judges it', () => {
    const { repo, sha } = silentCommit();
    addNote(repo, sha, noteNaming('opencode', 'qwen3-coder\ud800'));
    expect(repo.git(['notes', '--ref', 'ai', 'show', sha])).toContain('"model": "qwen3-coder\\ud800"');
    const blame = aitrail(repo.dir, ['blame', 'app.ts', '--format', 'json', '--no-cache']);
    expect(JSON.parse(blame.stdout).totals).toMatchObject({ ai: 0, lineLevel: 0 });
    expect(blame.stderr).toContain('a lone UTF-16 surrogate in the sessions record "s_5a5a5a5a5a5a5a", so git-ai\'s blame reads none of it');
    const check = JSON.parse(aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']).stdout) as CheckJson;
    expect(check.violations).toEqual([expect.objectContaining({ sha, rule: 'model-denied', model: 'qwen/qwen3-coder' })]);
    // A surrogate pair (an emoji escaped as two) is a character like any: read.
    addNote(repo, sha, noteNaming('claude', 'claude-opus-4-6').replace('"c3"', '"\\ud83d\\ude00"'));
    expect(JSON.parse(aitrail(repo.dir, ['blame', 'app.ts', '--format', 'json', '--no-cache']).stdout).totals).toMatchObject({ ai: 2, byModel: { 'anthropic/claude-opus-4.6': 2 } });
  });

  it('a clean name still reads as itself, and a model name of nothing but controls is unknown (a warning, as before)', () => {
    const { repo, sha } = silentCommit();
    addNote(repo, sha, noteNaming('claude', 'claude-opus-4-6'));
    expect(aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']).code).toBe(0);
    addNote(repo, sha, noteNaming('opencode', '\u0007\u001b[0m'));
    const json = JSON.parse(aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']).stdout) as CheckJson;
    expect(json.violations).toEqual([expect.objectContaining({ rule: 'unknown-model', model: 'unknown' })]);
  });
});
