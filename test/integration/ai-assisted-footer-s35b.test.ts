// jdx's repositories (mise, fnox, hk…) have agents end every pull request description with
// `*AI-assisted — Tool: <tool>; model: <provider>/<model>; version: <version-or-unavailable>.*`
// (their AGENTS.md, "GitHub Interactions"); a squash merge keeps the description as the commit body.
import { describe, expect, it } from 'vitest';
import { checkJson } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';
import { type Case, expectLog, HUMAN } from '../helpers/log-cases.js';

const HISTORY: Case[] = [
  ['docs(contributing): standardize AI disclosures (#660)\n\n* expand the rule to reviews\n\nAI-assisted — Tool: OpenAI Codex; model: OpenAI/GPT-5; version: unavailable.\n', ['codex:openai/gpt-5']],
  ['feat(sync): reconcile dotfiles (#7012)\n\nRuns the sync twice.\n\n*AI-assisted — Tool: Claude Code; model: Anthropic/claude-opus-5; version: unavailable.*\n', ['claude-code:anthropic/claude-opus-5']],
  ['fix: the lockfile (#12)\n\n*AI-assisted — Tool: Codex; model: unavailable; version: unavailable.*\n', ['codex:unknown']],
  // The rule itself, quoted by the commit that adds it, and prose naming the footer, are no one's.
  ['docs: add the AI disclosure rule\n\nAppend this disclosure:\n\n*AI-assisted — Tool: <tool>; model: <provider>/<model>; version: <version-or-unavailable>.*\n', []],
  ['docs: explain the footer\n\nWe now ask for an AI-assisted — Tool: footer; model: and version after it.\n', []],
];

describe('the AI-assisted footer of a squash-merged pull request', () => {
  it('log reads its tool and model', () => {
    expectLog(HISTORY);
  });

  it('check refuses the Codex commits under deny: ["openai/*"] and passes the rest', () => {
    const repo = makeRepo();
    const base = repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["openai/*"]\n  unknownModel: deny\n' });
    const shas = HISTORY.map(([message], index) => repo.commit(message, { [`f${index}.txt`]: `${index}\n` }, HUMAN));
    const { code, json } = checkJson(repo.dir, `${base}..HEAD`);
    expect(code).toBe(1);
    const refused = [...new Set(json.violations.filter((violation) => violation.severity === 'error').map((violation) => violation.sha))].sort();
    expect(refused).toEqual([shas[0]!, shas[2]!].sort());
  });
});
