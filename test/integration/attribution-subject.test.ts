// A subject line that looks like a trailer (threat model row 50 reads it): a project's own
// `scope: description` subjects, whose scope happens to be a trailer key (`ai-model:`, `ai-agent:`,
// `made-with:`), are a person's prose, not a declaration; a subject that is only a declaration counts.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

interface LogJson {
  sha: string;
  subject: string;
  ai: boolean;
  attributions: { agent: string; model: string }[];
}

/** Subjects of an AI tooling project's maintainers, committed by hand: none is AI. */
const PEOPLE = [
  'ai-model: add gpt-5 to list',
  'AI-Model: support claude-opus-4.6',
  'ai-agent: add codex provider',
  'Built-with: add Copilot logo',
  'Made-with: Cursor support',
  'Generated-by: add Claude support to the header',
  'Co-authored-by: fix parsing of Claude names',
  'Signed-off-by: missing in CONTRIBUTING',
  'Generated-by: protoc 25.1 regen',
  'Assisted-by: docs',
  'ai-model: add gpt-5 (#42)',
  'codex: gpt-5 support in parser',
];

/** Subjects that are only a declaration (a message that is only a trailer): AI, as the trailer says. */
const DECLARED: [string, string][] = [
  ['Assisted-by: qwen-code:qwen/qwen3-coder', 'qwen-code:qwen/qwen3-coder'],
  ['AI-Model: claude-opus-4.6', 'unknown:anthropic/claude-opus-4.6'],
  ['Assisted-by: Claude Code (claude-opus-4)', 'claude-code:anthropic/claude-opus-4'],
  ['Made-with: Cursor', 'cursor:unknown'],
  ['AI-Model: claude-opus-4.5 (high effort, 80%)', 'unknown:anthropic/claude-opus-4.5'],
  ['Co-authored-by: Claude <noreply@anthropic.com>', 'claude-code:unknown'],
  // The kernel's AGENT:MODEL [TOOL]... lists tools in any words after the model.
  ['Assisted-by: qwen-code:qwen/qwen3-coder parser', 'qwen-code:qwen/qwen3-coder'],
  ['Assisted-by: claude-code:anthropic/claude-opus-4.6 coccinelle sparse', 'claude-code:anthropic/claude-opus-4.6'],
];

describe('a trailer-looking subject line', () => {
  const repo = makeRepo();
  const base = repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["openai/*", "qwen/*"]\n' });
  [...PEOPLE, ...DECLARED.map(([subject]) => subject)].forEach((subject, index) => repo.commit(`${subject}\n\nBody by hand.\n`, { [`f${index}.txt`]: `${index}\n` }));
  const log = aitrail(repo.dir, ['log', `${base}..HEAD`, '--format', 'json']);
  const commits = JSON.parse(log.stdout) as LogJson[];
  const read = (subject: string) => commits.find((commit) => commit.subject === subject);

  it.each(PEOPLE)('%s: a scope and a description, read as a person', (subject) => {
    expect(read(subject)).toMatchObject({ ai: false, attributions: [] });
  });

  it.each(DECLARED)('%s: a declaration, read as AI', (subject, pair) => {
    expect(read(subject)?.attributions.map(({ agent, model }) => `${agent}:${model}`)).toContain(pair);
  });

  it('check judges only the declared subjects (ai-model: add gpt-5 to list is not an OpenAI commit)', () => {
    const check = aitrail(repo.dir, ['check', `${base}..HEAD`, '--format', 'json']);
    const violations = (JSON.parse(check.stdout) as { violations: { sha: string; rule: string; model?: string }[] }).violations;
    const judged = violations.map((violation) => ({ subject: commits.find((commit) => commit.sha === violation.sha)?.subject, rule: violation.rule, model: violation.model }));
    expect(judged.filter(({ subject }) => PEOPLE.includes(subject ?? ''))).toEqual([]);
    expect(judged).toContainEqual({ subject: 'Assisted-by: qwen-code:qwen/qwen3-coder', rule: 'model-denied', model: 'qwen/qwen3-coder' });
    expect(judged).toContainEqual({ subject: 'Assisted-by: qwen-code:qwen/qwen3-coder parser', rule: 'model-denied', model: 'qwen/qwen3-coder' });
  });
});
