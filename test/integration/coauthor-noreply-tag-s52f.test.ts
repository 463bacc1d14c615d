// Session 52 helper f (row 1032): an agent named at a sub-addressed no-reply mailbox. A public
// attribution guide gives each agent a line at its vendor's `noreply+<agent>@` address:
// `Co-Authored-By: Goose (Block/Goose) <noreply+goose@block.xyz>` (corpus entry
// s52f-goose-block-goose-parens). An agent named at a no-reply address is read (`Goose
// <noreply@block.xyz>` is goose), but the `+goose` tag made the mailbox no no-reply one, so the
// commit was a person's and `check` and pre-receive passed it under `unknownModel: deny`. This
// test failed before its fix (declared-value.ts NO_REPLY). A person at a tagged no-reply
// mailbox stays a person; a GitHub login's `<id>+<login>@users.noreply.github.com` is unchanged.
import { describe, expect, it } from 'vitest';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';

describe('an agent named at a sub-addressed no-reply mailbox (row 1032)', () => {
  it('is refused by check and pre-receive; a person there is not', () => {
    const { remote, work } = policyServer('policy:\n  unknownModel: deny\n');
    expectEachRefused(remote, work, {
      goose: 'feat: add the recipe loader\n\nCo-Authored-By: Goose (Block/Goose) <noreply+goose@block.xyz>\n',
      plain: 'feat: b\n\nCo-Authored-By: Goose <noreply+goose@block.xyz>\n',
    }, (found, name) => expect(found, name).toContain('unknown'));
    expectEachPasses(work, [
      'feat: c\n\nCo-authored-by: Jane Doe <noreply+jane@example.com>\n',
      'feat: d\n\nCo-authored-by: Goose Smith <noreply+goose@example.com>\n',
    ]);
  }, 180_000);
});
