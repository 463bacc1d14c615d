import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

interface LogJson {
  sha: string;
  ai: boolean;
  attributions: { agent: string; model: string }[];
}
interface CheckJson {
  commits: number;
  violations: { sha: string; rule: string; model: string }[];
}

const POLICY = 'policy:\n  deny: ["qwen/*"]\n  unknownModel: deny\n  undeclared: deny\n';

/**
 * Projects whose commit-msg hook wants a disclosure on every commit have people write that none
 * was used: `Assisted-by: none` / `None` (a disclosure rule: "Wrote it yourself? Then it is
 * `Assisted-by: none`"), `Assisted-by: n/a` (a policy tool's default human marker), `AI-Model: none`
 * ("Use `AI-Model: none` when no AI model was used"). Each read as `unknown:unknown` (or the model
 * `n/a`), so such a project's hand-written history read as all AI and `check` refused it under
 * `unknownModel: deny`. [message, expected `agent:model` list, refused under POLICY].
 */
const HISTORY: [string, string[], boolean][] = [
  ['fix: typo in the README\n\nAssisted-by: none\n', [], false],
  ['docs: fix typo\n\nAssisted-by: None\nSigned-off-by: Jane Doe <jane@example.com>\n', [], false],
  ['chore: rename variable\n\nAssisted-by: n/a\n', [], false],
  ['chore: rename file\n\nAssisted-by: N/A\n', [], false],
  ['feat: add harness policy\n\nAI-Model: none\n', [], false],
  ['fix: the parser\n\nAI-Agent: none\nAI-Model: none\n', [], false],
  ['fix: the parser\n\nAssisted-by: None (hand-written)\n', [], false],
  ['fix: the parser\n\nAI-Tool: none\n', [], false],
  // A project's hook that wants the key on every commit, with a person's own words for none
  // (`Assisted-by: human-only`, appended by a prepare-commit-msg hook when the message has none:
  // docs/AI_ASSISTED_CONTRIBUTIONS.md of a public project), `human`, `hand-written`, `no AI used`.
  ['fix: the parser\n\nAssisted-by: human-only\n', [], false],
  ['fix: the parser\n\nAssisted-by: Human\n', [], false],
  ['fix: the parser\n\nAssisted-by: hand-written\n', [], false],
  ['fix: the parser\n\nAssisted-by: no AI used\n', [], false],
  ['fix: the parser\n\nGenerated-by: written by hand\n', [], false],
  ['fix: the parser\n\nAI-Disclosure: no-ai\n', [], false],
  // The same with a note after a dash, colon or comma, and written as a sentence.
  ['fix: the parser\n\nAssisted-by: N/A - human written\n', [], false],
  ['fix: the parser\n\nAssisted-by: None: written by hand\n', [], false],
  ['fix: the parser\n\nAssisted-by: No AI tools were used\n', [], false],
  ['fix: the parser\n\nAssisted-by: no AI was used\n', [], false],
  ['fix: the parser\n\nAssisted-by: no one\n', [], false],
  ['feat: the cache\n\nAssisted-by: N/A - qwen3-coder wrote the tests\n', ['unknown:qwen/qwen3-coder'], true],
  // A disclosure key's sentence that no AI was used names nothing and says none (`AI-Disclosure:` is a
  // declaration key); "but" or a name after it is still read.
  ['fix: the parser\n\nAI-Disclosure: This commit was written without AI\n', [], false],
  ['fix: the parser\n\nAI-Disclosure: This PR contains no AI-generated code.\n', [], false],
  ['fix: the parser\n\nAI-Disclosure: No AI was used in this commit\n', [], false],
  ['fix: the parser\n\nAssisted-by: written without AI assistance\n', [], false],
  ['feat: the cache\n\nAI-Disclosure: no AI-generated tests, but AI-generated code\n', ['unknown:unknown'], true],
  ['feat: the cache\n\nAI-Disclosure: written without AI except qwen3-coder\n', ['unknown:qwen/qwen3-coder'], true],
  // A commit template's key left empty, or its placeholder left in (`Assisted-by: <model>`, the
  // kernel's `AGENT_NAME:MODEL_VERSION [TOOL1] [TOOL2]`, `<Model> via <Tool>`): it declares nothing.
  ['fix: the parser\n\nAssisted-by:\nSigned-off-by: Jane Doe <jane@example.com>\n', [], false],
  ['fix: the parser\n\nAssisted-by: <model>\n', [], false],
  ['fix: the parser\n\nAssisted-by: AGENT_NAME:MODEL_VERSION [TOOL1] [TOOL2]\n', [], false],
  ['fix: the parser\n\nAssisted-by: <Model> via <Tool>\n', [], false],
  ['fix: the parser\n\nAI-Model: <model>\n', [], false],
  // What the placeholder stands beside, or a model in brackets, is still read; so is a note beside "human".
  ['feat: the cache\n\nAssisted-by: <Model> via GitHub Copilot\n', ['copilot:unknown'], true],
  ['feat: the cache\n\nAssisted-by: <qwen3-coder>\n', ['unknown:qwen/qwen3-coder'], true],
  ['feat: the cache\n\nAssisted-by: AGENT_NAME:qwen3-coder\n', ['unknown:qwen/qwen3-coder'], true],
  ['feat: the cache\n\nAssisted-by: human (qwen3-coder helped)\n', ['unknown:qwen/qwen3-coder'], true],
  // "none" beside a model, or a model in the same value, still names the model.
  ['feat: the cache\n\nAssisted-by: none\nAssisted-by: qwen-code:qwen/qwen3-coder\n', ['qwen-code:qwen/qwen3-coder'], true],
  ['feat: the cache\n\nAssisted-by: none, qwen3-coder\n', ['unknown:qwen/qwen3-coder'], true],
  ['feat: the cache\n\nAI-Model: none of claude-opus-4.6\n', ['unknown:anthropic/claude-opus-4.6'], false],
  // A model named in the note beside "none", or after a flag's "no", still counts: "none" hides nothing.
  ['feat: the cache\n\nAssisted-by: none (qwen3-coder wrote it)\n', ['unknown:qwen/qwen3-coder'], true],
  ['feat: the cache\n\nAssisted-by: None (Qwen)\n', ['unknown:qwen/unknown'], true],
  ['feat: the cache\n\nAI-Model: n/a (qwen3-coder)\n', ['unknown:qwen/qwen3-coder'], true],
  ['feat: the cache\n\nAI-Assisted: no, Qwen did\n', ['unknown:qwen/unknown'], true],
  ['fix: the parser\n\nAI-Assisted: no (written by hand)\n', [], false],
  // A person's note beside "none" names people and search engines: a word that is also a person's or a company's name (Google, Kimi, Claude) is read as theirs there.
  ['fix: the parser\n\nAssisted-by: none (just Google and Stack Overflow)\n', [], false],
  ['fix: the parser\n\nAI-Assisted: no (paired with Kimi)\n', [], false],
  ['fix: the parser\n\nAssisted-by: none (reviewed by Claude Dupont)\n', [], false],
  // An AI product named beside a "no" counts, even when the note denies it (negation is not read: fail closed).
  ['fix: the parser\n\nAI-Assisted: no (not Copilot either)\n', ['copilot:unknown'], true],
  // An agent's own signature is not undone by a "none" beside it: undeclared AI.
  ['feat: the cache\n\nAssisted-by: none\nCo-Authored-By: Claude Opus 4.6 <noreply@anthropic.com>\n', ['claude-code:anthropic/claude-opus-4.6'], true],
  // A value that says nothing readable is still `unknown`, never a person.
  ['feat: the cache\n\nAssisted-by: some tool\n', ['unknown:unknown'], true],
];

function build() {
  const repo = makeRepo();
  const base = repo.commit('chore: policy\n', { '.aitrailrc.yml': POLICY });
  const shas = HISTORY.map(([message], index) => repo.commit(message, { [`f${index}.txt`]: `${index}\n` }));
  return { repo, base, shas };
}

describe('a declaration that no AI was used (Assisted-by: none, AI-Model: n/a)', () => {
  it('log reads it as no AI; a model beside it, or an agent signature, still counts', () => {
    const { repo, shas } = build();
    const result = aitrail(repo.dir, ['log', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const bySha = new Map((JSON.parse(result.stdout) as LogJson[]).map((entry) => [entry.sha, entry]));
    HISTORY.forEach(([message, expected], index) => {
      const entry = bySha.get(shas[index]!)!;
      expect({ message, got: entry.attributions.map((a) => `${a.agent}:${a.model}`) }).toEqual({ message, got: expected });
      expect(entry.ai).toBe(expected.length > 0);
    });
  });

  it('check passes the people who said none and still refuses Qwen, undeclared Claude and an unreadable declaration', () => {
    const { repo, base, shas } = build();
    const result = aitrail(repo.dir, ['check', `${base}..HEAD`, '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as CheckJson;
    expect(report.commits).toBe(HISTORY.length);
    const refused = [...new Set(report.violations.map((violation) => violation.sha))].sort();
    expect(refused).toEqual(shas.filter((_, index) => HISTORY[index]![2]).sort());
  });
});
