import { describe, expect, it } from 'vitest';
import corpus from '../fixtures/attribution-corpus.json' with { type: 'json' };
import holdout from '../fixtures/attribution-holdout.json' with { type: 'json' };
import signatureData from '../../src/core/data/signatures.json' with { type: 'json' };
import { signatureFlags, signatureRegExp, withoutDots } from '../../src/core/detect/pattern-flags.js';

/** Every expression of the built-in signatures. */
function signaturePatterns(): string[] {
  const patterns: string[] = [];
  for (const entry of signatureData.env) patterns.push(...Object.values(entry.when));
  for (const line of [...signatureData.subjects, ...signatureData.bodyLines]) patterns.push(line.pattern);
  for (const identity of signatureData.identities) {
    if (identity.name) patterns.push(identity.name);
    if (identity.email) patterns.push(identity.email);
  }
  return patterns;
}

/**
 * Every code point of the Basic Multilingual Plane, and beyond it every one that case mapping or
 * folding touches: the only characters `iu` and `u` could disagree on.
 */
function codePointsThatCouldDiffer(): string {
  const casing = /\p{Changes_When_Casemapped}|\p{Changes_When_Casefolded}/u;
  const parts: string[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp += 1) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const char = String.fromCodePoint(cp);
    if (cp <= 0xffff || casing.test(char)) parts.push(char);
  }
  return parts.join('');
}

const positions = (text: string, source: string, flags: string) => [...text.matchAll(new RegExp(source, `g${flags}`))].map((match) => match.index);

const CLASS = '[^\\n\\r\\u2028\\u2029]';

describe('signatureFlags: u only where case cannot change a match', () => {
  it('keeps iu for anything that names a cased character, a class, a word boundary or a backreference', () => {
    for (const source of ['^1$|^true$', 'a', 'K', '[!-~]', '[0-9]', '\\w', '\\W', '\\b', '\\B', '(.)\\1', '(?<n>.)\\k<n>', '\\p{Lu}', '\\u0041', '\\x41', '\\cJ', '\u00e9', '\u212a', '\\', '^agent-exec$']) {
      expect(signatureFlags(source), source).toBe('iu');
    }
  });

  it('gives u to what is made of punctuation, digits, ., \\s, \\S, \\d, \\D and escaped punctuation', () => {
    for (const source of ['.', '^1$', '^\\d+(?:\\.\\d+)*$', '\\s*\\S+', '^\\(\\)$', '\\D{2,3}', '(?:@|_)+', '^-$', '\\/\\\\']) {
      expect(signatureFlags(source), source).toBe('u');
    }
  });

  it('every atom such an expression can hold matches the same characters with iu and with u', () => {
    const text = codePointsThatCouldDiffer();
    const atoms = ['.', '\\s', '\\S', '\\d', '\\D'];
    for (let code = 0x20; code <= 0x7e; code += 1) {
      const char = String.fromCharCode(code);
      if (/[A-Za-z]/.test(char)) continue;
      atoms.push(/[\\^$.*+?()[\]{}|/]/.test(char) ? `\\${char}` : char);
    }
    for (const atom of atoms) {
      expect(signatureFlags(atom), atom).toBe('u');
      expect(positions(text, atom, 'u'), atom).toEqual(positions(text, atom, 'iu'));
    }
    // What the rule keeps out does differ: the Kelvin sign and the long s join the letters under iu.
    expect(positions(text, '[!-~]', 'u')).not.toEqual(positions(text, '[!-~]', 'iu'));
    expect(positions(text, '\\w', 'u')).not.toEqual(positions(text, '\\w', 'iu'));
  });

  it('the built-in signatures: the ones given u match what they matched with iu', () => {
    const fast = signaturePatterns().filter((source) => signatureFlags(source) === 'u');
    expect(fast).toContain('.');
    const samples = ['', '1', 'true', 'TRUE', 'x', '\n', '\r', '\u2028', 'cli', '\u212a', '\u017f', ' 1 ', '1\n'];
    for (const source of fast) {
      for (const sample of samples) expect(new RegExp(source, 'u').test(sample), `${source} on ${JSON.stringify(sample)}`).toBe(new RegExp(source, 'iu').test(sample));
    }
  });
});

describe('withoutDots: each . outside a class spelled as the class of what it matches', () => {
  it('rewrites the metacharacter only: not an escaped dot, not a dot in a class; an unclosed class is left alone', () => {
    expect(withoutDots('.')).toBe(CLASS);
    expect(withoutDots('^a.*b$')).toBe(`^a${CLASS}*b$`);
    expect(withoutDots('\\.')).toBe('\\.');
    expect(withoutDots('[.]')).toBe('[.]');
    expect(withoutDots('[\\].]x.')).toBe(`[\\].]x${CLASS}`);
    expect(withoutDots('(?<model>.+)\\k<model>')).toBe(`(?<model>${CLASS}+)\\k<model>`);
    expect(withoutDots('[.')).toBe('[.');
  });

  it('the class matches exactly the characters . matches, with iu and with u, over every code point that could differ', () => {
    const text = codePointsThatCouldDiffer();
    expect(withoutDots('.')).not.toBe('.');
    for (const flags of ['iu', 'u']) expect(positions(text, withoutDots('.'), flags), flags).toEqual(positions(text, '.', flags));
  });

  it('every built-in signature runs as it did with iu, over every line of the corpora messages and their spellings', () => {
    const messages = [...(corpus as unknown as { entries: { message: string }[] }).entries, ...(holdout as unknown as { entries: { message: string }[] }).entries].map((entry) => entry.message);
    const lines = new Set<string>();
    for (const message of messages) {
      for (const line of message.split('\n')) {
        for (const spelling of [line, line.toUpperCase(), line.replace(/k/gi, '\u212a').replace(/s/g, '\u017f'), `${line}\r`, `${line}\u2028x`]) lines.add(spelling);
      }
    }
    const patterns = signaturePatterns();
    expect(patterns.filter((source) => withoutDots(source) !== source).length).toBeGreaterThan(10);
    const result = (match: RegExpExecArray | null) => (match ? `${match.index} ${match[0]} ${JSON.stringify(match.groups ?? null)}` : 'no match');
    const differences: string[] = [];
    let matches = 0;
    for (const source of patterns) {
      const given = signatureRegExp(source);
      const reference = new RegExp(source, 'iu');
      for (const line of lines) {
        const [got, want] = [result(given.exec(line)), result(reference.exec(line))];
        if (want !== 'no match') matches += 1;
        if (got !== want) differences.push(`${source} on ${JSON.stringify(line)}: ${got}, not ${want}`);
      }
    }
    expect(differences.slice(0, 5)).toEqual([]);
    expect(matches).toBeGreaterThan(100);
  });
});
