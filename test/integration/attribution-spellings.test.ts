import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

interface LogJson {
  sha: string;
  ai: boolean;
  attributions: { agent: string; model: string }[];
}
interface CheckJson {
  ok: boolean;
  commits: number;
  violations: { sha: string; rule: string; model: string }[];
}

const POLICY = 'policy:\n  deny: ["qwen/*"]\n  unknownModel: deny\n  undeclared: deny\n';

/** [message, expected `agent:model` list, refused by the policy]. Issue 8 item 7: each of the first four passed. */
const SPELLINGS: [string, string[], boolean][] = [
  ['kernel tool list hides a model\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6 qwen/qwen3-coder\n', ['claude-code:anthropic/claude-opus-4.6', 'claude-code:qwen/qwen3-coder'], true],
  ['two models in prose\n\nAssisted-by: Claude Opus 4.6 and Qwen3-Coder\n', ['unknown:anthropic/claude-opus-4.6', 'unknown:qwen/qwen3-coder'], true],
  ['vendor as co-author\n\nCo-authored-by: Qwen <noreply@qwen.ai>\n', ['unknown:qwen/unknown'], true],
  ['vendor alone\n\nAssisted-by: Qwen\n', ['unknown:qwen/unknown'], true],
  ['vendor glued to a word, co-author at any address\n\nCo-authored-by: Qwen-Coder <bot@example.com>\n', ['unknown:qwen/unknown'], true],
  ['vendor glued in camel case\n\nCo-authored-by: QwenCoder Bot <bot@example.com>\n', ['unknown:qwen/unknown'], true],
  ['a person named Gemma\n\nCo-authored-by: Gemma-Louise Smith <gemma@example.com>\nCo-authored-by: Gemma <gemma.b@example.com>\n', [], false],
  // A joined name is read as its words are: `Qwen Li` and `Llama Farmer` are people, so `Qwen-Li` and a login `llama-farmer` are too.
  ['people whose joined names start with a vendor word\n\nCo-authored-by: Qwen-Li <qwen.li@example.com>\nCo-authored-by: llama-farmer <4242+llama-farmer@users.noreply.github.com>\nCo-authored-by: GrokNinja <77+GrokNinja@users.noreply.github.com>\n', [], false],
  ['fullwidth model\n\nAssisted-by: aider:ｑｗｅｎ/ｑｗｅｎ３-coder\n', ['aider:qwen/qwen3-coder'], true],
  ['zero-width space in the model\n\nAssisted-by: aider:qwen\u200b/qwen3-coder\n', ['aider:qwen/qwen3-coder'], true],
  ['zero-width space in the key\n\nAssisted\u200b-by: qwen/qwen3-coder\n', ['unknown:qwen/qwen3-coder'], true],
  ['unreadable declared value\n\nAssisted-by: internal-helper\n', ['unknown:unknown'], true],
  ['human helper with an address\n\nAssisted-by: Bob Smith <bob@example.com>\n', [], false],
  ['kernel form with tools that are not AI\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6 coccinelle sparse\n', ['claude-code:anthropic/claude-opus-4.6'], false],
];

function build() {
  const repo = makeRepo();
  const base = repo.commit('chore: policy\n', { '.aitrailrc.yml': POLICY });
  const shas = SPELLINGS.map(([message], index) => repo.commit(message, { [`f${index}.txt`]: `${index}\n` }));
  return { repo, base, shas };
}

describe('spellings (issue 8 item 7): every token that names a model is judged', () => {
  it('log reads every model, vendor and unreadable declaration; a helper with an address stays human', () => {
    const { repo, shas } = build();
    const result = aitrail(repo.dir, ['log', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const bySha = new Map((JSON.parse(result.stdout) as LogJson[]).map((entry) => [entry.sha, entry]));
    SPELLINGS.forEach(([message, expected], index) => {
      const entry = bySha.get(shas[index]!)!;
      expect({ message, got: entry.attributions.map((a) => `${a.agent}:${a.model}`) }).toEqual({ message, got: expected });
      expect(entry.ai).toBe(expected.length > 0);
    });
  });

  it('check refuses each spelling under deny qwen/*, unknownModel: deny, undeclared: deny', () => {
    const { repo, base, shas } = build();
    const result = aitrail(repo.dir, ['check', `${base}..HEAD`, '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as CheckJson;
    expect(report.commits).toBe(SPELLINGS.length);
    SPELLINGS.forEach(([message, , refused], index) => {
      const rules = report.violations.filter((violation) => violation.sha === shas[index]).map((violation) => violation.rule);
      expect({ message, refused: rules.length > 0 }).toEqual({ message, refused });
    });
    const denied = (index: number) => report.violations.filter((v) => v.sha === shas[index] && v.rule === 'model-denied').map((v) => v.model);
    expect(denied(0)).toEqual(['qwen/qwen3-coder']);
    expect(denied(1)).toEqual(['qwen/qwen3-coder']);
    expect(denied(2)).toEqual(['qwen/unknown']);
    expect(denied(3)).toEqual(['qwen/unknown']);
  });
});
