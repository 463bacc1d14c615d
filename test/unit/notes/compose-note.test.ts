import { describe, expect, it } from 'vitest';
import { composeFile, composeMetadata, readNoteForRewrite } from '../../../src/core/notes/compose-note.js';
import { SPEC_EXAMPLE } from '../../fixtures/git-ai-spec-example.js';

const A = 's_0000000000000a::t_0000000000000a';
const B = 's_0000000000000b::t_0000000000000b';

describe('composeFile', () => {
  it('carries each note through a line diff: lines moved keep their key, lines changed since lose it', () => {
    const noted = [{ entries: [{ key: A, ranges: [2, 3] }], lines: ['a', 'x1', 'x2', 'b'] }];
    expect(composeFile(noted, ['top', 'a', 'x1', 'x2 changed', 'b'], null)).toEqual([{ key: A, ranges: [3, 3] }]);
  });

  it('a later note wins a line; only the lines the commit adds to its parent are kept', () => {
    const noted = [
      { entries: [{ key: A, ranges: [1, 3] }], lines: ['p', 'q', 'r'] },
      { entries: [{ key: B, ranges: [2, 2] }], lines: ['p', 'q', 'r'] },
    ];
    expect(composeFile(noted, ['p', 'q', 'r'], null)).toEqual([{ key: A, ranges: [1, 1, 3, 3] }, { key: B, ranges: [2, 2] }]);
    expect(composeFile(noted, ['p', 'q', 'r'], ['p'])).toEqual([{ key: A, ranges: [3, 3] }, { key: B, ranges: [2, 2] }]);
  });

  it('ranges past the noted text are ignored, never carried onto other lines', () => {
    expect(composeFile([{ entries: [{ key: A, ranges: [2, 99] }], lines: ['a', 'b'] }], ['a', 'b', 'c'], null)).toEqual([{ key: A, ranges: [2, 2] }]);
  });
});

describe('readNoteForRewrite / composeMetadata', () => {
  it('keeps every record of the notes it composes (a later one wins a key), the last git_ai_version, the new base commit', () => {
    const read = readNoteForRewrite(SPEC_EXAMPLE)!;
    expect([...read.files.keys()]).toEqual(['src/main.rs', 'src/lib.rs']);
    const later = JSON.parse('{"sessions": {"s_c9883b05a2487d": {"agent_id": {"tool": "cursor", "id": "x", "model": "gpt-5"}}, "__proto__": {"polluted": true}}}');
    const merged = composeMetadata([read.metadata, later], 'c'.repeat(40));
    expect(merged.baseCommitSha).toBe('c'.repeat(40));
    expect(merged.gitAiVersion).toBe('1.4.5');
    // A `__proto__` key is kept as data, never a prototype.
    expect(Object.keys(merged.sessions).sort()).toEqual(['__proto__', 's_c9883b05a2487d', 's_e7f2a90b31cc48']);
    expect(Object.getPrototypeOf(merged.sessions)).toBe(Object.prototype);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect((merged.sessions.s_c9883b05a2487d as { agent_id: { model: string } }).agent_id.model).toBe('gpt-5');
    expect(Object.keys(merged.humans!)).toEqual(['h_31dce776f88375']);
    expect(readNoteForRewrite('not a note')).toBeNull();
  });
});

describe('composeFile in linear time (a hostile note must not stall post-rewrite or notes squash)', () => {
  const N = 40_000;
  const lines = Array.from({ length: N }, (_, i) => `line ${i}`);
  const key = (i: number) => `s_${i.toString(16).padStart(14, '0')}`;

  it('one key per line (40,000 keys), and 40,000 entries each claiming the whole file: well under a second of CPU each', async () => {
    const { cpuClock } = await import('../../helpers/cpu-clock.js');
    let started = cpuClock();
    const many = Array.from({ length: N }, (_, i) => ({ key: key(i), ranges: [i + 1, i + 1] }));
    const composed = composeFile([{ entries: many, lines }], lines, null);
    expect(composed).toHaveLength(N);
    expect(composed[N - 1]).toEqual({ key: key(N - 1), ranges: [N, N] });
    expect(cpuClock() - started).toBeLessThan(1500);
    started = cpuClock();
    const wide = Array.from({ length: N }, (_, i) => ({ key: key(i % 3), ranges: [1, N, 5, 9] }));
    // The last entry claiming a line wins it: key(N - 1 mod 3) owns every line.
    expect(composeFile([{ entries: wide, lines }], lines, null)).toEqual([{ key: key((N - 1) % 3), ranges: [1, N] }]);
    expect(cpuClock() - started).toBeLessThan(1500);
  });
});
