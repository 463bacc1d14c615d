import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, policyServer, project, tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';
import { otherNote, qwenNote } from '../helpers/qwen-code-notes.js';

const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n  undeclared: allow\n';

/** A repository whose main holds `config`, on a feature branch: one silent commit (a person's, by its message). */
function silentFeature(config = DENY_QWEN): { repo: TestRepo; sha: string } {
  const repo = makeRepo();
  repo.commit('policy', { '.aitrailrc.yml': config });
  repo.git(['checkout', '-q', '-b', 'feature']);
  const sha = repo.commit('feat: parser', { 'src/parse.ts': 'export const parse = 1;\n' });
  return { repo, sha };
}

interface CheckJson {
  violations: { sha: string; rule: string; model: string; agent: string; severity: string }[];
}

const check = (repo: TestRepo) => {
  const result = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
  return { code: result.code, json: JSON.parse(result.stdout) as CheckJson, stderr: result.stderr };
};

const logJson = (repo: TestRepo, args: string[] = []) => {
  const result = aitrail(repo.dir, ['log', '--format', 'json', ...args]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { sha: string; attributions: { agent: string; model: string; evidence: string[] }[] }[];
};

const attributionsOf = (repo: TestRepo, sha: string, args: string[] = []) => logJson(repo, args).find((commit) => commit.sha === sha)?.attributions ?? [];

describe("Qwen Code's attribution notes (refs/notes/ai-attribution)", () => {
  it('log reads the generator: Qwen-Coder is qwen/unknown, another model is that model; --no-notes reads none', () => {
    const { repo, sha } = silentFeature();
    const other = repo.commit('feat: more', { 'src/more.ts': 'export const more = 2;\n' });
    qwenNote(repo, sha, 'Qwen-Coder', ['src/parse.ts']);
    qwenNote(repo, other, 'gpt-4o', ['src/more.ts']);
    expect(attributionsOf(repo, sha)).toEqual([{ agent: 'qwen-code', model: 'qwen/unknown', evidence: ['note refs/notes/ai-attribution: Qwen Code generator "Qwen-Coder"'] }]);
    expect(attributionsOf(repo, other)).toEqual([expect.objectContaining({ agent: 'qwen-code', model: 'openai/gpt-4o' })]);
    expect(attributionsOf(repo, sha, ['--no-notes'])).toEqual([]);
  });

  it('check refuses a silent commit whose Qwen Code note names Qwen (deny qwen/*); without the note it passes', () => {
    const { repo, sha } = silentFeature();
    expect(check(repo).code).toBe(0);
    qwenNote(repo, sha, 'Qwen-Coder', ['src/parse.ts']);
    const { code, json } = check(repo);
    expect(code).toBe(1);
    expect(json.violations).toEqual([expect.objectContaining({ sha, rule: 'model-denied', model: 'qwen/unknown', agent: 'qwen-code' })]);
  });

  it("an honest commit declaring its Qwen model passes undeclared: deny with Qwen Code's note beside it (one attribution)", () => {
    const { repo } = silentFeature('policy:\n  allow: ["*"]\n  undeclared: deny\n');
    const sha = repo.commit('feat: more\n\nAssisted-by: qwen-code:qwen/qwen3-coder-plus', { 'src/more.ts': 'export const more = 2;\n' });
    qwenNote(repo, sha, 'Qwen-Coder', ['src/more.ts']);
    const { code, json, stderr } = check(repo);
    expect(json.violations, stderr).toEqual([]);
    expect(code).toBe(0);
    expect(attributionsOf(repo, sha).map((attribution) => attribution.model)).toEqual(['qwen/qwen3-coder-plus']);
    expect(attributionsOf(repo, sha)[0]?.evidence).toContain('note refs/notes/ai-attribution: Qwen Code generator "Qwen-Coder"');
  });

  it("the first releases' note (aiCharsAdded, overallAiPercent, 128 KB) is read too", () => {
    const { repo, sha } = silentFeature();
    const old = { version: 1, generator: 'Qwen-Coder', files: { 'src/parse.ts': { aiCharsAdded: 24, aiCharsRemoved: 0, aiCreated: true, aiContributionPercent: 100 } }, summary: { totalAiCharsAdded: 24, totalAiCharsRemoved: 0, totalFilesTouched: 1, overallAiPercent: 100 } };
    qwenNote(repo, sha, '', [], JSON.stringify(old));
    expect(check(repo).json.violations).toEqual([expect.objectContaining({ sha, model: 'qwen/unknown' })]);
  });

  it("other tools' notes in the same ref, and hostile ones, add nothing and break nothing", () => {
    const { repo } = silentFeature();
    const notes = [
      // kiro-metrics' note, ai-attr's Authorship Log: other tools that write this ref.
      '{"attribution_state":"measured","ai_lines":85,"human_lines":12,"total_lines":97,"ai_files":["src/parse.ts"],"human_files":[]}',
      'src/parse.ts\n  abcd1234abcd1234 1-3\n---\n{"schema_version":"authorship/3.0.0","base_commit_sha":"x","prompts":{}}',
      'not json {',
      '[{"version":1,"generator":"qwen3-coder-plus","files":{},"summary":{}}]',
      '{"version":2,"generator":"qwen3-coder-plus","files":{},"summary":{}}',
      '{"version":1,"generator":["qwen3-coder-plus"],"files":{},"summary":{}}',
      '{"version":1,"generator":"qwen3-coder-plus","files":[],"summary":{}}',
      `{"version":1,"generator":"qwen3-coder-plus","files":{},"summary":{},"pad":"${'x'.repeat(300 * 1024)}"}`,
    ];
    const shas = notes.map((note, at) => {
      const made = repo.commit(`feat: case ${at}`, { [`src/case${at}.ts`]: `export const v = ${at};\n` });
      otherNote(repo, made, note);
      return made;
    });
    const result = check(repo);
    expect(result.code, result.stderr).toBe(0);
    for (const sha of shas) expect(attributionsOf(repo, sha)).toEqual([]);
  });

  it('a generator with terminal sequences is the model a screen shows; one given twice names both', () => {
    const { repo, sha } = silentFeature('policy:\n  deny: ["anthropic/*"]\n  undeclared: allow\n');
    const other = repo.commit('feat: more', { 'src/more.ts': 'export const more = 2;\n' });
    qwenNote(repo, sha, '\u001b[2Kclaude-sonnet-4-5\u0007', ['src/parse.ts']);
    qwenNote(repo, other, '', [], '{"version":1,"generator":"claude-opus-4-1","files":{},"summary":{},"generator":"gpt-4o"}');
    const { code, json } = check(repo);
    expect(code).toBe(1);
    expect(json.violations.map((violation) => [violation.sha, violation.model]).sort()).toEqual([
      [sha, 'anthropic/claude-sonnet-4.5'],
      [other, 'anthropic/claude-opus-4.1'],
    ].sort());
    expect(attributionsOf(repo, other).map((attribution) => attribution.model).sort()).toEqual(['anthropic/claude-opus-4.1', 'openai/gpt-4o']);
  });

  it('pre-push refuses a silent commit Qwen Code noted in this clone', () => {
    const { work } = project(DENY_QWEN, { hooks: ['pre-push'] });
    work.git(['checkout', '-q', '-b', 'feature']);
    expect(commitWith(work, 'feat: parser\n', { 'src/parse.ts': 'export const parse = 1;\n' }).code).toBe(0);
    const sha = work.git(['rev-parse', 'HEAD']);
    qwenNote(work, sha, 'Qwen-Coder', ['src/parse.ts']);
    const push = tryGit(work.dir, ['push', 'origin', 'feature']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain('qwen/unknown');
  });

  it('pre-receive reads the note a push brings, with its commit or for a commit the server holds', () => {
    const { remote, work } = policyServer(DENY_QWEN);
    expect(commitWith(work, 'feat: parser\n', { 'src/parse.ts': 'export const parse = 1;\n' }, { noVerify: true }).code).toBe(0);
    const sha = work.git(['rev-parse', 'HEAD']);
    qwenNote(work, sha, 'Qwen-Coder', ['src/parse.ts']);
    const together = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:refs/heads/side', 'refs/notes/ai-attribution']);
    expect(together.code).not.toBe(0);
    expect(together.stderr).toContain('qwen/unknown');
    expect(remote.git(['for-each-ref', '--format=%(refname)'])).not.toContain('refs/heads/side');
    // The commit first (silent: accepted), its note after: the note's push is refused.
    const plain = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:refs/heads/side']);
    expect(plain.code, plain.stderr).toBe(0);
    const later = tryGit(work.dir, ['push', '--no-verify', 'origin', 'refs/notes/ai-attribution']);
    expect(later.code).not.toBe(0);
    expect(later.stderr).toContain('qwen/unknown');
  });
});
