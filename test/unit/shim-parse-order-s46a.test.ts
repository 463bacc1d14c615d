// A person's commit and amend: what the shims make dash parse and try before the fast path ends them (session 46).
// 1. prepare-commit-msg defines aitrail_plain and aitrail_folded (a rebase fixup or squash step's test: ~11 KB of
//    patterns) after the fast path's exit, so a commit the fast path ends never parses them (dash reads a script a
//    command at a time); the fold step's decision is still taken, a few lines later (the fold integration tests).
// 2. The identity `case` (aitrail_quiet's author test, aitrail_plain's commits) tries the model-author alternatives
//    (`*word*[0-9]*\<*`, `*[0-9]*word*\<*`, several `*` each: time growing with the square of the text) only for a
//    subject with a digit before a `<`, in a second `case`. The differential below runs, in sh, that split `case`
//    and the single one it replaced (rebuilt from the same line) over generated subjects: the same decision for each.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { identityTexts, messageTexts, modelAuthorTexts } from '../../src/install/fast-path-signals.js';
import { identityCaseDecisions, identityCases } from '../helpers/shim-identity-case.js';

const hook = (name: string) => readFileSync(new URL(`../../hooks/${name}`, import.meta.url), 'utf8');

describe("prepare-commit-msg: a fold step's functions come after the fast path's exit", () => {
  const body = hook('prepare-commit-msg');
  // Since session 50's amend-source (the README speed section; rows 967, 975) an amend of HEAD's own message (`commit HEAD`) goes on past the exit too.
  const exit = body.indexOf('aitrail_quiet "$1" && aitrail_fresh && aitrail_prepared "$1" "${2-}"; then [ -n "$aitrail_dn" ] || [ "${2-}:${3-}" = commit:HEAD ] || exit 0; aitrail_dq=1; fi');

  it('the fast path ends the hook before aitrail_plain and aitrail_folded are defined', () => {
    expect(exit).toBeGreaterThan(0);
    for (const name of ['aitrail_plain() {', 'aitrail_folded() {']) {
      expect(body.indexOf(name)).toBeGreaterThan(exit);
      expect(body.indexOf(name)).toBe(body.lastIndexOf(name));
    }
  });

  it('the fold step is marked before the fast path (which it keeps from ending the hook) and decided after it', () => {
    expect(body.indexOf('aitrail_fold=2')).toBeGreaterThan(0);
    expect(body.indexOf('aitrail_fold=2')).toBeLessThan(exit);
    expect(body.slice(exit)).toMatch(/if \[ "\$aitrail_fold" = 2 \]; then\n[\s\S]*if aitrail_folded; then exit 0; fi\n[\s\S]*aitrail_fold=1\nfi\n/);
  });
});

describe('the identity case tries the model-author alternatives only for a subject with a digit before a `<`', () => {
  const cases = identityCases();

  it('each message hook holds its split case (aitrail_quiet: 4 hooks; aitrail_plain: prepare-commit-msg, post-commit, post-rewrite)', () => {
    const where = cases.map((entry) => entry.where.split(':')[0]);
    for (const name of ['prepare-commit-msg', 'commit-msg', 'applypatch-msg', 'pre-applypatch']) expect(where.filter((hookName) => hookName === name).length).toBeGreaterThanOrEqual(1);
    for (const name of ['prepare-commit-msg', 'post-commit', 'post-rewrite']) expect(cases.some((entry) => entry.where.startsWith(`${name}:`) && entry.subject === '"$aitrail_t"')).toBe(true);
    // Each alternative of the second case needs a digit before a `<`: the first case's gate lets none of them go untried.
    for (const entry of cases) for (const alternative of entry.named.split('|')) expect(alternative).toMatch(/^\*(?:\[0-9\]\*.+\*|.+\*\[0-9\]\*)\\<\*$/);
  });

  it.each(identityCases().map((entry) => [entry.where, entry] as const))('%s: the same decision as the single case it replaced, over generated subjects', (_where, entry) => {
    const words = modelAuthorTexts();
    const texts = [...identityTexts(), ...messageTexts()];
    const subjects = [
      'Jane Doe <jane@example.com>',
      'Bench Human <bench@example.com>',
      'Jane Doe <jane2@example.com>',
      'R2D2 Fan <r2@example.com>',
      'Gemini Smith <gs@example.com>',
      'Sonnet <s@example.com>',
      'Jane <j@example.com>\nFix 3 bugs <now>\n',
      'Jane <j@example.com>\nv1 of the parser\n\nJane <j@example.com>\nv2, amended\n',
      ...words.flatMap((word) => [`${word}3 <a@example.com>`, `9 ${word.toUpperCase()} <a@example.com>`, `${word} <a3@example.com>`, `${word} 4`, `Jane <j@example.com>\n${word} 4.5 <x>\n`, `${word}`, `1 ${word}`]),
      ...texts.slice(0, 60).flatMap((text) => [`Jane <j@example.com>\nx ${text} y\n`, `A ${text} 7 <a@example.com>`]),
      'Jos\u00e9 <j@example.com>',
      'Tab\tName <t@example.com>',
    ];
    const lines = identityCaseDecisions(['sh'], entry, subjects);
    expect(lines.length).toBe(subjects.length);
    expect(subjects.filter((_, index) => lines[index][0] !== lines[index][1])).toEqual([]);
    // Both decisions occur (the corpus reaches both branches: a person's name passes, a model's with a digit does not).
    expect(new Set(lines)).toEqual(new Set(['00', '11']));
  });
});
