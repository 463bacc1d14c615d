// A message past detection's line limits is unread (refused: unread-declarations) when its unread part
// may declare something (src/core/detect/commit.ts pastLimits). "May declare" must hold for every line
// the readers read within the limits: key spellings they take (`Assisted_by`, `AI model`, `Made  with`),
// and keys and footers split by a terminal's colour sequence or a control character, which reading drops
// or reads as a space (readable.ts).
import { describe, expect, it } from 'vitest';
import { commitSignals } from '../../src/core/commit-signals.js';
import { detectCommit } from '../../src/core/detect.js';
import type { Identity } from '../../src/core/types.js';

const human: Identity = { name: 'Jane Doe', email: 'jane@example.com' };
const read = (message: string) => detectCommit(commitSignals({ message, author: human, committer: human }), {});
const prose = Array.from({ length: 20_010 }, (_, at) => `Step ${at}: the parser reads one more token.`).join('\n');

describe('a declaration past the line limits, in a spelling the readers take', () => {
  it.each([
    'Assisted_by: qwen-code:qwen/qwen3-coder',
    'Assisted  by: qwen-code:qwen/qwen3-coder',
    'Assisted _ by: qwen-code:qwen/qwen3-coder',
    'Co_Authored_By: Qwen-Coder <qwen-coder@alibabacloud.com>',
    'AI_Model: qwen3-coder',
    'AI model: qwen3-coder',
    'Made  with: Qwen Code',
    'Assis\x1b[0mted-by: qwen-code:qwen/qwen3-coder',
    'Assisted\x07by: qwen-code:qwen/qwen3-coder',
    'Gener\x1b[1mated with [Qwen Code](https://github.com/QwenLM/qwen-code)',
  ])('%j: read within the limits, unread (fail closed) past them', (line) => {
    expect(read(`feat: x\n\nNotes.\n${line}\n\nThanks.\n`).map((found) => `${found.agent}:${found.model}`).join(' ')).toMatch(/qwen/);
    const past = read(`feat: x\n\n${prose}\n${line}\n\nThanks.\n`);
    expect(past.some((found) => found.unread === true || `${found.agent}:${found.model}`.includes('qwen'))).toBe(true);
  });

  it('a long log of a person\'s, coloured and with snake_case names, or a tool\'s 40,000 `X:` lines, stays read as no one\'s', () => {
    const log = Array.from({ length: 20_010 }, (_, at) => `\x1b[32mPASS\x1b[0m test_parser_reads_token_${at} (${at} ms)`).join('\n');
    expect(read(`test: the whole log\n\n${log}\n\nAll green.\n`)).toEqual([]);
    expect(read(`chore: x\n\n${Array.from({ length: 40_000 }, () => `X: ${'x'.repeat(40)}`).join('\n')}\n`)).toEqual([]);
  });
});
