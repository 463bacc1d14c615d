// A person's commit and amend: what the shims make dash parse and try before the fast path ends them (session 46).
// 1. prepare-commit-msg defines aitrail_plain and aitrail_folded (a rebase fixup or squash step's test: ~11 KB of
//    patterns) after the fast path's exit, so a commit the fast path ends never parses them (dash reads a script a
//    command at a time); the fold step's decision is still taken, a few lines later (the fold integration tests).
// 2. The identity `case` (aitrail_quiet's author test, aitrail_plain's commits) tries the model-author alternatives
//    (`*word*[0-9]*\<*`, `*[0-9]*word*\<*`, several `*` each: time growing with the square of the text) only for a
//    subject with a digit before a `<`, in a second `case`. The differential below runs, in sh, that split `case`
//    and the single one it replaced (rebuilt from the same line) over generated subjects: the same decision for each.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { identityTexts, messageTexts, modelAuthorTexts } from '../../src/install/fast-path-signals.js';

const hook = (name: string) => readFileSync(new URL(`../../hooks/${name}`, import.meta.url), 'utf8');

describe("prepare-commit-msg: a fold step's functions come after the fast path's exit", () => {
  const body = hook('prepare-commit-msg');
  const exit = body.indexOf('aitrail_quiet "$1" && aitrail_fresh && aitrail_prepared "$1" "${2-}"; then exit 0; fi');

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

/** The identity `case` lines of the message hooks' shims: `case SUBJECT in OUTSIDE|TEXTS) MATCH ;; *[0-9]*\<*) case SUBJECT in NAMED) MATCH ;;[ *) ELSE ;;] esac ;;[ *) ELSE ;;] esac`. */
function identityCases(): { where: string; subject: string; first: string; named: string; match: string; otherwise: string }[] {
  const found: { where: string; subject: string; first: string; named: string; match: string; otherwise: string }[] = [];
  for (const name of ['prepare-commit-msg', 'commit-msg', 'post-commit', 'post-rewrite', 'applypatch-msg', 'pre-applypatch']) {
    hook(name)
      .split('\n')
      .forEach((line, index) => {
        const split = /^\s*case ("\$aitrail_[it]") in (.*?)\) (return 1|aitrail_t=1) ;; \*\[0-9\]\*\\<\*\) case \1 in (.*?)\) \3 ;;(?: \*\) (aitrail_t=) ;;)? esac ;;(?: \*\) \5 ;;)? esac$/.exec(line);
        if (split) found.push({ where: `${name}:${index + 1}`, subject: split[1], first: split[2], named: split[4], match: split[3], otherwise: split[5] ?? '' });
      });
  }
  return found;
}

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
    const rest = entry.otherwise === '' ? '' : ` *) ${entry.otherwise} ;;`;
    const single = `case ${entry.subject} in ${entry.first}|${entry.named}) ${entry.match} ;;${rest} esac`;
    const split = `case ${entry.subject} in ${entry.first}) ${entry.match} ;; *[0-9]*\\<*) case ${entry.subject} in ${entry.named}) ${entry.match} ;;${rest} esac ;;${rest} esac`;
    // Each form in a function, as the shims run it (aitrail_quiet: `return 1` on a match; aitrail_plain: aitrail_t set to 1 or emptied), under LC_ALL=C as the shims set it around them: status 1 on a match.
    const tail = entry.subject === '"$aitrail_t"' ? '[ -z "$aitrail_t" ]' : 'return 0';
    const fn = (name: string, body: string) => [`${name}() {`, "  aitrail_nl='", "'", '  aitrail_t=$1', '  aitrail_i=$1', `  ${body}`, `  ${tail}`, '}'].join('\n');
    const script = [
      'LC_ALL=C; export LC_ALL',
      fn('one', single),
      fn('two', split),
      'while IFS= read -r l; do s=$(printf "%b_" "$l"); s=${s%_}; if one "$s"; then a=0; else a=1; fi; if two "$s"; then b=0; else b=1; fi; echo "$a$b"; done',
    ].join('\n');
    const input = subjects.map((text) => text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t')).join('\n') + '\n';
    const result = spawnSync('sh', ['-c', script], { input, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const lines = result.stdout.trim().split('\n');
    expect(lines.length).toBe(subjects.length);
    expect(subjects.filter((_, index) => lines[index][0] !== lines[index][1])).toEqual([]);
    // Both decisions occur (the corpus reaches both branches: a person's name passes, a model's with a digit does not).
    expect(new Set(lines)).toEqual(new Set(['00', '11']));
  });
});
