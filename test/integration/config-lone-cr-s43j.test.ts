import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

const POLICY = 'policy:\n  unknownModel: warn\n  deny: ["qwen/*"]\n';
/**
 * One line added to the reviewed policy: `git diff` (through less) shows `+  # Qwen stays out, see
 * SEC-1234^M$schema: |`, a comment; YAML reads the carriage return as a line break, so `$schema: |` is a
 * top-level key whose block scalar swallows the indented `deny` line below it.
 */
const HIDDEN = 'policy:\n  unknownModel: warn\n  # Qwen stays out, see SEC-1234\r$schema: |\n  deny: ["qwen/*"]\n';
const QWEN = 'feat: add b\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n';

describe('a carriage return inside a line of a YAML config (s43j)', () => {
  it('check refuses the config at the base instead of judging by a policy whose deny a reviewer saw and YAML did not', () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': POLICY });
    repo.commit('docs: say why Qwen is denied\n', { '.aitrailrc.yml': HIDDEN });
    const diff = repo.git(['diff', 'HEAD~1', 'HEAD']);
    expect(diff).toContain('+  # Qwen stays out, see SEC-1234\r$schema: |\n   deny: ["qwen/*"]'); // one added line: a comment to a reader
    const base = repo.git(['rev-parse', 'HEAD']);
    repo.commit(QWEN, { 'b.txt': 'b\n' });
    const run = aitrail(repo.dir, ['check', `${base}..HEAD`]);
    expect(run.code).toBe(2); // was 0: "1 commit checked, no policy violations"
    expect(run.stderr).toContain(`${base}:.aitrailrc.yml: found a carriage return (U+000D) inside a line at line 3, column 33`);
    expect(run.stderr).toContain('expected line breaks as LF or CRLF only');
    expect(run.stderr).not.toMatch(/\r/); // the message shows no raw carriage return either

    const status = aitrail(repo.dir, ['status']);
    expect(status.code).toBe(2);
    expect(status.stderr).toContain('.aitrailrc.yml: found a carriage return (U+000D) inside a line at line 3, column 33');
  });

  it('CRLF, CR CR LF and a CR at the end are still read (the deny judges)', () => {
    for (const text of [POLICY.replace(/\n/g, '\r\n'), POLICY.replace(/\n/g, '\r\r\n'), `${POLICY}\r`]) {
      const repo = makeRepo();
      repo.commit('chore: policy\n', { '.aitrailrc.yml': text });
      const base = repo.git(['rev-parse', 'HEAD']);
      repo.commit(QWEN, { 'b.txt': 'b\n' });
      const run = aitrail(repo.dir, ['check', `${base}..HEAD`]);
      expect(run.code, JSON.stringify(text)).toBe(1);
      expect(run.stderr + run.stdout).toContain('qwen/qwen3-coder');
    }
  });
});
