import { describe, expect, it } from 'vitest';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';

// Session 33 (red team, insider with a denied model): a declaration split by a control character
// that a screen shows nothing for, pushed with `--no-verify` to a real server running pre-receive,
// and `aitrail check`.

const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n';

describe('control characters and escape sequences a screen does not show', () => {
  it('a key or a model split by one (`q\\x01wen3-coder`, `Co-authored\\x07-by:`, `q\\x1b7wen3-coder`) is refused by check and pre-receive; a person’s message holding some passes', () => {
    const { remote, work } = policyServer(DENY_QWEN);
    expectEachRefused(
      remote,
      work,
      {
        // `git log` without a pager (and a web page) shows `…, qwen3-coder`: reading took `q wen3-coder`, two words, and Claude alone.
        soh: 'feat: parser\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6, q\x01wen3-coder\n',
        del: 'feat: parser\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6, q\x7fwen3-coder\n',
        c1: 'feat: parser\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6, q\u0081wen3-coder\n',
        // Escape sequences a terminal acts on without drawing them: save the cursor, pick a character set, set the title.
        save: 'feat: parser\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6, q\x1b7wen3-coder\n',
        charset: 'feat: parser\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6, \x1b(Bqwen3-coder\n',
        title: 'feat: parser\n\nAssis\x1b]0;build\x07ted-by: qwen-code:qwen/qwen3-coder\n',
        key: 'feat: parser\n\nAssis\x1fted-by: qwen-code:qwen/qwen3-coder\n',
        coauthor: 'feat: parser\n\nCo-authored\x07-by: aider (qwen/qwen3-coder) <aider@aider.chat>\n',
      },
      (models, name) => expect(models.some((model) => model.startsWith('qwen/')), name).toBe(true),
    );
    expectEachPasses(work, ['fix: parse the \x01 byte as a separator\n\nReviewed-by: Bob\x02 <bob@example.com>\n', 'docs: \x1b[31mred\x1b[0m, \x1b7 and \x1b]0;title\x07 in the terminal guide\n']);
  });
});
