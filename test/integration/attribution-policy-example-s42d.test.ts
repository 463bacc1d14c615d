// A project's AI policy prints an example value for the trailer (`Assisted-by: Some AI Tool
// <https://someai.example.com>`, TYPO3's skeleton `Assisted-by: Some AI Model <noreply@someai.com>`)
// and tells its readers to replace it; copied as it stands it names no tool: `aitrail log`, and
// `aitrail check` under `unknownModel: deny`.
import { describe, expect, it } from 'vitest';
import { type Case, expectLog, refusedBy } from '../helpers/log-cases.js';

const EXAMPLES: Case[] = [
  ['fix: the parser\n\nAssisted-by: Some AI Tool <https://someai.example.com>\nSigned-off-by: Jane Doe <jane@example.com>\n', []],
  ['fix: the parser\n\nAssisted-by: Some AI Tool\n', []],
  ['[TASK] Fix the parser\n\nReleases: main, 14.3\nAssisted-by: Some AI Model <noreply@someai.com>\nSigned-off-by: Jane Doe <jane@example.com>\n', []],
  ['fix: the parser\n\nAssisted-by: some ai agent <bot@tools.example>\n', []],
  // What is not the example is read as before: a real address, other words, a name replacing it.
  ['feat: the cache\n\nAssisted-by: Some AI Model <noreply@anthropic.com>\n', ['claude-code:unknown']],
  ['feat: the cache\n\nAssisted-by: Some AI Tool <https://qwen.example.com.attacker.net>\n', ['unknown:unknown']],
  ['feat: the cache\n\nAssisted-by: an AI tool\n', ['unknown:unknown']],
  ['feat: the cache\n\nAssisted-by: Some AI Tool and qwen3-coder\n', ['unknown:qwen/qwen3-coder']],
  ['feat: the cache\n\nAssisted-by: Claude Code <https://claude.ai/code>\n', ['claude-code:unknown']],
];

describe("a policy's example value copied into the trailer", () => {
  it('log reads the example as nothing declared and anything else as before', () => {
    expectLog(EXAMPLES);
  });

  it('check under unknownModel: deny passes the examples', () => {
    const messages = EXAMPLES.slice(0, 4).map(([message]) => message);
    expect(refusedBy('policy:\n  unknownModel: deny\n', messages).refused).toEqual([]);
  });
});
