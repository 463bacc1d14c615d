import { describe, expect, it } from 'vitest';
import { checkJson } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';
import { type Case, expectLog } from '../helpers/log-cases.js';

/** A project that allows Claude's Opus and Sonnet and nothing else, and refuses Qwen. */
const POLICY = 'policy:\n  allow: ["anthropic/claude-opus-*", "anthropic/claude-sonnet-*"]\n  deny: ["qwen/*"]\n  unknownModel: deny\n';

/**
 * The kernel's `AGENT:MODEL` (DESIGN.md's `<agent>:<model-id>`) with a user's own name for the agent:
 * a label of a family's word and words no model is named with (`claude-personal-1`, `claude-work`,
 * `claude-code-2`) was read as a second model (`anthropic/claude-personal-1`) or lost (`unknown`
 * agent), so the commit named a model no one used and `check` refused it under an allow-list of
 * Opus and Sonnet. A name left of the colon that is a model (a listed one, one with a model word, or
 * another vendor's) is still a model: no vendor the value names is dropped.
 * [message, expected `agent:model` list, refused under POLICY].
 */
const HISTORY: [string, string[], boolean][] = [
  ['feat: cache\n\nAssisted-by: claude-personal-1:claude-opus-5\n', ['claude-personal-1:anthropic/claude-opus-5'], false],
  ['feat: cache\n\nAssisted-by: claude-personal-1:anthropic/claude-opus-4.6\n', ['claude-personal-1:anthropic/claude-opus-4.6'], false],
  ['feat: cache\n\nAssisted-by: claude-local-01:claude-sonnet-4-5\n', ['claude-local-01:anthropic/claude-sonnet-4.5'], false],
  ['feat: cache\n\nAssisted-by: claude-work:anthropic/claude-opus-4.6\n', ['claude-work:anthropic/claude-opus-4.6'], false],
  ['feat: cache\n\nAssisted-by: claude-code-2:claude-opus-4.6\n', ['claude-code-2:anthropic/claude-opus-4.6'], false],
  ['feat: cache\n\nAssisted-by: my-claude:claude-opus-4.6\n', ['my-claude:anthropic/claude-opus-4.6'], false],
  ['feat: cache\n\nAssisted-by: cc-work:anthropic/claude-sonnet-4.5\n', ['cc-work:anthropic/claude-sonnet-4.5'], false],
  ['feat: cache\n\nAssisted-by: deepseek-home:deepseek-v3.2\n', ['deepseek-home:deepseek/deepseek-v3.2'], true],
  // Still two models: another vendor's name left of the colon, a model word in it, or a model the catalog lists.
  ['feat: cache\n\nAssisted-by: qwen3-coder:claude-opus-4.6\n', ['unknown:qwen/qwen3-coder', 'unknown:anthropic/claude-opus-4.6'], true],
  ['feat: cache\n\nAssisted-by: qwen3-coder-xyz:claude-opus-4.6\n', ['unknown:qwen/qwen3-coder-xyz', 'unknown:anthropic/claude-opus-4.6'], true],
  ['feat: cache\n\nAssisted-by: qwen-work:claude-opus-4.6\n', ['unknown:qwen/unknown', 'unknown:anthropic/claude-opus-4.6'], true],
  ['feat: cache\n\nAssisted-by: claude-haiku-4-x:claude-opus-4.6\n', ['unknown:anthropic/claude-haiku-4-x', 'unknown:anthropic/claude-opus-4.6'], true],
  // Anthropic's API id of 2023 for Claude 2 (`claude-v2`, Bedrock's `anthropic.claude-v2`) is `anthropic/claude-2`.
  ['feat: cache\n\nAssisted-by: claude-v2:claude-opus-4.6\n', ['unknown:anthropic/claude-2', 'unknown:anthropic/claude-opus-4.6'], true],
  ['feat: cache\n\nAssisted-by: claude-opus-4-5:claude-sonnet-4.5\n', ['unknown:anthropic/claude-opus-4.5', 'unknown:anthropic/claude-sonnet-4.5'], false],
];

describe("a user's own agent label in Assisted-by: <agent>:<model>", () => {
  it('log reads the label as the agent, not as a second model', () => {
    expectLog(HISTORY.map(([message, expected]): Case => [message, expected]));
  });

  it('check passes the labelled Opus and Sonnet commits and still refuses every model left of a colon that is one', () => {
    const repo = makeRepo();
    const base = repo.commit('chore: policy\n', { '.aitrailrc.yml': POLICY });
    const shas = HISTORY.map(([message], index) => repo.commit(message, { [`f${index}.txt`]: `${index}\n` }));
    const { code, json } = checkJson(repo.dir, `${base}..HEAD`);
    expect(code).toBe(1);
    const refused = [...new Set(json.violations.map((violation) => violation.sha))].sort();
    expect(refused).toEqual(shas.filter((_, index) => HISTORY[index]![2]).sort());
  });
});
