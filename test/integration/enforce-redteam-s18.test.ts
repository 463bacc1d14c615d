// Red team, session 18: declarations a person reads once Markdown renders the message (a pull
// request's description kept by a squash merge, a changelog entry, a bold key in a body): a
// bullet, emphasis or code marks around the key, or around the whole line. A real bare server
// running the pre-receive hook (real pushes, --no-verify) and `aitrail check`. The test failed
// before its fix: every one of these passed under deny qwen/*.
import { describe, expect, it } from 'vitest';
import { expectEachRefused, policyServer, pushCase } from '../helpers/enforce-repos.js';
import { markdownKeyText } from '../../src/core/detect/commit.js';

const QWEN = 'qwen-code:qwen/qwen3-coder';

describe('a declaration in Markdown', () => {
  it('**Assisted-by:**, **Assisted-by**:, *…*, __…__, `…`, a bullet, a numbered item, a whole line in bold or code: refused by check and at pre-receive; prose under the same marks passes', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    const declared: Record<string, string> = {
      bold: `**Assisted-by:** ${QWEN}`,
      'bold key': `**Assisted-by**: ${QWEN}`,
      emphasis: `*Assisted-by:* ${QWEN}`,
      underscores: '__Co-authored-by:__ aider (qwen/qwen3-coder) <aider@aider.chat>',
      code: `\`Assisted-by:\` ${QWEN}`,
      bullet: `- Assisted-by: ${QWEN}`,
      'bold bullet': '* **AI-Model:** qwen3-coder',
      numbered: `1. Assisted-by: ${QWEN}`,
      'whole line bold': `**Assisted-by: ${QWEN}**`,
      'whole line code': `\`Assisted-by: ${QWEN}\``,
    };
    const cases = Object.fromEntries(Object.entries(declared).map(([name, line]) => [name, `feat: parser\n\nRewritten.\n\n${line}\n`]));
    // The subject alone too, as a person sees a message that is only a declaration.
    cases.subject = `**Assisted-by:** ${QWEN}\n`;
    expectEachRefused(remote, work, cases, (found, name) => expect(found, name).toContain('qwen/qwen3-coder'));
    // The same marks around a person's words: a changelog, a note, a heading.
    const prose = [
      'docs: changelog\n\n- AI-Model: add qwen3-coder to the list of supported models\n- Made-with: Cursor support in the editor plugin\n',
      'docs: notes\n\n**Note:** the qwen3-coder benchmark is in bench/.\n\n*Generated-by:* the release script\n',
      'docs: list\n\n1. Co-authored-by: Jane Doe <jane@example.com>\n',
    ];
    prose.forEach((message, at) => {
      const push = pushCase(work, `prose-${at}`, message);
      expect(push.code, `${message}\n${push.stderr}`).toBe(0);
    });
  });

  it('markdownKeyText reads the marks as Markdown shows them, and nothing else', () => {
    expect(markdownKeyText('**Assisted-by:** x')).toBe('Assisted-by: x');
    expect(markdownKeyText('**Assisted-by**: x')).toBe('Assisted-by: x');
    expect(markdownKeyText('- Assisted-by: x')).toBe('Assisted-by: x');
    expect(markdownKeyText('12) `AI-Model`: x')).toBe('AI-Model: x');
    expect(markdownKeyText('`Assisted-by: x`')).toBe('Assisted-by: x');
    // A task list item is the checklist's (fromChecklist), a line without marks is itself.
    expect(markdownKeyText('- [x] Claude Code')).toBeNull();
    expect(markdownKeyText('Assisted-by: x')).toBeNull();
    // A colon inside and after the marks is no key Markdown shows: left as it is.
    expect(markdownKeyText('**Assisted-by:**: x')).toBeNull();
    // Linear (a hang guard: the test's timeout): long runs of marks and words, never closed.
    expect(markdownKeyText(`**${'a*'.repeat(200_000)}b`)).toBeNull();
    expect(markdownKeyText(`\`${'a '.repeat(200_000)}`)).toBeNull();
  });
});
