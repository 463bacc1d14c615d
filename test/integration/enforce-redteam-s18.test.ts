// Red team, session 18: declarations a person reads once Markdown renders the message (a pull
// request's description kept by a squash merge, a changelog entry, a bold key in a body): a
// bullet, emphasis or code marks around the key, or around the whole line; and a team's own
// detect.rules outrun by padding. A real bare server running the pre-receive hook (real pushes,
// --no-verify) and `aitrail check`. Each test failed before its fix: every case passed under deny qwen/*.
import { describe, expect, it } from 'vitest';
import { expectEachPasses, expectEachRefused, policyServer, pushCase } from '../helpers/enforce-repos.js';
import { markdownKeyTexts } from '../../src/core/detect/commit.js';

/** The one text a line that is no table row shows (markdownKeyTexts gives a table row one a value cell), or null. */
const markdownKeyText = (text: string): string | null => markdownKeyTexts(text)[0] ?? null;

const QWEN = 'qwen-code:qwen/qwen3-coder';

describe('a declaration in Markdown', () => {
  it('**Assisted-by:**, **Assisted-by**:, *…*, ***…***, __…__, `…`, <b>…</b>, <p>…</p>, a link text, a heading, a bullet, a ticked task, a numbered item, a whole line in bold or code: refused by check and at pre-receive; prose under the same marks, and an unticked task, pass', () => {
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
      'bold italic': `***Assisted-by:*** ${QWEN}`,
      'html bold': `<b>Assisted-by:</b> ${QWEN}`,
      'html strong key': `<strong>Assisted-by</strong>: ${QWEN}`,
      // As a squash merge keeps a pull request's description (git's own cleanup would drop a `#` line).
      heading: `## Assisted-by: ${QWEN}`,
      'ticked task': `- [x] Assisted-by: ${QWEN}`,
      'block tag': `<p align="center">Assisted-by: ${QWEN}</p>`,
      'small print': `<sub>**Assisted-by:** ${QWEN}</sub>`,
      'link text': `[Assisted-by: ${QWEN}](https://github.com/QwenLM/qwen-code)`,
      'linked key': `[Assisted-by](https://docs.kernel.org/process/coding-assistants.html): ${QWEN}`,
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
      // An unticked task says the tool was not used; a tag around a person's note is prose.
      `docs: template\n\n- [ ] Assisted-by: ${QWEN}\n\n<b>Note:</b> qwen3-coder is fast.\n`,
      'docs: links\n\n[Benchmarks](https://example.com/qwen3-coder): qwen3-coder is fast.\n\n<p>AI-Model: add qwen3-coder support</p>\n',
    ];
    expectEachPasses(work, prose);
  });

  it('markdownKeyText reads the marks as Markdown shows them, and nothing else', () => {
    expect(markdownKeyText('**Assisted-by:** x')).toBe('Assisted-by: x');
    expect(markdownKeyText('**Assisted-by**: x')).toBe('Assisted-by: x');
    expect(markdownKeyText('- Assisted-by: x')).toBe('Assisted-by: x');
    expect(markdownKeyText('12) `AI-Model`: x')).toBe('AI-Model: x');
    expect(markdownKeyText('`Assisted-by: x`')).toBe('Assisted-by: x');
    // An unticked task is no declaration; a line without marks is itself.
    expect(markdownKeyText('- [x] Claude Code')).toBe('Claude Code');
    expect(markdownKeyText('- [ ] Assisted-by: x')).toBeNull();
    expect(markdownKeyText('<strong>Assisted-by</strong>: x')).toBe('Assisted-by: x');
    expect(markdownKeyText('### Assisted-by: x')).toBe('Assisted-by: x');
    expect(markdownKeyText('Assisted-by: x')).toBeNull();
    // A colon inside and after the marks is no key Markdown shows: left as it is.
    expect(markdownKeyText('**Assisted-by:**: x')).toBeNull();
    // Linear (a hang guard: the test's timeout): long runs of marks and words, never closed.
    expect(markdownKeyText(`**${'a*'.repeat(200_000)}b`)).toBeNull();
    expect(markdownKeyText(`\`${'a '.repeat(200_000)}`)).toBeNull();
    expect(markdownKeyText(`<p>${' '.repeat(200_000)}x`)).toBe('x');
    expect(markdownKeyText(`[${'a'.repeat(200_000)}](${')'.repeat(3)}`)).toBeNull();
    expect(markdownKeyText('[Assisted-by](https://x.y): x')).toBe('Assisted-by: x');
    expect(markdownKeyText('<p>Assisted-by: x</p>')).toBe('Assisted-by: x');
  });
});

describe('a team\'s own rule outrun by padding', () => {
  it('a body rule naming an in-house gateway\'s footer after 5,000 or 60,000 characters: refused by check and at pre-receive; past 64 KB the commit is unread (refused); a person\'s long message passes', () => {
    const config = 'policy:\n  deny: ["qwen/*"]\ndetect:\n  rules:\n    - { field: body, pattern: "Generated by AcmeCoder", agent: acme-coder, model: qwen/qwen3-coder }\n';
    const { remote, work } = policyServer(config);
    const prose = (chars: number): string => 'The parser reads one more token. '.repeat(Math.ceil(chars / 33)).slice(0, chars);
    expectEachRefused(remote, work, {
      short: 'feat: parser\n\nGenerated by AcmeCoder\n',
      padded: `feat: parser\n\n${prose(5_000)}\n\nGenerated by AcmeCoder\n`,
      far: `feat: parser\n\n${prose(60_000)}\n\nGenerated by AcmeCoder\n`,
    }, (found, name) => expect(found, name).toContain('qwen/qwen3-coder'));
    // Past what a rule reads: the footer may be there, so the commit is unread, refused by rule unread-declarations.
    expectEachRefused(remote, work, { beyond: `feat: parser\n\n${prose(70_000)}\n\nGenerated by AcmeCoder\n` }, (_, name, own) => expect(own.map((violation) => violation.rule), name).toContain('unread-declarations'));
    const person = pushCase(work, 'person', `docs: a long changelog\n\n${prose(20_000)}\n`);
    expect(person.code, person.stderr).toBe(0);
  });
});
