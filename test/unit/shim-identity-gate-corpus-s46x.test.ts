// The identity `case` split behind a digit gate (session 46, shim-parse-order-s46a.test.ts) over what agents and
// people really write: every author, committer and co-author identity of the attribution corpus, every corpus
// message as aitrail_plain reads it (`name <email>`, then the message), the model-author names of the
// signatures' co-author lines, and hostile forms (fullwidth and Arabic-Indic digits, superscripts, a `<` that is
// not ASCII). Run in sh (dash here), and in busybox sh when present: the split case and the single one it
// replaced (rebuilt from the same line) give each the same decision.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import corpus from '../fixtures/attribution-corpus.json' with { type: 'json' };
import signatures from '../../src/core/data/signatures.json' with { type: 'json' };
import { modelAuthorTexts } from '../../src/install/fast-path-signals.js';
import { identityCaseDecisions, identityCases, type IdentityCase } from '../helpers/shim-identity-case.js';

/** The distinct split identity cases of the message hooks (aitrail_quiet's author test; aitrail_plain's commits). */
function splitCases(): Map<string, IdentityCase> {
  return new Map(identityCases().map((entry) => [entry.subject, entry]));
}

const identities = new Set<string>();
const texts = new Set<string>();
for (const entry of corpus.entries) {
  for (const who of [entry.author, entry.committer]) identities.add(`${who.name} <${who.email}>`);
  for (const line of entry.message.matchAll(/^[A-Za-z-]*[Bb]y: *(.*?) *<([^>\n]*)>/gm)) identities.add(`${line[1]} <${line[2]}>`);
  texts.add(`${entry.author.name} <${entry.author.email}>\n${entry.message}`.replace(/\n+$/, ''));
  texts.add(`Jane Doe <jane@example.com>\n${entry.message}`.replace(/\n+$/, ''));
}
for (const line of signatures.coAuthorLines) identities.add(line);
for (const word of modelAuthorTexts()) {
  const title = word[0].toUpperCase() + word.slice(1);
  for (const name of [`${title} Opus 4.6`, `${title}3-Coder`, `${title}-2.5`, `${title} \uFF14`, `${title} \u0664.\u0665`, `${title} \u06F4`, `${title}\u00B2`, `${title} 4 \uFF1Cx`, `${title} 4 \u2039x`]) {
    identities.add(`${name} <noreply@example.com>`);
    texts.add(`Jane Doe <jane@example.com>\nFix\n\nCo-authored-by: ${name} <noreply@example.com>`);
  }
}
identities.add('Claude Opus 4.6 <noreply@anthropic.com>');
identities.add('Qwen3-Coder <qwen-coder@alibabacloud.com>');

const shells: string[][] = [['sh']];
if (spawnSync('busybox', ['sh', '-c', 'exit 0']).status === 0) shells.push(['busybox', 'sh']);

describe("the identity case's digit gate over the corpus's identities and messages", () => {
  const cases = splitCases();

  it('finds both identity cases (the author test and aitrail_plain)', () => {
    expect([...cases.keys()].sort()).toEqual(['"$aitrail_i"', '"$aitrail_t"']);
  });

  it.each(shells.flatMap((shell) => [...cases.keys()].map((subject) => [shell.join(' '), subject, shell] as const)))('%s, %s: the split case decides as the single one for each', (_name, subject, shell) => {
    const entry = cases.get(subject)!;
    const subjects = subject === '"$aitrail_i"' ? [...identities] : [...texts];
    const lines = identityCaseDecisions(shell, entry, subjects);
    expect(lines.length).toBe(subjects.length);
    expect(subjects.filter((_, index) => lines[index]?.[0] !== lines[index]?.[1])).toEqual([]);
    // Both decisions occur; a model-author name with an ASCII digit before its `<` (and no other signal) starts node.
    expect(new Set(lines)).toEqual(new Set(['00', '11']));
    if (subject === '"$aitrail_i"') {
      for (const name of ['Qwen3-Coder <qwen-coder@alibabacloud.com>', 'Mistral-2.5 <noreply@example.com>', 'Grok \uFF14 <noreply@example.com>', 'Kimi 4 \u2039x <noreply@example.com>']) expect(lines[subjects.indexOf(name)]).toBe('11');
      expect(lines[subjects.indexOf('Jane Doe <jane@example.com>')]).toBe('00');
    }
  });
});
