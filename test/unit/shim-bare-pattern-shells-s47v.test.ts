// Session 47, review v of rows 843 and 844 (the shims' case patterns leave `@ . - / : + _ , =` bare).
// A guard, in every shell a `#!/bin/sh` hook may run under here (dash; bash as sh, macOS's, Fedora's; busybox
// sh, Alpine's and its node images'; zsh in sh mode; mksh; posh): each generated case pattern of the message
// hooks decides as its fully escaped form (the form before 843: a backslash before each of those outside a
// bracket) for every text a pattern is made of, with every ASCII punctuation character, a CR and non-UTF-8 bytes
// put in or put for each character beside one of those; and each shell's decisions are dash's. Both forms are
// read from the generated hooks/*: the test passes on either side of 843 and fails when a character left bare
// reads otherwise in one of these shells (a guard: no fault was found, so it fails neither side).
// The escaped form is matched in dash only (session 52, review b: in each other shell it cost ~60% of the shell's CPU,
// 8 s of the file's 14): dash's generated decisions are its escaped ones, and each shell's generated decisions are
// dash's, so each shell's generated pattern decides as the escaped form does. Left unchecked: whether another shell
// reads the escaped form itself (a form no hook holds since 843) as dash does.
// Shells not installed are left out (.ci/run installs busybox, zsh, mksh and posh).
// posh (row 1070) knows no POSIX character class (`[[:space:]]` matches nothing): each shim re-runs itself under a
// shell that does (its first lines, classGuardLines); its decisions are taken as the shims now run them: the script
// written to a file behind the generated hook's guard and run by posh (so by the dash, bash, mksh or busybox it finds).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageKeys, QUIET_STATE_ENTRIES } from '../../src/core/fast-path-layout.js';
import { identityTexts, messageTexts, modelAuthorTexts } from '../../src/install/fast-path-signals.js';
import { loadedShimText, MESSAGE_HOOKS } from '../helpers/shim-identity-case.js';
import { tempDir } from '../helpers/gitdir.js';

const hook = (name: string) => readFileSync(new URL(`../../hooks/${name}`, import.meta.url), 'utf8');

/** Every long (generated) `case WORD in PATTERN)` of the message hooks whose pattern holds a character 843 left bare outside a bracket, once each. */
function barePatterns(): { word: string; pattern: string }[] {
  const found = new Map<string, { word: string; pattern: string }>();
  for (const name of MESSAGE_HOOKS) {
    // The judges aitrail_lz loads as the shell reads them (row 1006), not as quoted in its string.
    const text = loadedShimText(hook(name));
    for (const match of text.matchAll(/case (\S+) in /g)) {
      const end = patternEnd(text, match.index + match[0].length);
      const pattern = text.slice(match.index + match[0].length, end);
      if (text[end] === ')' && pattern.length > 100 && escapedAll(pattern) !== pattern) found.set(pattern, { word: match[1]!, pattern });
    }
  }
  return [...found.values()];
}

/**
 * Where the case pattern starting at `start` ends: its closing `)` outside a bracket expression (`[…)…]`)
 * and past a backslash's character, or the line's end (a `)` in a bracket is the pattern's own).
 */
function patternEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && text[end] !== ')' && text[end] !== '\n') {
    const ch = text[end]!;
    if (ch === '\\') end += 2;
    else if (ch === '[') {
      let close = end + 1;
      if (text[close] === '!') close += 1;
      if (text[close] === ']') close += 1;
      while (close < text.length && text[close] !== ']' && text[close] !== '\n') close += text[close] === '\\' ? 2 : 1;
      end = text[close] === ']' ? close + 1 : end + 1;
    } else end += 1;
  }
  return end;
}

/** `pattern` with a backslash before each `@ . - / : + _ , =` outside a bracket expression (the generated form before row 843). */
function escapedAll(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      out += pattern.slice(i, i + 2);
      i += 1;
    } else if (ch === '[') {
      let close = i + 1;
      while (close < pattern.length && pattern[close] !== ']') close += pattern[close] === '\\' ? 2 : 1;
      out += pattern.slice(i, close + 1);
      i = close;
    } else out += /[@./:+_,=-]/.test(ch) ? `\\${ch}` : ch;
  }
  return out;
}

const BARE = /[@./:+_,=-]/;
const PUT = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~', ' ', '\t', '\r', '\x7f', '\x80', '\xff'];

/** Subjects, one a line (latin1 bytes): each text, and each with every PUT character put in, or put for the character, at each place beside a bare one. */
function subjects(): string[] {
  const texts = [...new Set([...identityTexts(), ...messageTexts(), ...modelAuthorTexts(), ...QUIET_STATE_ENTRIES.map((entry) => entry.replace('*', 'x'))])].filter((text) => /^[ -~]*$/.test(text));
  const out = new Set<string>();
  for (const text of texts) {
    for (const whole of [text.toUpperCase(), `x ${text} 4 <a@b.c>`]) out.add(whole);
    if (!BARE.test(text)) continue;
    for (let at = 0; at <= text.length; at += 1) {
      if (!BARE.test(text[at - 1] ?? '') && !BARE.test(text[at] ?? '')) continue;
      for (const ch of PUT) {
        out.add(`${text.slice(0, at)}${ch}${text.slice(at)}`);
        if (at < text.length) out.add(`${text.slice(0, at)}${ch}${text.slice(at + 1)}`);
      }
    }
  }
  // One in 24 (sorted: each text keeps some of each of its places): a few seconds a shell (one in six cost ~60 s of CPU in all, zsh 48 s of it).
  // Each text itself and each trailer key's line always (a name added to a list shifts the sample: the trailer-key pattern once kept one subject).
  return [...new Set([...texts, ...messageKeys().map((key) => `${key}: x`), ...[...out].sort().filter((_, i) => i % 24 === 0)])];
}

const SHELLS: string[][] = [['dash'], ['bash', '--norc', '--noprofile', '--posix'], ['busybox', 'sh'], ['zsh', '--emulate', 'sh', '-f'], ['mksh'], ['posh']].filter(
  (shell) => spawnSync(shell[0]!, [...shell.slice(1), '-c', 'exit 0']).status === 0,
);

/**
 * For each subject, in `shell`, a line of decisions: two a pattern (escaped, generated), or with `generatedOnly`
 * one (generated). The functions are parsed under the caller's locale (as the shims' are), then matched under
 * LC_ALL=C (as the shims match), subject in `aitrail_s`.
 */
function decisions(shell: readonly string[], patterns: { word: string; pattern: string }[], input: Buffer, locale: string, generatedOnly = false): string[] {
  const subject = (word: string) => word.replace(/\$\{?aitrail_[a-z]+(##\*\/)?\}?/, '$aitrail_s');
  const functions = patterns.flatMap(({ word, pattern }, k) =>
    [
      ...(generatedOnly ? [] : [[`e${k}`, escapedAll(pattern)]]),
      [`g${k}`, pattern],
    ].map(([name, form]) => `${name}() {\n  case ${subject(word)} in ${form}) r=\${r}1 ;; *) r=\${r}0 ;; esac\n}`),
  );
  const calls = patterns.map((_, k) => (generatedOnly ? `g${k}` : `e${k}; g${k}`)).join('; ');
  const script = ["aitrail_nl='\n'", ...functions, 'LC_ALL=C; export LC_ALL', `while IFS= read -r aitrail_s; do r=; ${calls}; echo "$r"; done`].join('\n');
  const knows = spawnSync(shell[0]!, [...shell.slice(1), '-c', "case ' ' in [[:space:]]) echo y ;; esac"], { encoding: 'utf8' }).stdout === 'y\n';
  const argv = knows ? ['-c', script] : [guarded(script)];
  const run = spawnSync(shell[0]!, [...shell.slice(1), ...argv], { input, env: { PATH: process.env.PATH, LC_ALL: locale }, encoding: 'latin1', maxBuffer: 1 << 26 });
  expect(run.stderr, shell.join(' ')).toBe('');
  expect(run.status, shell.join(' ')).toBe(0);
  return run.stdout.split('\n').slice(0, -1);
}

/** `script` in a file behind the generated message hooks' guard (row 1070: first after the comments in each; they differ only in the exit code of a refusal). */
function guarded(script: string): string {
  const guards = new Set(MESSAGE_HOOKS.map((name) => {
    const text = hook(name);
    const start = text.indexOf("case ' ' in [[:space:]]) ;; *)");
    expect(start, name).toBeGreaterThan(0);
    expect(text.slice(0, start).split('\n').slice(1, -1).every((line) => line.startsWith('#')), name).toBe(true);
    return text.slice(start, text.indexOf('\nesac\n', start) + '\nesac\n'.length);
  }));
  expect([...guards].map((guard) => guard.replace(/exit [01] ;;\nesac\n$/, '')).filter((guard, k, all) => all.indexOf(guard) === k)).toHaveLength(1);
  const path = join(tempDir('aitrail-s47v-'), 'script');
  writeFileSync(path, `${[...guards][0]}${script}\n`);
  return path;
}

describe("row 843 (review s47v): the shims' bare `@ . - / : + _ , =` read as escaped ones in every shell here", () => {
  const patterns = barePatterns();
  const lines = subjects();
  const input = Buffer.from(`${lines.join('\n')}\n`, 'latin1');
  let cached: string[] | undefined;
  const dash = () => (cached ??= decisions(['dash'], patterns, input, 'C'));

  it('finds the generated patterns with bare characters, and subjects that match them', () => {
    // The entries' case, aitrail_quiet's author case, its message-line case, aitrail_plain's case.

    for (const word of ['"$aitrail_i"', '"$aitrail_t"', '$aitrail_y', '${aitrail_f##*/}']) expect(patterns.map((p) => p.word)).toContain(word);
    expect(lines.length).toBeGreaterThan(1000);
    const reference = dash();
    expect(reference).toHaveLength(lines.length);
    for (let k = 0; k < patterns.length; k += 1) if (['"$aitrail_i"', '"$aitrail_t"', '$aitrail_y'].includes(patterns[k]!.word)) expect(reference.filter((line) => line[2 * k] === '1').length, patterns[k]!.word).toBeGreaterThan(0);
  });

  it('dash (C): each pattern decides as its escaped form', () => {
    const reference = dash();
    const differ = reference.flatMap((line, i) => patterns.flatMap((p, k) => (line[2 * k] === line[2 * k + 1] ? [] : [`${p.word} ${JSON.stringify(lines[i])} ${line.slice(2 * k, 2 * k + 2)}`])));
    expect(differ.slice(0, 10)).toEqual([]);
  });

  it.each(SHELLS.flatMap((shell) => (shell[0] === 'bash' ? ['C.UTF-8', 'C'] : ['C.UTF-8']).map((locale) => [`${shell.join(' ')} (${locale})`, shell, locale] as const)))('%s: each pattern decides as in dash (so as its escaped form)', (_name, shell, locale) => {
    const got = decisions(shell, patterns, input, locale, true);
    const reference = dash();
    expect(got).toHaveLength(lines.length);
    const differ = got.flatMap((line, i) => patterns.flatMap((p, k) => (line[k] === reference[i]![2 * k + 1] ? [] : [`${p.word} ${JSON.stringify(lines[i])} ${line[k]} dash ${reference[i]![2 * k + 1]}`])));
    expect(differ.slice(0, 10)).toEqual([]);
  });
});
