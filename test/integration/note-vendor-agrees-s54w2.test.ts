// Session 54 helper w2 (row 1157): a model name the catalog cannot read was read by opencode's co-author note and
// footer otherwise than by `Assisted-by:`. `opencode (team-codex-kimi) <noreply@opencode.ai>` and the footer
// `🤖 Generated with [opencode](…) (team-codex-kimi)` read `openai/unknown` (`codex`, a later word, taken for OpenAI's
// family; `codex-kimi`, an agent's first word, the same) while `Assisted-by: opencode:team-codex-kimi` read Moonshot's;
// `Assisted-by: opencode (q-wen3-coder)` (a note, no colon) read `opencode:unknown` while `opencode:q-wen3-coder` read
// Qwen3-Coder (row 1155). Found by the last re-read of session 54 in a temporary repository with the built CLI's `log`.
// Now `codex`, OpenAI's agent's name and no vendor's word, names no vendor in a note either (catalog.ts nameVendor,
// identity.ts idVendor), and a known agent's note in a declared value that names nothing word by word is read whole
// (mentions.ts scanClause → wholeRight): every form reads one vendor.
import { describe, expect, it } from 'vitest';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';
import { expectLog } from '../helpers/log-cases.js';

const NOTE = 'fix: a\n\nCo-authored-by: opencode (team-codex-kimi) <noreply@opencode.ai>\n';
const FOOTER = 'fix: b\n\n🤖 Generated with [opencode](https://opencode.ai) (team-codex-kimi)\n';
const FIRST = 'fix: c\n\nCo-authored-by: opencode (codex-kimi) <noreply@opencode.ai>\n';
const NOTED_QWEN = 'fix: d\n\nAssisted-by: opencode (q-wen3-coder)\n';

describe('a note and a footer read a model name\'s vendor as Assisted-by: does (row 1157)', () => {
  it('log gives every form of one name one vendor', () => {
    expectLog([
      ['fix: t\n\nAssisted-by: opencode:team-codex-kimi\n', ['opencode:moonshotai/unknown']],
      [NOTE, ['opencode:moonshotai/unknown']],
      [FOOTER, ['opencode:moonshotai/unknown']],
      ['fix: u\n\nAssisted-by: opencode:codex-kimi\n', ['opencode:moonshotai/unknown']],
      [FIRST, ['opencode:moonshotai/unknown']],
      ['fix: v\n\nAssisted-by: opencode:my-codex\n', ['opencode:unknown']],
      ['fix: w\n\nCo-authored-by: opencode (my-codex) <noreply@opencode.ai>\n', ['opencode:unknown']],
      ['fix: x\n\nAssisted-by: opencode:q-wen3-coder\n', ['opencode:qwen/qwen3-coder']],
      [NOTED_QWEN, ['opencode:qwen/qwen3-coder']],
      ['fix: y\n\nAssisted-by: opencode (big-pickle)\n', ['opencode:unknown']],
      ['fix: z\n\nCo-authored-by: opencode (gpt-5-codex) <noreply@opencode.ai>\n', ['opencode:openai/gpt-5-codex']],
    ]);
  }, 120_000);

  it('check and pre-receive refuse them under a deny of their vendors; another vendor\'s note passes', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["moonshotai/*", "qwen/*"]\n');
    expectEachRefused(remote, work, { note: NOTE, footer: FOOTER, first: FIRST, noted: NOTED_QWEN }, (found, name) => {
      expect(found, name).toContain(name === 'noted' ? 'qwen/qwen3-coder' : 'moonshotai/unknown');
    });
    expectEachPasses(work, ['fix: p\n\nAssisted-by: opencode (c-laude-sonnet-4)\n']);
  }, 240_000);
});
