import { expect } from 'vitest';
import { aitrail, checkJson } from './cli.js';
import { makeRepo } from './gitdir.js';

interface LogJson {
  sha: string;
  ai: boolean;
  attributions: { agent: string; model: string }[];
}

/** [message, expected `agent:model` list, the commit's author when not HUMAN]. */
export type Case = [string, string[], { name: string; email: string }?];

/** A person's identity: what a case's commit is read for comes from its message alone. */
export const HUMAN = { GIT_AUTHOR_NAME: 'Jane Doe', GIT_AUTHOR_EMAIL: 'jane@example.com' };

/** One commit a case (by a person, or by the case's author), then `aitrail log --format json`: each commit reads exactly its expected `agent:model` list. */
export function expectLog(history: Case[]): void {
  const repo = makeRepo();
  const shas = history.map(([message, , author], index) =>
    repo.commit(message, { [`f${index}.txt`]: `${index}\n` }, author ? { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email } : HUMAN));
  const result = aitrail(repo.dir, ['log', '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  const bySha = new Map((JSON.parse(result.stdout) as LogJson[]).map((entry) => [entry.sha, entry]));
  history.forEach(([message, expected], index) => {
    const entry = bySha.get(shas[index]!)!;
    const by = history[index]![2];
    expect({ message, by, got: entry.attributions.map((a) => `${a.agent}:${a.model}`) }).toEqual({ message, by, got: expected });
    expect(entry.ai).toBe(expected.length > 0);
  });
}

/** One commit a message (by a person) after a commit of `policy`, then `check <base>..HEAD`: the refused commits (errors only), sorted, and every sha. */
export function refusedBy(policy: string, messages: string[]): { refused: string[]; shas: string[] } {
  const repo = makeRepo();
  const base = repo.commit('chore: policy\n', { '.aitrailrc.yml': policy });
  const shas = messages.map((message, index) => repo.commit(message, { [`f${index}.txt`]: `${index}\n` }, HUMAN));
  const { json } = checkJson(repo.dir, `${base}..HEAD`);
  const refused = [...new Set(json.violations.filter((violation) => violation.severity === 'error').map((violation) => violation.sha))].sort();
  return { refused, shas };
}
