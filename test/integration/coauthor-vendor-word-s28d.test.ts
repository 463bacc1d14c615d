// Red team, session 28 (row 338): row 337's unreadable id, on a co-author or made-with line. Qwen
// Code named with a model no reader can read (`Qwen Code (qwen/!qwen3-coder)`, one stray byte read as
// U+FFFD) read as `qwen-code:unknown`: the vendor the note names was never counted, so the commit
// passed `check` and pre-receive under `deny: ["qwen/*"]` with a warning. A real bare server running
// the pre-receive hook (pushes with --no-verify) and `aitrail check`. This test failed before its fix.
import { describe, expect, it } from 'vitest';
import { expectEachRefused, policyServer } from '../helpers/enforce-repos.js';

describe('an agent named beside an unreadable id of its vendor, on a co-author or made-with line (row 338)', () => {
  it('refuses Qwen Code (qwen/<odd character>…) under deny qwen/*, in check and pre-receive', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    expectEachRefused(remote, work, {
      coauthor: 'feat: a\n\nCo-authored-by: Qwen Code (qwen/!qwen3-coder) <dev@example.com>\n',
      replacement: 'feat: b\n\nCo-authored-by: Qwen Code (qwen\uFFFD3-coder) <dev@example.com>\n',
      madeWith: 'feat: c\n\nMade-with: Qwen Code (qwen!3-coder)\n',
      // Row 407: the enforcing layers also read the message with U+FFFD dropped, as a screen shows it.
    }, (found, name) => expect(found, name).toContain(name === 'replacement' ? 'qwen/qwen3-coder' : 'qwen/unknown'));
  }, 120_000);
});
