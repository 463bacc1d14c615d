import { describe, expect, it } from 'vitest';
import { parseAuthorshipLog } from '../../../src/core/notes/parse-authorship-log.js';
import { formatLineRanges, serializeAuthorshipLog, writablePath, type NoteToWrite } from '../../../src/core/notes/serialize-authorship-log.js';
import { SPEC_EXAMPLE } from '../../fixtures/git-ai-spec-example.js';

const SPEC_NOTE: NoteToWrite = {
  files: [
    {
      path: 'src/main.rs',
      entries: [
        { key: 's_c9883b05a2487d::t_9f8e7d6c5b4a32', ranges: [15, 20, 1, 10] },
        { key: 's_c9883b05a2487d::t_a1b2c3d4e5f678', ranges: [25, 25, 30, 35] },
        { key: 'h_31dce776f88375', ranges: [42, 50] },
      ],
    },
    { path: 'src/lib.rs', entries: [{ key: 's_e7f2a90b31cc48::t_deadbeef012345', ranges: [1, 50] }] },
  ],
  gitAiVersion: '1.4.5',
  baseCommitSha: '7734793b756b3921c88db5375a8c156e9532447b',
  humans: { h_31dce776f88375: { author: 'Developer <dev@example.com>' } },
  sessions: {
    s_c9883b05a2487d: { agent_id: { tool: 'cursor', id: '6ef2299e-a67f-432b-aa80-3d2fb4d28999', model: 'claude-sonnet-4-5-20250514' }, human_author: 'dev@example.com' },
    s_e7f2a90b31cc48: { agent_id: { tool: 'claude', id: 'conv_abc123def456', model: 'claude-sonnet-4-5-20250514' }, human_author: 'dev@example.com', custom_attributes: { team: 'backend' } },
  },
};

describe('serializeAuthorshipLog', () => {
  it('writes the spec example byte for byte', () => {
    expect(serializeAuthorshipLog(SPEC_NOTE)).toBe(`${SPEC_EXAMPLE}\n`);
  });

  it('is read back by the parser as written (round trip)', () => {
    const parsed = parseAuthorshipLog(serializeAuthorshipLog(SPEC_NOTE));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect([...parsed.log.files.keys()]).toEqual(['src/main.rs', 'src/lib.rs']);
    expect(parsed.log.files.get('src/main.rs')!.map((entry) => [entry.key, entry.kind, entry.record, entry.ranges])).toEqual([
      ['s_c9883b05a2487d::t_9f8e7d6c5b4a32', 'session', 's_c9883b05a2487d', [1, 10, 15, 20]],
      ['s_c9883b05a2487d::t_a1b2c3d4e5f678', 'session', 's_c9883b05a2487d', [25, 25, 30, 35]],
      ['h_31dce776f88375', 'human', 'h_31dce776f88375', [42, 50]],
    ]);
    expect(parsed.log.sessions.get('s_e7f2a90b31cc48')).toEqual({ tool: 'claude', model: 'claude-sonnet-4-5-20250514' });
    expect([...parsed.log.humans]).toEqual(['h_31dce776f88375']);
    expect(parsed.log.schemaVersion).toBe('authorship/3.0.0');
  });

  it('quotes paths with whitespace, leaves out files without lines, and omits empty humans/sessions', () => {
    const text = serializeAuthorshipLog({
      files: [
        { path: 'docs/README (copy).md', entries: [{ key: 's_00000000000000::t_11111111111111', ranges: [5, 5] }] },
        { path: 'empty.ts', entries: [{ key: 's_00000000000000::t_11111111111111', ranges: [] }] },
        { path: 'tab\tname ', entries: [{ key: 's_00000000000000::t_11111111111111', ranges: [2, 3] }] },
      ],
      baseCommitSha: 'abc',
      sessions: {},
    });
    expect(text).toBe('"docs/README (copy).md"\n  s_00000000000000::t_11111111111111 5\n"tab\tname "\n  s_00000000000000::t_11111111111111 2-3\n---\n{\n  "schema_version": "authorship/3.0.0",\n  "base_commit_sha": "abc",\n  "prompts": {}\n}\n');
    const parsed = parseAuthorshipLog(text);
    expect(parsed.ok && [...parsed.log.files.keys()]).toEqual(['docs/README (copy).md', 'tab\tname ']);
  });

  it('sorts and joins ranges as git-ai does (1, 5, 10-15, 25-30, 50, 100-200)', () => {
    expect(formatLineRanges([100, 200, 5, 5, 10, 15, 50, 50, 1, 1, 25, 30])).toBe('1,5,10-15,25-30,50,100-200');
    expect(formatLineRanges([1, 3, 4, 6, 5, 9, 12, 12])).toBe('1-9,12');
  });

  it('refuses paths no reader can read back', () => {
    for (const path of ['a\nb', 'a\r\nb', '']) expect(writablePath(path)).toBe(false);
    // Written quoted (row 306): test/unit/notes/git-ai-spec-s25f.test.ts.
    for (const path of ['src/a.ts', 'my file.rs', 'ünïcode/ファイル.ts', '  leading', '---', 'say "hi"']) expect(writablePath(path)).toBe(true);
    expect(() => serializeAuthorshipLog({ files: [{ path: 'a\nb', entries: [{ key: 'k', ranges: [1, 1] }] }], baseCommitSha: '', sessions: {} })).toThrow(TypeError);
  });

  it('writes a path holding a control character, NEL or U+2028 so that it reads back unchanged (git-ai splits lines at LF only)', () => {
    const paths = ['cr\rin.ts', 'cr-end\r', 'bell\u0007.ts', 'a\u0001b.ts', 'nel\u0085', 'a\u0085b.ts', 'ls\u2028x.ts', 'ps\u2029', 'esc\u001b[31m.ts', 'del\u007f', 'vt\u000b', 'ff\u000c.ts'];
    for (const path of paths) expect(writablePath(path), JSON.stringify(path)).toBe(true);
    const text = serializeAuthorshipLog({ files: paths.map((path) => ({ path, entries: [{ key: 's_00000000000000::t_11111111111111', ranges: [1, 2] }] })), baseCommitSha: 'abc', sessions: {} });
    // NEL ends a line to git-ai's trim (Rust's White_Space): a path holding one is quoted.
    expect(text).toContain('"nel\u0085"\n');
    // A CR is whitespace to git-ai's trim too: quoted, so a CR ending the name is kept.
    expect(text).toContain('"cr-end\r"\n');
    expect(text).toContain('bell\u0007.ts\n');
    const parsed = parseAuthorshipLog(text);
    expect(parsed.ok && [...parsed.log.files.keys()]).toEqual(paths);
  });
});
