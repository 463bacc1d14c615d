// row 999: a message stored in an encoding git cannot convert the commit from (EBCDIC-US: git
// re-encodes the object whole and iconv finds no EBCDIC-US letter for the headers' ASCII bytes), so
// `git log` shows the stored bytes, which are no UTF-8, and no reading named the Qwen trailer they hold.
import { describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { policyServer, rawCommit, tryGit } from '../helpers/enforce-repos.js';

const HOOK_ENV = envWithAitrailOnPath();
const POLICY = 'policy:\n  deny: ["qwen/*"]\n';
/** `feat: parser\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n` as `iconv -t EBCDIC-US` writes it. */
const EBCDIC_US_QWEN = Buffer.from('868581a37a40978199a285992525c1a2a289a2a385846082a87a4098a6859560839684857a98a685956198a68595f360839684859925', 'hex');

describe('row 999: a Qwen trailer in a message git cannot convert from its encoding header', () => {
  it('EBCDIC-US: check, pre-push and pre-receive refuse it unread (exit 3, one line); a message git shows as text still passes', () => {
    const { remote, work, base } = policyServer(POLICY, '', { initEnv: HOOK_ENV });
    const sha = rawCommit(work, base, 'parser.ts', ['encoding EBCDIC-US'], EBCDIC_US_QWEN);
    // git shows the stored bytes: no trailer to git, nor to a UTF-8 reading of the object.
    expect(work.git(['log', '-1', '--format=%B', sha])).not.toContain('qwen');
    expect(work.git(['cat-file', 'commit', sha])).not.toContain('qwen');
    const check = aitrail(work.dir, ['check', `${base}..${sha}`]);
    expect(check.code, check.stderr).toBe(3);
    expect(check.stderr).toContain(`cannot judge commit ${sha}: its message is stored under 'encoding EBCDIC-US', which git cannot convert it from`);
    work.git(['update-ref', 'refs/heads/main', sha]);
    const push = tryGit(work.dir, ['push', 'origin', 'main'], { env: HOOK_ENV });
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain("stored under 'encoding EBCDIC-US'");
    const forced = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main']);
    expect(forced.code).not.toBe(0);
    expect(forced.stderr).toMatch(/remote: .*stored under 'encoding EBCDIC-US'/);
    expect(remote.git(['rev-parse', 'refs/heads/main'])).toBe(base);
    // Careless truth: a person's UTF-8 message under a name iconv does not know (git shows it as stored: text) passes.
    const plain = rawCommit(work, base, 'notes.ts', ['encoding x-unknown'], Buffer.from('docs: caf\u00e9 notes\n'));
    expect(aitrail(work.dir, ['check', `${base}..${plain}`]).code).toBe(0);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', `${plain}:refs/heads/notes`]).code).toBe(0);
    // and a latin1 message under `encoding latin-1`, a name iconv lacks and git reads as ISO-8859-1.
    const latin1 = rawCommit(work, base, 'cafe.ts', ['encoding latin-1'], Buffer.from('docs: caf\xe9\n', 'latin1'));
    expect(work.git(['log', '-1', '--format=%s', latin1])).toBe('docs: caf\u00e9');
    expect(aitrail(work.dir, ['check', `${base}..${latin1}`]).code).toBe(0);
  });
});
