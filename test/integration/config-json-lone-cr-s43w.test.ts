import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

const POLICY = '{\n  "policy": {\n    "unknownModel": "warn",\n    "deny": ["qwen/*"]\n  }\n}\n';
/**
 * One line added to the reviewed JSON policy: JSON reads the carriage return as a blank, so both keys
 * count; a terminal (`cat`, `git --no-pager diff`, a CI log) returns to the line's start and writes the
 * `$schema` line over the alias, which names Qwen's model another vendor's and takes it past the deny.
 */
const HIDDEN_LINE = '  "detect": {"aliases": {"qwen/qwen3-coder": "internal/llm"}},\r  "$schema": "https://example.com/aitrail/schema.json",        ';
const HIDDEN = POLICY.replace('{\n', `{\n${HIDDEN_LINE}\n`);
const QWEN = 'feat: add b\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n';

describe('a carriage return inside a line of a JSON config (s43w)', () => {
  it('check refuses the JSON config whose hidden key a terminal writes over (and a package.json aitrail key)', () => {
    const [hidden, shown] = HIDDEN_LINE.split('\r') as [string, string];
    expect(shown.length).toBeGreaterThanOrEqual(hidden.length); // a terminal shows the $schema line alone
    for (const [file, text] of [
      ['.aitrailrc.json', HIDDEN],
      ['package.json', `{\n  "name": "x",\n  "aitrail": ${HIDDEN.trimEnd().replace(/\n/g, '\n  ')}\n}\n`],
    ] as const) {
      const repo = makeRepo();
      repo.commit('chore: policy\n', { [file]: file === 'package.json' ? `{\n  "name": "x",\n  "aitrail": ${POLICY.trimEnd().replace(/\n/g, '\n  ')}\n}\n` : POLICY });
      repo.commit('chore: link the schema\n', { [file]: text });
      const base = repo.git(['rev-parse', 'HEAD']);
      repo.commit(QWEN, { 'b.txt': 'b\n' });
      const run = aitrail(repo.dir, ['check', `${base}..HEAD`]);
      expect(run.code, file + run.stdout + run.stderr).toBe(2); // was 0: "1 commit checked, no policy violations"
      expect(run.stderr).toContain(`${base}:${file}: found a carriage return (U+000D) inside a line at line`);
      expect(run.stderr).toContain('JSON reads a blank there');
      expect(run.stderr).not.toMatch(/\r/);
    }
  });

  it('CRLF JSON, and a package.json without the key holding a lone CR, are still read', () => {
    for (const [file, text] of [
      ['.aitrailrc.json', POLICY.replace(/\n/g, '\r\n')],
      ['package.json', '{\n  "name": "x",\r  "description": "y"\n}\n'],
    ] as const) {
      const repo = makeRepo();
      repo.commit('chore: policy\n', { [file]: text, ...(file === 'package.json' ? { '.aitrailrc.json': POLICY } : {}) });
      const base = repo.git(['rev-parse', 'HEAD']);
      repo.commit(QWEN, { 'b.txt': 'b\n' });
      const run = aitrail(repo.dir, ['check', `${base}..HEAD`]);
      expect(run.code, file + run.stderr).toBe(1);
      expect(run.stderr + run.stdout).toContain('qwen/qwen3-coder');
    }
  });
});
