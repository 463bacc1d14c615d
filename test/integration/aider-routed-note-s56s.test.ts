// Session 56 helper s (row 1221): aider's co-author line with its `--model` as written, a router's prefix before a model
// the catalog does not list (`Co-authored-by: aider (openrouter/kimi-new) <aider@aider.chat>`), read as `aider:unknown`:
// identity.ts unknownModelVendor tried the whole `openrouter/kimi-new` as one id, which no id pattern takes, so a deny of
// Moonshot passed (found by helper j replaying co-author notes with the built CLI's `log`; replayed here with log, check
// and a real bare server's pre-receive). Now a router's prefixes (models.json `routers`) are dropped before the note's
// vendor is read: Moonshot's unknown model. A router's prefix before a listed vendor's id, or a note naming no vendor, reads as before.
import { describe, it } from 'vitest';
import { expectEachPasses, expectEachRefusedNaming, policyServer } from '../helpers/enforce-repos.js';
import { expectLog } from '../helpers/log-cases.js';

describe('a router-prefixed unlisted model in an agent\'s co-author note names its vendor (row 1221)', () => {
  it('log reads Moonshot\'s; check\'s pre-receive refuses it under a deny of Moonshot', () => {
    expectLog([
      ['fix: a\n\nCo-authored-by: aider (openrouter/kimi-new) <aider@aider.chat>\n', ['aider:moonshotai/unknown']],
      ['fix: b\n\nCo-authored-by: aider (litellm/openrouter/kimi-new) <aider@aider.chat>\n', ['aider:moonshotai/unknown']],
      ['fix: c\n\nCo-authored-by: aider (openrouter/moonshotai/kimi-new) <aider@aider.chat>\n', ['aider:moonshotai/kimi-new']],
      ['fix: d\n\nCo-authored-by: aider (openrouter/gpt-4o) <aider@aider.chat>\n', ['aider:openai/gpt-4o']],
      ['fix: e\n\nCo-authored-by: aider (openrouter/new-thing) <aider@aider.chat>\n', ['aider:unknown']],
    ]);
    const { remote, work } = policyServer('policy:\n  deny: ["moonshotai/*"]\n');
    expectEachRefusedNaming(remote, work, { kimi: ['fix: k\n\nCo-authored-by: aider (openrouter/kimi-new) <aider@aider.chat>\n', 'moonshotai/unknown'] });
    expectEachPasses(work, ['fix: p\n\nCo-authored-by: aider (openrouter/gpt-4o) <aider@aider.chat>\n']);
  }, 240_000);
});
