import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

describe("log's text: a subject's or author's own \\x1b apart from one holding ESC (s46u)", () => {
  it('two commits whose subjects and authors differ only so print differently, and read back to them', () => {
    const repo = makeRepo();
    const text = repo.commit('fix\\x1b[31m red\n', { 'a.ts': 'a\n' }, { GIT_AUTHOR_NAME: 'Jane\\u{202e}Doe', GIT_AUTHOR_EMAIL: 'jane@example.com' });
    const control = repo.commit('fix\u001b[31m red\n', { 'b.ts': 'b\n' }, { GIT_AUTHOR_NAME: 'Jane\u202eDoe', GIT_AUTHOR_EMAIL: 'jane@example.com' });
    const { code, stdout, stderr } = aitrail(repo.dir, ['log']);
    expect(code, stderr).toBe(0);
    expect(stdout).not.toMatch(/[\u001b\u202e]/);
    const block = (sha: string) => stdout.slice(stdout.indexOf(sha.slice(0, 12))).split('\n').slice(0, 2).join('\n');
    expect(block(control)).toContain('fix\\x1b[31m red');
    expect(block(control)).toContain('author: Jane\\u{202e}Doe <');
    expect(block(text)).toContain('fix\\x5cx1b[31m red');
    expect(block(text)).toContain('author: Jane\\x5cu{202e}Doe <');
  });
});
