// Session 51 (l): hostile `Assisted-by` values walked through every reader. Row 1005: the kernel's
// `AGENT:MODEL` with a list's mark right after the colon (`aider:+qwen/qwen3-coder`) cut the agent
// off into a clause of its own, read as no one: the model stayed (and a deny of it refused), but
// log and blame --by agent said `unknown` for an agent the value names. The rest hold what was
// already read as a reasonable reader would (or `unknown`), never another real model or a person.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';
import { expectLog, refusedBy } from '../helpers/log-cases.js';

const at = (value: string) => `feat: x\n\nAssisted-by: ${value}\n`;

describe('hostile Assisted-by values (session 51 l)', () => {
  it('row 1005: a list mark right after the colon keeps the agent', () => {
    expectLog([
      [at('aider:+qwen/qwen3-coder'), ['aider:qwen/qwen3-coder']],
      [at('aider: +qwen/qwen3-coder'), ['aider:qwen/qwen3-coder']],
      [at('claude-code:+anthropic/claude-opus-4.6'), ['claude-code:anthropic/claude-opus-4.6']],
      [at('cursor:|qwen/qwen3-coder'), ['cursor:qwen/qwen3-coder']],
      [at('agent2:+evil/z|w'), ['agent2:evil/z']],
      [at('aider:+x'), ['aider:unknown']],
      // A mark between two names still joins them.
      [at('aider:anthropic/claude-opus-4.6|qwen/qwen3-coder'), ['aider:anthropic/claude-opus-4.6', 'aider:qwen/qwen3-coder']],
      [at('claude-opus-4.6 + qwen3-coder'), ['unknown:anthropic/claude-opus-4.6', 'unknown:qwen/qwen3-coder']],
    ]);
  });

  it('row 1005: blame --by agent names the agent', () => {
    const repo = makeRepo();
    repo.commit(at('claude-code:+anthropic/claude-opus-4.6'), { 'a.txt': 'one\ntwo\n' });
    const blame = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(blame.code, blame.stderr).toBe(0);
    expect((JSON.parse(blame.stdout) as { totals: { byAgent: Record<string, number> } }).totals.byAgent).toEqual({ 'claude-code': 2 });
  });

  it('junk after the model, marks, brackets, tabs and control characters read the model or unknown, and a deny of it refuses', () => {
    const values = ['qwen/qwen3-coder|x', 'qwen/qwen3-coder;rm', 'qwen/qwen3-coder\u200b', 'qwen/qwen3-coder (via x)', '+qwen/qwen3-coder', '-qwen/qwen3-coder',
      'x:qwen/qwen3-coder', '[qwen/qwen3-coder]', 'qwen/qwen3-coder [cursor]', '\tqwen/qwen3-coder', 'qwen/qwen3-coder\u0001', 'qwen/qwen3-coder::x'];
    expectLog([
      [at('aider:qwen/qwen3-coder|x'), ['aider:qwen/qwen3-coder']],
      [at('aider:qwen/qwen3-coder;rm'), ['aider:qwen/qwen3-coder']],
      [at('aider:qwen/qwen3-coder\u200b'), ['aider:qwen/qwen3-coder']],
      [at('aider:qwen/qwen3-coder (via x)'), ['aider:qwen/qwen3-coder']],
      [at('aider:-qwen/qwen3-coder'), ['aider:qwen/qwen3-coder']],
      [at('aider:x:qwen/qwen3-coder'), ['aider:qwen/qwen3-coder']],
      [at('aider:qwen/qwen3-coder [cursor]'), ['aider:qwen/qwen3-coder', 'cursor:unknown']],
      [at('aider:\tqwen/qwen3-coder'), ['aider:qwen/qwen3-coder']],
      [at('aider:qwen/qwen3-coder\u0001'), ['aider:qwen/qwen3-coder']],
      [at('Jane Doe <jane@example.com>'), []],
    ]);
    const { refused, shas } = refusedBy('policy:\n  deny: ["qwen/*"]\n', values.map((value) => at(`aider:${value}`)));
    expect(refused).toEqual([...shas].sort());
  });
});
