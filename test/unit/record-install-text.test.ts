import { describe, expect, it } from 'vitest';
import { addHuskyBlock, huskyBlockState, huskyLib, removeHuskyBlock } from '../../src/install/husky-block.js';
import { isShim, shimText } from '../../src/install/shim.js';
import { formatDuration, parseDuration } from '../../src/core/duration.js';
import { activeSession, DEFAULT_SESSION_MS, describeSession, sessionEnd } from '../../src/core/session.js';
import { parseIdent } from '../../src/core/ident.js';
import { hasNoContent, templateComparable, trailersFor } from '../../src/core/record-trailers.js';

describe('husky block', () => {
  it.each([null, '', 'npm test\n', 'npm test', '#!/usr/bin/env sh\nnpx lint-staged\n\n'])('round-trips %j byte for byte and is idempotent', (before) => {
    const added = addHuskyBlock(before, 'commit-msg');
    expect(huskyBlockState(added, 'commit-msg')).toBe('current');
    expect(addHuskyBlock(added, 'commit-msg')).toBe(added);
    expect(removeHuskyBlock(added)).toBe(before ?? '');
    // The file's own lines first, as they were, after the line opening their subshell (below a `#!` line).
    if (before) expect(added.split('\n').filter((line) => !line.startsWith('( # >>> aitrail')).join('\n').startsWith(before)).toBe(true);
    if (before?.trim()) expect(added).toContain(') # <<< aitrail: end of that subshell');
  });

  it.each(['pre-push', 'post-rewrite', 'post-checkout'] as const)('%s: round-trips a file of its own byte for byte (the stdin hooks keep their list for aitrail)', (hook) => {
    const before = '#!/bin/sh\ngit lfs pre-push "$@"\n';
    const added = addHuskyBlock(before, hook);
    expect(huskyBlockState(added, hook)).toBe('current');
    expect(addHuskyBlock(added, hook)).toBe(added);
    expect(removeHuskyBlock(added)).toBe(before);
    expect(added.includes('aitrail_in=$(mktemp')).toBe(hook !== 'post-checkout');
  });

  it('replaces an outdated block in place; lines after it (which never ran: it ends the hook) move before it (row 890)', () => {
    const old = 'a\n# >>> aitrail: added by `aitrail init`; `aitrail uninstall` removes this block\nold line\n# <<< aitrail\nb\n';
    expect(huskyBlockState(old, 'pre-push')).toBe('outdated');
    const updated = addHuskyBlock(old, 'pre-push');
    expect(updated).toMatch(/^aitrail_in=[^\n]*# >>> aitrail[^\n]*\n\( # >>> aitrail[^\n]*\na\nb\n# >>> aitrail/);
    expect(updated.endsWith('# <<< aitrail\n')).toBe(true);
    expect(huskyBlockState(updated, 'pre-push')).toBe('current');
    expect(removeHuskyBlock(updated)).toBe('a\nb\n');
    // A file that did not end with a line break before the block, a line appended after it: joined by one.
    const unbroken = addHuskyBlock(`${addHuskyBlock('npm test', 'commit-msg')}npx commitlint --edit "$1"\n`, 'commit-msg');
    expect(removeHuskyBlock(unbroken)).toBe('npm test\nnpx commitlint --edit "$1"\n');
  });

  it('prepare-commit-msg never exits non-zero when the binary is missing; the others do', () => {
    // What prepare-commit-msg runs: its block and, in the shared .husky/aitrail.sh it sources (row 874), all but
    // the other hooks' functions (each runs from its `aitrail_gate_`/`aitrail_run_` line to the next such line, the
    // line that runs a gate, or the file's last line); the run function its one-line `aitrail_run_<hook>` calls (row
    // 889: `aitrail_run_<n>`, shared by the hooks whose lines differ only in their messages' words) is its own too.
    const runs = (hook: string) => {
      const mine = hook.replace(/-/g, '_');
      const lines = huskyLib().text.split('\n');
      const shared = /aitrail_run_([0-9]+) "\$@"; \}$/.exec(lines.find((line) => line.startsWith(`aitrail_run_${mine}() { `)) ?? '')?.[1];
      expect(shared).toBeDefined();
      let skip = false;
      const kept = lines.filter((line) => {
        const start = /^aitrail_(gate|run)_([a-z_0-9]+)\(\) \{$/.exec(line);
        if (start) skip = start[2] !== mine && start[2] !== shared;
        else if (line.startsWith('[ "${h-}" = ') || line.startsWith('aitrail_he=')) skip = false;
        return !skip;
      });
      return `${addHuskyBlock(null, hook)}${kept.join('\n')}`;
    };
    // The fast path answers with `return 1` ("start node") and ends the hook only with `exit 0`.
    expect(runs('prepare-commit-msg')).toContain('aitrail_quiet() {');
    // An `exit 1` inside a one-line command substitution (`$(cd … || exit 1; git ls-files …)`) ends that subshell only.
    // Row 1070's guard (a shell without character classes) ends with 1 only for the hooks that block, by `$h`:
    // its line names the hooks, and prepare-commit-msg is not among them.
    const guard = /^ {2}case \$\{h-\} in ([a-z|-]+)\) exit 1 ;; esac; exit 0 ;;$/m;
    expect(guard.exec(runs('prepare-commit-msg'))?.[1]?.split('|')).not.toContain('prepare-commit-msg');
    expect(guard.exec(runs('prepare-commit-msg'))?.[1]?.split('|')).toContain('commit-msg');
    expect(runs('prepare-commit-msg').replace(guard, '').replace(/\$\([^\n]*\)$/gm, '')).not.toMatch(/exit 1/);
    expect(runs('commit-msg').replace(/\$\([^\n]*\)$/gm, '')).toMatch(/exit 1/);
  });
});

describe('shims', () => {
  it.each(['prepare-commit-msg', 'commit-msg', 'pre-push', 'pre-receive'] as const)('%s is recognised as ours', (hook) => {
    expect(isShim(shimText(hook))).toBe(true);
    expect(shimText(hook)).toContain(`"$a" hook "$h" "$@"`);
  });
  it('a foreign hook is not', () => expect(isShim('#!/bin/sh\nexit 0\n')).toBe(false));
});

describe('parseDuration', () => {
  it.each([['30m', 1_800_000], ['2h', 7_200_000], ['1d', 86_400_000], ['1h30m', 5_400_000], ['90s', 90_000], [' 1W ', 604_800_000]])('%s', (text, ms) => expect(parseDuration(text)).toBe(ms));
  it.each(['', '30', 'm', '-1h', '0m', '1.5h', '2y', '400d', '1h 30m'])('rejects %j', (text) => expect(parseDuration(text)).toBeNull());
});

describe('formatDuration', () => {
  it.each([[30_000, 'less than a minute'], [45 * 60_000, '45m'], [8 * 3_600_000, '8h'], [(7 * 60 + 59) * 60_000, '7h 59m'], [(51 * 60) * 60_000, '2d 3h'], [2 * 86_400_000, '2d']])('%d ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('activeSession', () => {
  const now = new Date('2026-01-01T12:00:00Z');
  it('accepts a well-formed, unexpired session', () => {
    const session = { model: 'qwen/qwen3-coder', agent: 'qwen-code', setAt: '2026-01-01T11:00:00Z', expiresAt: '2026-01-01T13:00:00Z' };
    expect(activeSession(session, now)).toEqual(session);
  });
  it('a session stored without an end (older aitrail) lasts a working day from when it was set', () => {
    const legacy = { model: 'anthropic/claude-opus-4.6', setAt: '2026-01-01T11:00:00Z' };
    expect(activeSession(legacy, now)).toEqual({ ...legacy, expiresAt: '2026-01-01T19:00:00.000Z' });
    expect(activeSession(legacy, new Date('2026-01-01T19:00:00Z'))).toBeUndefined();
    expect(sessionEnd(legacy) - Date.parse(legacy.setAt)).toBe(DEFAULT_SESSION_MS);
  });
  it('describes the session with the time left', () => {
    const session = { model: 'qwen/qwen3-coder', agent: 'qwen-code', setAt: '2026-01-01T11:00:00Z', expiresAt: '2026-01-01T19:59:00Z' };
    expect(describeSession(session, now)).toBe('qwen-code qwen/qwen3-coder, until 2026-01-01T19:59:00.000Z (7h 59m left)');
  });
  it.each([
    { model: 'qwen/qwen3-coder', setAt: '2026-01-01T11:00:00Z', expiresAt: '2026-01-01T12:00:00Z' },
    { model: 'qwen/qwen3-coder\nInjected: yes', setAt: '2026-01-01T11:00:00Z' },
    { model: 'acme/coder+x:7b', setAt: '2026-01-01T11:00:00Z' },
    { model: 'a..b/c', setAt: '2026-01-01T11:00:00Z' },
    { model: 'qwen/qwen3-coder', agent: 'a b', setAt: '2026-01-01T11:00:00Z' },
    { model: 'qwen/qwen3-coder', setAt: 'yesterday' },
    { model: 5, setAt: '2026-01-01T11:00:00Z' },
    null,
    [],
    'qwen/qwen3-coder',
  ])('rejects %j', (data) => expect(activeSession(data, now)).toBeUndefined());
});

describe('parseIdent', () => {
  it('reads git var output', () => expect(parseIdent('Jane (aider) <jane@example.com> 1700000000 +0100\n')).toEqual({ name: 'Jane (aider)', email: 'jane@example.com' }));
  it('rejects garbage', () => expect(parseIdent('nonsense')).toBeUndefined());
});

describe('trailersFor / hasNoContent', () => {
  const a = (agent: string, model: string) => ({ agent, model, evidence: [], declared: false });
  it('one line per distinct value, unsafe values dropped', () => {
    const { trailers, rejected } = trailersFor([a('aider', 'qwen/qwen3-coder'), a('aider', 'qwen/qwen3-coder'), a('x\ny', 'a/b'), a('cursor', 'unknown')], 'Assisted-by');
    expect(trailers).toEqual([{ key: 'Assisted-by', value: 'aider:qwen/qwen3-coder' }, { key: 'Assisted-by', value: 'cursor:unknown' }]);
    expect(rejected).toEqual(['x\ny:a/b']);
  });
  it('an unsafe key writes nothing', () => expect(trailersFor([a('aider', 'qwen/qwen3-coder')], 'Bad Key:').trailers).toEqual([]));
  it('templateComparable: the recorded trailer, comments, the diff and whitespace do not count as an edit', () => {
    const template = 'Ticket: ABC-\n\n# Why?\n';
    const seen = templateComparable(template, 'Assisted-by');
    expect(templateComparable('Ticket: ABC-  \n\nAssisted-by: aider:qwen/qwen3-coder\n\n# Why?\n# ------------------------ >8 ------------------------\n+x\n', 'Assisted-by')).toBe(seen);
    expect(templateComparable('Ticket: ABC-7\n\nAssisted-by: aider:qwen/qwen3-coder\n', 'Assisted-by')).not.toBe(seen);
    expect(templateComparable('Ticket: ABC-\n\nbody\n', 'Assisted-by')).not.toBe(seen);
  });
  it.each([['', true], ['\n# Please enter\n', true], ['\n# --- x\n# ------------------------ >8 ------------------------\ndiff\n', true], ['Subject\n', false], ['\n\n  x\n', false]])('%j → %s', (message, empty) => expect(hasNoContent(message)).toBe(empty));
});
