// Review of row 740: after a name that holds a Claude tier, any word with a digit went on the
// name, so another vendor's short name with a digit (`R1`, `M2`, `K2`, GPT's `4o`) made a model no
// vendor published: `Assisted-by: claude-opus-4.6 r1` read `anthropic/claude-opus-4.6-r1`, past
// `deny: ["anthropic/claude-opus-4.6"]` in `check` and at pre-receive without a warning. A word that
// starts with a digit (a version, a date, `1M`) or `v2` still goes on it.
import { describe, expect, it } from 'vitest';
import { expectEachRefused, policyServer } from '../helpers/enforce-repos.js';
import { expectLog } from '../helpers/log-cases.js';

const POLICY = 'policy:\n  deny: ["anthropic/claude-opus-4.6", "anthropic/claude-sonnet-4.5"]\n';
const CASES: Record<string, [string, string]> = {
  'deepseek-r1-word': ['claude-opus-4.6 r1', 'anthropic/claude-opus-4.6'],
  'minimax-m2-word': ['Claude Opus 4.6 M2', 'anthropic/claude-opus-4.6'],
  'kimi-k2-word': ['Claude Sonnet 4.5 K2', 'anthropic/claude-sonnet-4.5'],
  'gpt-4o-word': ['Claude:claude-opus-4-6 4o', 'anthropic/claude-opus-4.6'],
};
const message = (value: string): string => `feat: add the exporter\n\nAssisted-by: ${value}\n`;

describe("another vendor's short name with a digit after a Claude name", () => {
  it('check and pre-receive refuse each under a deny of the Claude model', () => {
    const { remote, work } = policyServer(POLICY);
    const messages = Object.fromEntries(Object.entries(CASES).map(([name, [value]]) => [name, message(value)]));
    expectEachRefused(remote, work, messages, (_found, name, violations) => {
      expect(violations.filter((v) => v.rule === 'model-denied').map((v) => v.model), name).toContain(CASES[name]![1]);
    });
  });

  it("log: what held — a version, a date, 1M and v2 still go on the name", () => {
    expectLog([
      [message('Claude Sonnet 4.5 1M'), ['unknown:anthropic/claude-sonnet-4.5']],
      [message('claude-sonnet-4-5 20250929'), ['unknown:anthropic/claude-sonnet-4.5']],
      [message('Claude Opus 4 6'), ['unknown:anthropic/claude-opus-4.6']],
      [message('Claude 3.5 Sonnet v2'), ['unknown:anthropic/claude-3.5-sonnet']],
      [message('claude-opus-4.6 r1'), ['unknown:anthropic/claude-opus-4.6']],
    ]);
  });
});
