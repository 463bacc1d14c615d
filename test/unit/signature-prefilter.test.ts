import { describe, expect, it } from 'vitest';
import corpus from '../fixtures/attribution-corpus.json' with { type: 'json' };
import holdout from '../fixtures/attribution-holdout.json' with { type: 'json' };
import signatureData from '../../src/core/data/signatures.json' with { type: 'json' };
import { fromText } from '../../src/core/detect/commit.js';
import { envFindings } from '../../src/core/detect/env-findings.js';
import { lineLower, mayMatchLine, signatures } from '../../src/core/detect/signatures.js';

type Entry = { message: string };
type Line = { pattern: string; examples?: string[] };

/** Spellings of a message: case, characters that fold into letters, zero-width and fullwidth characters, CRLF, words around. */
function variants(message: string): string[] {
  const swap = (text: string) => [...text].map((ch, at) => (at % 2 ? ch.toUpperCase() : ch.toLowerCase())).join('');
  const fullwidth = (text: string) => text.replace(/[A-Za-z]/g, (ch) => String.fromCodePoint(ch.codePointAt(0)! + 0xfee0));
  return [
    message,
    message.toUpperCase(),
    message.toLowerCase(),
    swap(message),
    message.replace(/k/gi, '\u212a').replace(/s/g, '\u017f'),
    message.replace(/ /g, '\u200b '),
    message.replace(/th/gi, (pair) => fullwidth(pair)),
    message.replace(/\n/g, '\r\n'),
    message.replace(/^/gm, '\u{1F916} '),
    message.replace(/^(.)/gm, '\u00e9$1'),
    message.replace(/a/g, '\u0430'),
    message.replace(/\n/g, '\n> '),
    `Fix it\n\n${message}`,
  ];
}

/** One line each built-in subject and body-line signature matches. */
const SIGNED_LINES = [
  'aider: fix the parser',
  '\u{1F916} Generated with [Claude Code](https://claude.com/claude-code)',
  'Claude-Session: https://claude.ai/code/session_01AbCdEf',
  '\u{1F916} Generated with [opencode](https://opencode.ai)',
  'Generated with [Codex](https://chatgpt.com/codex?ref=openai.com)',
  '\u{1F916} Generated with [Qwen Code](https://github.com/QwenLM/qwen-code)',
  'Amp-Thread-ID: https://ampcode.com/threads/T-1234abcd-5678',
  '\u{1F498} Generated with Crush',
  '\u{1F916} Generated with [Cline](https://cline.bot)',
  'Copilot-Session: 12345678-1234-1234-1234-123456789abc',
  'Replit-Commit-Author: Assistant',
  '[Codex Task](https://chatgpt.com/codex/tasks/task_e_694400e34efc8325807c70c531c15e20)',
  'Task](https://chatgpt.com/codex/tasks/task_e_694400e34efc8325807c70c531c15e20)',
  '*PR created automatically by Jules for task [1056](https://jules.google.com/task/1056) started by @arii*',
  '\u{1F916} Generated with Codebuff',
];

describe('subject and body-line signatures are checked for their texts first', () => {
  it('each signature has a line here that it matches, also with K and \u017f for k and s', () => {
    for (const signature of [...signatures().subjects, ...signatures().bodyLines]) {
      const line = SIGNED_LINES.find((candidate) => signature.pattern.test(candidate));
      expect(line, `a line for ${signature.agent}`).toBeDefined();
      if (/[ks]/i.test(line!)) expect(signature.pattern.test(line!.replace(/k/gi, '\u212a').replace(/s/g, '\u017f')), line).toBe(true);
    }
  });

  it('gives exactly what running every expression gives, over the corpora messages, the signatures\' examples and their variants', () => {
    const messages = [...(corpus as unknown as { entries: Entry[] }).entries, ...(holdout as unknown as { entries: Entry[] }).entries].map((entry) => entry.message);
    const data = signatureData as unknown as { subjects: Line[]; bodyLines: Line[] };
    for (const entry of data.subjects) for (const example of entry.examples ?? []) messages.push(`${example}\n`);
    for (const entry of data.bodyLines) for (const example of entry.examples ?? []) messages.push(`Fix it\n\n${example}\n`);
    // A line each subject and body signature matches (each checked below), in every variant: case, K and ſ for k and s, emoji, fullwidth…
    for (const line of SIGNED_LINES) messages.push(`${line}\n`, `Fix it\n\n${line}\n`);
    // Lines each signature is written for, read off its own texts: the texts alone, in another case, inside prose.
    for (const signature of [...signatures().subjects, ...signatures().bodyLines]) {
      for (const text of signature.texts ?? []) messages.push(`${text}\n\n${text.toUpperCase()} and more\n`, `Fix it\n\nsee ${text}\n`);
    }
    const all = messages.flatMap(variants);
    expect(all.length).toBeGreaterThan(2000);
    let found = 0;
    for (const message of all) {
      const signals = { subject: message.split('\n', 1)[0] ?? '', message };
      const expected = fromText(signals, false);
      expect(fromText(signals), JSON.stringify(message.slice(0, 200))).toEqual(expected);
      found += expected.length;
    }
    // Agents' lines among them: the check is not vacuous.
    expect(found).toBeGreaterThan(200);
  });

  it('every line signature but a few has texts to check, and a plain line skips them (one outside ASCII too)', () => {
    const lines = [...signatures().subjects, ...signatures().bodyLines];
    expect(lines.filter((signature) => signature.texts !== undefined).length).toBeGreaterThanOrEqual(lines.length - 1);
    expect(fromText({ subject: 'Add a feature', message: 'Add a feature\n\nWith a body.\n' })).toEqual([]);
    expect(fromText({ subject: 'Fix it', message: 'Fix it\n\nGenerated with [Claude Code](https://claude.com/claude-code)\n' })).toHaveLength(1);
    expect(fromText({ subject: 'Fix it', message: 'Fix it\n\n\u{1F916} Generated with [Claude Code](https://claude.com/claude-code)\n' })).toHaveLength(1);
    expect(fromText({ subject: 'Fix it', message: 'Fix it\n\n\u{1F916} Generated with [Claude Code](https://claude.com/claude-code)\n' }, false)).toHaveLength(1);
    // Characters outside ASCII that fold into ASCII letters (the expressions read Unicode without case): K and \u017f.
    const session = { agent: 'x', pattern: /session/iu, texts: ['session'], asciiTexts: true };
    for (const line of ['\u017fe\u017f\u017fion \u00e9', 'SESSION \u00e9', 'Se\u017f\u017fion']) expect(mayMatchLine(session, lineLower(line)), line).toBe(session.pattern.test(line));
    expect(mayMatchLine({ ...session, texts: ['kind'] }, lineLower('\u212aIND \u00e9'))).toBe(true);
    expect(mayMatchLine(session, lineLower('sess\u00e9ion'))).toBe(false);
    // The one texts check that runs the expressions: a line outside ASCII, for a signature with a text outside ASCII (none today).
    expect(lines.filter((signature) => signature.texts !== undefined && !signature.asciiTexts)).toEqual([]);
  });
});

describe('agent environment markers', () => {
  it('no marker pattern matches an unset or empty variable (envFindings skips them without compiling the pattern)', () => {
    const data = signatureData as unknown as { env: { when: Record<string, string> }[] };
    for (const entry of data.env) for (const [name, pattern] of Object.entries(entry.when)) expect(new RegExp(pattern, 'iu').test(''), `${name}: ${pattern}`).toBe(false);
    expect(envFindings({}, {})).toEqual([]);
    const every = Object.fromEntries(data.env.flatMap((entry) => Object.keys(entry.when)).map((name) => [name, '']));
    expect(envFindings(every, {})).toEqual([]);
  });
});
