// The shims' long `case` patterns (a text an identity or message signature needs): no alternative
// `*text*` lies within another one of the same `case` (it would match nothing more, and dash tries
// every alternative on each hook that reaches it: a person's amend paid ~1 ms for them in
// post-rewrite). And leaving them out changes no decision: the post-rewrite shim's own aitrail_plain,
// given each signature text (and each model author word with a digit) in any case, still doubts.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { identityTexts, messageTexts, modelAuthorTexts } from '../../src/install/fast-path-signals.js';

const hook = (name: string) => readFileSync(new URL(`../../hooks/${name}`, import.meta.url), 'utf8');

/** The alternatives of a case pattern: a literal text (lower case) per `*text*` alternative, or `null` for any other shape (one of the `*word*[0-9]*\<*` ones names its word in `within`). */
function alternatives(pattern: string): { text: string | null; within: string }[] {
  const out: { text: string | null; within: string }[] = [];
  let parts: string[] = [];
  let current = '';
  let other = false;
  const end = () => {
    parts.push(current);
    const literal = parts.filter((part) => part !== '');
    out.push({ text: !other && parts.length === 3 && parts[0] === '' && parts[2] === '' ? parts[1] : null, within: literal.sort((a, b) => b.length - a.length)[0] ?? '' });
    parts = [];
    current = '';
    other = false;
  };
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i];
    if (ch === '\\') current += pattern[++i];
    else if (ch === '[') {
      const close = pattern.indexOf(']', i + 2);
      const inside = pattern.slice(i + 1, close);
      if (/^[a-z][A-Z]$/.test(inside) && inside[0].toUpperCase() === inside[1]) current += inside[0];
      else other = true;
      i = close;
    } else if (ch === '*') {
      parts.push(current);
      current = '';
    } else if (ch === '|') end();
    else current += ch;
  }
  end();
  return out;
}

/** Every long `case WORD in PATTERN)` of the message hooks' shims, as `hook:line`. */
function longCases(): [string, string][] {
  const found: [string, string][] = [];
  for (const name of ['prepare-commit-msg', 'commit-msg', 'post-commit', 'post-rewrite', 'applypatch-msg', 'pre-applypatch']) {
    hook(name)
      .split('\n')
      .forEach((line, index) => {
        // The fast path's deferred author line (row 844) holds only the model-author alternatives: checked with the identity cases (shim-parse-order-s46a).
        const match = line.startsWith('[ -z "$aitrail_dq" ]') ? null : /case \S+ in (.*?)\) (?:return 1 ;;|;;|aitrail_t=1 ;;)/.exec(line);
        if (match && match[1].length > 1000) found.push([`${name}:${index + 1}`, match[1]]);
      });
  }
  return found;
}

describe('the shims\' signature-text case patterns', () => {
  it('are there to check (prepare-commit-msg, commit-msg and post-rewrite each hold at least one)', () => {
    const names = new Set(longCases().map(([where]) => where.split(':')[0]));
    for (const name of ['prepare-commit-msg', 'commit-msg', 'post-rewrite']) expect(names).toContain(name);
  });

  it.each(longCases())('%s: no alternative lies within another one', (_where, pattern) => {
    const list = alternatives(pattern);
    const texts = list.flatMap((entry) => (entry.text === null ? [] : [entry.text]));
    expect(texts.length).toBeGreaterThan(20);
    const redundant = list.filter((entry) => texts.some((text) => text !== entry.text && entry.within.includes(text)));
    expect(redundant.map((entry) => entry.text ?? entry.within)).toEqual([]);
  });
});

describe('post-rewrite aitrail_plain still doubts every signature text', () => {
  const body = hook('post-rewrite');
  const fn = body.slice(body.indexOf('  aitrail_plain() {'), body.indexOf('\n  }\n', body.indexOf('  aitrail_plain() {')) + 4);
  /** aitrail_plain on `text` as `git log` would print it (git stubbed by a shell function printing it). */
  const plain = (texts: string[]): boolean[] => {
    const script = [`git() { printf '%s' "$T"; }`, fn, 'while IFS= read -r l; do T=$(printf "%b" "$l"); if aitrail_plain x; then echo P; else echo N; fi; done'].join('\n');
    const input = texts.map((text) => text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')).join('\n') + '\n';
    const result = spawnSync('sh', ['-c', script], { input, encoding: 'utf8' });
    expect(result.status).toBe(0);
    return result.stdout.trim().split('\n').map((line) => line === 'P');
  };

  it('finds the function', () => {
    expect(fn).toContain('aitrail_plain() {');
    expect(fn).toContain('esac');
  });

  it('a person\'s commit is plain; each text, in either case, anywhere, is a doubt', () => {
    expect(plain(['Jane Doe <jane@example.com>\nFix the parser\n\nIt broke on tabs.\n', 'Gemini Smith <gs@example.com>\nTidy\n'])).toEqual([true, true]);
    const texts = [...identityTexts(), ...messageTexts()];
    const samples = texts.flatMap((text) => [`Jane <j@example.com>\nx ${text} y\n`, `Jane <j@example.com>\n${text.toUpperCase()}\n`, `A ${text} <a@example.com>\nx\n`]);
    const words = modelAuthorTexts().flatMap((word) => [`${word}3 <a@example.com>\nx\n`, `9 ${word.toUpperCase()} <a@example.com>\nx\n`]);
    const results = plain([...samples, ...words]);
    const missed = [...samples, ...words].filter((_, index) => results[index]);
    expect(missed).toEqual([]);
    expect(results.length).toBe(samples.length + words.length);
  });
});
