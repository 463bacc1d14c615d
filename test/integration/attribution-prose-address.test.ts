import { describe, it } from 'vitest';
import { expectLog, type Case } from '../helpers/log-cases.js';

/**
 * A co-author line inside a person's sentence that goes on past the address (README threat-model
 * row 406): a commit describing agents' signatures wraps `… Paperclip's` / `Co-Authored-By:
 * Paperclip <noreply@paperclip.ing>, oh-my-openagent 5's` / `'Ultraworked with [omo](...)' and …`.
 * Row 136 took a line for prose only when the next line went on in lower case, so this one, the
 * next line opening with a quote, read as Paperclip's and oh-my-openagent's commit (this
 * repository's own history had one such commit read as AI).
 */
const PROSE: Case[] = [
  ["detect: new agents' signatures\n\noh-my-codex's Co-authored-by: OmX <omx@oh-my-codex.dev>, Paperclip's\nCo-Authored-By: Paperclip <noreply@paperclip.ing>, oh-my-openagent 5's\n'Ultraworked with [omo](...)' and sisyphus-dev-ai's no-reply address, and\nCodeAF's footer were read as a person's commit.\n", []],
  ['docs: co-authors\n\nWe list tools the way GitHub does with\nCo-authored-by: Claude <noreply@anthropic.com>, Cursor\nand others in the contributing guide.\n', []],
];

/** A co-author line that ends its sentence, ends its paragraph, or stands under a list item is read as before. */
const DECLARED: Case[] = [
  ['feat: the cache\n\n* fix the cache\nCo-authored-by: Claude <noreply@anthropic.com>, Opus 4.6.\n* test the cache\n', ['claude-code:anthropic/claude-opus-4.6']],
  ['feat: the cache\n\nfix the cache\nCo-authored-by: Claude <noreply@anthropic.com>, thanks\n', ['claude-code:unknown']],
  ['feat: the cache (#13)\n\n* feat: the cache\nCo-authored-by: Claude <noreply@anthropic.com>\n* test: the cache\n\nThanks all.\n', ['claude-code:unknown']],
];

describe("a co-author line inside a person's sentence, going on past its address", () => {
  it('is no declaration; one that ends its sentence or paragraph is read as before', () => {
    expectLog([...PROSE, ...DECLARED]);
  });
});
