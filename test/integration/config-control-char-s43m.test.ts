import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

const POLICY = 'policy:\n  unknownModel: warn\n  deny: ["qwen/*"]\n';
/**
 * The deny line turned into a comment that a terminal shows as the deny line it replaced: three
 * backspaces go back over `  #` and the rest of the line is written over it (`cat`, `git --no-pager
 * diff`, a CI log show `  deny: ["qwen/*"]`); the same with the cursor sent to column 1 (`ESC[1G`).
 */
const BACKSPACED = 'policy:\n  unknownModel: warn\n  #\b\b\b  deny: ["qwen/*"]\n';
const CURSOR = 'policy:\n  unknownModel: warn\n  #\u001b[1G  deny: ["qwen/*"]\n';
/** The same after an emoji: the column is counted in characters, as an editor counts them (🔒 is two UTF-16 units). */
const AFTER_EMOJI = 'policy:\n  unknownModel: warn\n  #🔒\u001b[1G  deny: ["qwen/*"]\n';
const QWEN = 'feat: add b\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n';

describe('a control character in a YAML config (s43m)', () => {
  it('check and status refuse a config whose deny a terminal shows and YAML reads as a comment', () => {
    for (const [text, code, column] of [[BACKSPACED, 'U+0008', 4], [CURSOR, 'U+001B', 4], [AFTER_EMOJI, 'U+001B', 5]] as const) {
      const repo = makeRepo();
      repo.commit('chore: policy\n', { '.aitrailrc.yml': POLICY });
      repo.commit('chore: normalise the policy file\n', { '.aitrailrc.yml': text });
      const base = repo.git(['rev-parse', 'HEAD']);
      repo.commit(QWEN, { 'b.txt': 'b\n' });
      const run = aitrail(repo.dir, ['check', `${base}..HEAD`]);
      expect(run.code, code).toBe(2); // was 0: "1 commit checked, no policy violations"
      expect(run.stderr).toContain(`${base}:.aitrailrc.yml: found a control character (${code}) at line 3, column ${column}`);
      expect(run.stderr).not.toMatch(/[\b\u001b]/); // the message holds no raw control character either
      const status = aitrail(repo.dir, ['status']);
      expect(status.code).toBe(2);
      expect(status.stderr).toContain(`.aitrailrc.yml: found a control character (${code}) at line 3, column ${column}`);
    }
  });

  it('tabs, CRLF and escapes in quoted strings are still read (the deny judges)', () => {
    for (const text of [POLICY.replace(/\n/g, '\r\n'), 'policy:\n  unknownModel: warn\t# a tab\n  deny: ["qwen/*"]\n', 'policy:\n  unknownModel: warn\n  deny: ["qwen/*"]\ntrailer:\n  key: "Assisted-by"\n# "\\e[1G" and "\\b" as escapes\n']) {
      const repo = makeRepo();
      repo.commit('chore: policy\n', { '.aitrailrc.yml': text });
      const base = repo.git(['rev-parse', 'HEAD']);
      repo.commit(QWEN, { 'b.txt': 'b\n' });
      const run = aitrail(repo.dir, ['check', `${base}..HEAD`]);
      expect(run.code, JSON.stringify(text) + run.stderr).toBe(1);
      expect(run.stderr + run.stdout).toContain('qwen/qwen3-coder');
    }
  });
});
