// Session 45's review of helper h's readings (a second Claude tier word starts the next model, Kimi
// Code's `K2.5`, a Bedrock id without `:0`): spellings a reader sees as the same models that still
// read as a model no vendor published, or as none, and passed a deny of the real one at commit
// (commit-msg through the shims), in `check`, at pre-receive and in `log`:
// - a tier word with its version, or a sentence's period, after a model outside a kernel pair
//   (`Claude Opus 4.6 Mythos-5`, `claude-opus-4.6 sonnet-4.5`, `Copilot:claude-opus-4.6 Mythos.`);
// - two models with a `/` between them (`claude-code/claude-opus-4.6/Mythos`: the literal id of a
//   made-up vendor `claude-opus-4.6`, past even `anthropic/*`; `Claude Opus 4.6/Mythos`);
// - Kimi Code's `K2.5` in marks (`` `K2.5` ``) or after `KimiCode`;
// - Bedrock's `-v1` without `:0` after a size (`qwen.qwen3-coder-480b-a35b-v1`);
// - Anthropic's API id `claude-mythos-preview` (read `anthropic/unknown`).
// - another vendor's model word after a Claude name (`Claude Opus 4.6 Codex`, `… mini`): a made-up
//   `anthropic/claude-opus-4.6-codex`, past a deny of Opus 4.6 without a warning.
import { describe, expect, it } from 'vitest';
import { expectEachRefused, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { readFileSync } from 'node:fs';
import { expectLog } from '../helpers/log-cases.js';

const POLICY = 'policy:\n  deny: ["anthropic/claude-opus-4.6", "anthropic/claude-mythos*", "anthropic/claude-sonnet-4.5", "moonshotai/kimi-k2.5", "qwen/qwen3-coder"]\n';

/** Each case: its `Assisted-by` value and the model the policy refuses in it. */
const CASES: Record<string, [string, string]> = {
  'tier-with-version': ['Claude Opus 4.6 Mythos-5', 'anthropic/claude-mythos-5'],
  'tier-id-after-id': ['claude-opus-4.6 sonnet-4.5', 'anthropic/claude-sonnet-4.5'],
  'tier-then-period': ['Copilot:claude-opus-4.6 Mythos.', 'anthropic/claude-mythos'],
  'slash-after-agent': ['claude-code/claude-opus-4.6/Mythos', 'anthropic/claude-mythos'],
  'slash-after-version': ['Claude Opus 4.6/Mythos', 'anthropic/claude-mythos'],
  'kimi-in-backticks': ['Kimi Code:`K2.5`', 'moonshotai/kimi-k2.5'],
  'kimi-joined-agent': ['KimiCode:K2.5', 'moonshotai/kimi-k2.5'],
  'bedrock-after-size': ['opencode:amazon-bedrock/qwen.qwen3-coder-480b-a35b-v1', 'qwen/qwen3-coder'],
  'mythos-preview-id': ['claude-code:claude-mythos-preview', 'anthropic/claude-mythos'],
  'another-vendors-word-after-claude': ['Claude Opus 4.6 Codex', 'anthropic/claude-opus-4.6'],
  'mini-after-claude-in-pair': ['Claude:claude-opus-4-6 mini', 'anthropic/claude-opus-4.6'],
};

const message = (value: string): string => `feat: add the exporter\n\nAssisted-by: ${value}\n`;

describe('spellings of the same models past helper h\'s readings', () => {
  it('check and pre-receive refuse each under a deny of the model it names', () => {
    const { remote, work } = policyServer(POLICY);
    const messages = Object.fromEntries(Object.entries(CASES).map(([name, [value]]) => [name, message(value)]));
    expectEachRefused(remote, work, messages, (_found, name, violations) => {
      expect(violations.filter((v) => v.rule === 'model-denied').map((v) => v.model), name).toContain(CASES[name]![1]);
    });
  });

  it('commit-msg through the shims starts node and refuses each', () => {
    const { repo, env, started } = hookedRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': POLICY }, { ...env, AITRAIL: '0' });
    Object.entries(CASES).forEach(([name, [value, model]], at) => {
      const before = readFileSync(started, 'utf8').split('\n').filter((line) => line.startsWith('hook commit-msg')).length;
      const made = tryGit(repo.dir, ['commit', '-q', '--allow-empty', '-m', message(value)], { env });
      const after = readFileSync(started, 'utf8').split('\n').filter((line) => line.startsWith('hook commit-msg')).length;
      expect(after, name).toBe(before + 1);
      expect(made.code, `${name}: ${made.stderr}`).not.toBe(0);
      expect(made.stderr, name).toContain(model);
    });
  });

  it('log names both models, and leaves the forms that name one as they were', () => {
    expectLog([
      [message('Claude Opus 4.6 Mythos-5'), ['unknown:anthropic/claude-opus-4.6', 'unknown:anthropic/claude-mythos-5']],
      [message('claude-code/claude-opus-4.6/Mythos'), ['claude-code:anthropic/claude-opus-4.6', 'claude-code:anthropic/claude-mythos']],
      // Two full ids: the first was lost (only Sonnet 4.5 read).
      [message('Claude Code:claude-opus-4.6/claude-sonnet-4.5'), ['claude-code:anthropic/claude-opus-4.6', 'claude-code:anthropic/claude-sonnet-4.5']],
      [message('Kimi Code:`K2.5`'), ['kimi-code:moonshotai/kimi-k2.5']],
      [message('claude-code:claude-mythos-preview'), ['claude-code:anthropic/claude-mythos']],
      // A tool's word that starts with a tier's (`opus-tools`), an id's own `/`, a version after a `/`
      // that names no model, `K8s`, and a Bedrock `-v1` that is part of the name read as before.
      [message('Claude Opus 4.6 opus-tools'), ['unknown:anthropic/claude-opus-4.6']],
      [message('Claude Opus 4.6 Thinking'), ['unknown:anthropic/claude-opus-4.6']],
      [message('Claude 3.5 Sonnet v2'), ['unknown:anthropic/claude-3.5-sonnet']],
      [message('Claude Mythos Preview'), ['unknown:anthropic/claude-mythos']],
      [message('openrouter/qwen/qwen3-coder'), ['unknown:qwen/qwen3-coder']],
      [message('claude-sonnet-4.5/4.6'), ['unknown:anthropic/claude-sonnet-4.5']],
      [message('Kimi Code:K8s manifests'), ['kimi-code:moonshotai/unknown']],
      [message('anthropic.claude-instant-v1'), ['unknown:anthropic/claude-instant-v1']],
    ]);
  });
});
