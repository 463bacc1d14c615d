// Red team, session 28 (row 337): a denied vendor's `vendor/model` id made unreadable by one odd
// character inside Qwen Code's own `AGENT:MODEL` pair. The agent's name (`Qwen Code`) holds the
// vendor's word, so the vendor of the id was taken for the agent's and dropped: the commit read as
// `qwen-code:unknown` (a warning under policy.unknownModel) and passed `check` and pre-receive under
// `deny: ["qwen/*"]`. A real bare server running the pre-receive hook (pushes with --no-verify) and
// `aitrail check`. This test failed before its fix.
import { describe, expect, it } from 'vitest';
import { expectEachRefused, policyServer } from '../helpers/enforce-repos.js';

describe('a vendor id inside an agent pair whose agent is named by the vendor (row 337)', () => {
  it('refuses qwen-code:qwen/<odd character>qwen3-coder under deny qwen/*, in check and pre-receive', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    expectEachRefused(remote, work, {
      // U+FFFD: what every reader shows for one stray byte that is not UTF-8 (`\x81`).
      replacement: 'feat: a\n\nAssisted-by: qwen-code:qwen/\uFFFDqwen3-coder\n',
      bang: 'feat: b\n\nAssisted-by: qwen-code:qwen/!qwen3-coder\n',
      trailing: 'feat: c\n\nAssisted-by: qwen-code:qwen/qwen3-coder\u2603\n',
      noted: 'feat: d\n\nAssisted-by: Qwen Code (qwen/%qwen3-coder)\n',
      // No `/`: the vendor's word glued to the rest of the id by a mark.
      glued: 'feat: e\n\nAssisted-by: qwen-code:qwen!3-coder\n',
      // Row 407: the enforcing layers also read the message with U+FFFD dropped, as a screen shows it.
    }, (found, name) => expect(found, name).toContain(name === 'replacement' ? 'qwen/qwen3-coder' : 'qwen/unknown'));
  }, 120_000);
});
