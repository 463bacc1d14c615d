// Final review, session 48 helper t (row 902): row 883 drops the model an agent named alone
// takes from its signatures (`Assisted-by: Qwen Code` → `qwen/unknown`, row 864) where another
// trailer names a model for it; it looked, for each such reading, over every other reading of the
// message, so a message of 30,000 `Assisted-by: Qwen Code` lines took 15 s of CPU in every hook,
// `check` and pre-receive (`Assisted-by: claude-code` the same number of times: 0.7 s). This test
// failed before its fix (commit.ts fromTrailers reads the agents given a model in one pass).
import { describe, expect, it } from 'vitest';
import { commitSignals } from '../../src/core/commit-signals.js';
import { detectCommit } from '../../src/core/detect.js';
import { cpuClock } from '../helpers/cpu-clock.js';

const human = { name: 'Jane Doe', email: 'jane@example.com' };
const detect = (message: string) => detectCommit(commitSignals({ message, author: human, committer: human })).map((a) => `${a.agent}:${a.model}`);

describe('thousands of agents named alone (row 902)', () => {
  it('are read in linear time, and still as rows 864 and 883 read them', () => {
    const lines = (line: string) => `feat: a\n\n${`${line}\n`.repeat(30_000)}`;
    const timed = (line: string) => {
      const start = cpuClock();
      const read = detect(lines(line))[0];
      return { read, ms: cpuClock() - start };
    };
    const other = timed('Assisted-by: claude-code');
    const alone = timed('Assisted-by: Qwen Code');
    expect(other.read).toBe('claude-code:unknown');
    expect(alone.read).toBe('qwen-code:qwen/unknown');
    // Within a few times the work of an agent with no model of its own (before the fix: ten times and more).
    expect(alone.ms).toBeLessThan(4 * other.ms + 1_000);
    expect(detect('feat: a\n\nAssisted-by: Qwen Code\nAssisted-by: Qwen Code\nAI-Model: gpt-4o\n')).toEqual(['qwen-code:openai/gpt-4o']);
    expect(detect('feat: a\n\nAssisted-by: Qwen Code\nAssisted-by: Kimi Code\nAssisted-by: kimi-code:deepseek/deepseek-v3\n')).toEqual(['qwen-code:qwen/unknown', 'kimi-code:deepseek/deepseek-v3']);
  }, 120_000);
});
