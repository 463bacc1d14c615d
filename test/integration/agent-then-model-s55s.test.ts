// Session 55 helper s (row 1190): catalog.ts nameVendor (a git-ai or co-author note's model, a model variable) read an
// agent's name a vendor's word starts, then another vendor's model (`claude-code-kimi`, `gemini-cli-qwen`, `llama-cpp-qwen3`),
// as the first word's vendor alone (anthropic/unknown), where `Assisted-by:` reads the model's too and `codex-kimi` was
// already read by its later words (row 1170): found re-reading session 55's merged nameVendor change as an attacker with
// `deny: ["moonshotai/*"]`; the note passed log, check and a real pre-receive. Now the rest after any agent's name decides
// (Moonshot's); an agent's name alone or with a rest of no vendor (`claude-code-latest`, `kimi-code-latest`) reads as before.
// At Claude Code's own address (`Claude (claude-code-kimi) <noreply@anthropic.com>`) identity.ts idVendor read no vendor for a
// name its own word starts (claude-code:unknown, before session 55 too): now another vendor's model after its name is read.
import { describe, it } from 'vitest';
import { expectEachPasses, expectEachRefusedNaming, policyServer } from '../helpers/enforce-repos.js';
import { expectLog } from '../helpers/log-cases.js';

const DENY = 'policy:\n  deny: ["moonshotai/*", "qwen/*"]\n';
const CLAUDE_KIMI = 'fix: c\n\nCo-Authored-By: Claude (claude-code-kimi) <noreply@anthropic.com>\n';
const note = (model: string): string => `fix: n\n\nCo-authored-by: opencode (${model}) <noreply@opencode.ai>\n`;

describe('an agent\'s name its vendor\'s word starts, then another vendor\'s model, is that model\'s vendor\'s (row 1190)', () => {
  it('log reads the model after the agent\'s name as Assisted-by: does; the agent\'s name alone or with no vendor after it as before', () => {
    expectLog([
      [note('claude-code-kimi'), ['opencode:moonshotai/unknown']],
      [note('gemini-cli-qwen'), ['opencode:qwen/unknown']],
      [note('llama-cpp-qwen3'), ['opencode:qwen/unknown']],
      [note('claude-code-latest'), ['opencode:anthropic/unknown']],
      [note('kimi-code-latest'), ['opencode:moonshotai/unknown']],
      [note('claude-code'), ['opencode:unknown']],
      [note('claude-code-opus-4'), ['opencode:anthropic/unknown']],
      // At the agent's own address (identity.ts idVendor): the model after its own name, not its own word alone.
      [CLAUDE_KIMI, ['claude-code:moonshotai/unknown']],
      ['fix: b\n\nCo-Authored-By: Claude (claude-bot) <noreply@anthropic.com>\n', ['claude-code:unknown']],
      ['fix: c\n\nCo-Authored-By: Claude (claude-code-latest) <noreply@anthropic.com>\n', ['claude-code:unknown']],
    ]);
  }, 120_000);

  it('check and a real pre-receive refuse the note naming Kimi after Claude Code\'s name, and pass Claude\'s own', () => {
    const { remote, work } = policyServer(DENY);
    expectEachRefusedNaming(remote, work, {
      kimi: [note('claude-code-kimi'), 'moonshotai/unknown'],
      qwen: [note('gemini-cli-qwen'), 'qwen/unknown'],
      own: [CLAUDE_KIMI, 'moonshotai/unknown'],
    });
    expectEachPasses(work, [note('claude-code-latest')]);
  }, 240_000);
});
