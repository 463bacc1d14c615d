import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

interface LogJson {
  sha: string;
  ai: boolean;
  attributions: { agent: string; model: string; evidence: string[] }[];
}

const person = (name: string, email: string, committerName = name) => ({
  GIT_AUTHOR_NAME: name,
  GIT_AUTHOR_EMAIL: email,
  GIT_COMMITTER_NAME: committerName,
  GIT_COMMITTER_EMAIL: email,
});

/**
 * An aider-like history (aider/repo.py): the maintainer commits by hand from the vendor's domain;
 * aider commits the user's own edits with ` (aider)` after the committer name only; aider's own
 * edits get it after the author name (or, with --attribute-co-authored-by, a co-author line);
 * a `aider: ` subject prefix. Plus vendor employees committing by hand.
 */
const HISTORY: [string, NodeJS.ProcessEnv, string[]][] = [
  ['Release v0.80.0\n', person('Paul Gauthier', 'paul@aider.chat'), []],
  ['fix: typo in the docs\n', person('Paul Gauthier', 'paul@aider.chat', 'Paul Gauthier (aider)'), []],
  ['feat: add --thinking-tokens\n', person('Paul Gauthier (aider)', 'paul@aider.chat'), ['aider:unknown']],
  ['refactor: repo map\n\nCo-authored-by: aider (anthropic/claude-sonnet-4-20250514) <aider@aider.chat>\n', person('Paul Gauthier', 'paul@aider.chat'), ['aider:anthropic/claude-sonnet-4']],
  ['aider: fix the linter call\n', person('Paul Gauthier', 'paul@aider.chat'), ['aider:unknown']],
  ['docs: release notes\n', person('Boris Cherny', 'boris@anthropic.com'), []],
  ['chore: bump\n', person('Dev Eloper', 'dev@openai.com'), []],
  ['test: parser\n', person('Li Wei', 'li.wei@alibabacloud.com'), []],
];

function build() {
  const repo = makeRepo();
  const base = repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  undeclared: deny\n  unknownModel: allow\n' });
  const shas = HISTORY.map(([message, env], index) => repo.commit(message, { [`f${index}.txt`]: `${index}\n` }, env));
  return { repo, base, shas };
}

describe('identity means identity, through log and check', () => {
  it('log: humans at agent vendors and committer-only suffixes are human; the author suffix and co-author line are aider', () => {
    const { repo, shas } = build();
    const result = aitrail(repo.dir, ['log', '--format', 'json']);
    expect(result.code).toBe(0);
    const bySha = new Map((JSON.parse(result.stdout) as LogJson[]).map((entry) => [entry.sha, entry]));
    HISTORY.forEach(([message, , expected], index) => {
      const entry = bySha.get(shas[index]!)!;
      expect({ message, got: entry.attributions.map((a) => `${a.agent}:${a.model}`) }).toEqual({ message, got: expected });
      expect(entry.ai).toBe(expected.length > 0);
    });
  });

  it('check: only the commits aider wrote are undeclared AI', () => {
    const { repo, base, shas } = build();
    const result = aitrail(repo.dir, ['check', `${base}..HEAD`, '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { commits: number; violations: { sha: string; rule: string }[] };
    expect(report.commits).toBe(HISTORY.length);
    const flagged = [...new Set(report.violations.map((violation) => violation.sha))].sort();
    const expected = shas.filter((_, index) => HISTORY[index]![2].length > 0).sort();
    expect(flagged).toEqual(expected);
    expect(report.violations.every((violation) => violation.rule === 'undeclared')).toBe(true);
  });
});
