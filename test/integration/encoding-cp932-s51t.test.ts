// row 1013: row 999 refused every commit whose message git shows as stored under a non-UTF-8
// `encoding` header; a Japanese person's message under `encoding Shift_JIS` holding ① (CP932, the
// table Windows writes, which glibc's SHIFT_JIS lacks) is such a commit: git cannot convert it, so
// check, pre-push and pre-receive refused an honest history (exit 3) on every range that held it.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { policyServer, rawCommit, tryGit } from '../helpers/enforce-repos.js';

const POLICY = 'policy:\n  deny: ["qwen/*"]\n';
/** `docs: ① 事項` as Windows' CP932 writes it (git for Windows with i18n.commitEncoding=Shift_JIS). */
const CP932_DOCS = Buffer.from('docs: \x87\x40 \x8e\x96\x8d\x80\n', 'latin1');

describe('row 1013: a CP932 message under `encoding Shift_JIS`, which git cannot convert, is read, not refused', () => {
  it('passes check and pre-receive as a person\'s; a Qwen trailer beside the same ① is refused as a denied model; EBCDIC stays refused', () => {
    const { remote, work, base } = policyServer(POLICY);
    const honest = rawCommit(work, base, 'docs.md', ['encoding Shift_JIS'], CP932_DOCS);
    // git cannot convert it (glibc's SHIFT_JIS has no ①): it shows the stored bytes.
    expect(work.git(['log', '-1', '--format=%s', honest])).toContain('\ufffd');
    const check = aitrail(work.dir, ['check', `${base}..${honest}`]);
    expect(check.stderr).not.toContain('cannot judge commit');
    expect(check.code, check.stderr).toBe(0);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', `${honest}:refs/heads/main`]).code).toBe(0);
    expect(remote.git(['rev-parse', 'refs/heads/main'])).toBe(honest);
    // The same table reads a denied model's trailer: judged by the policy (exit 1), not let through.
    const qwen = rawCommit(work, base, 'q.ts', ['encoding Shift_JIS'], Buffer.concat([CP932_DOCS, Buffer.from('\nAssisted-by: qwen-code:qwen/qwen3-coder\n')]));
    const denied = aitrail(work.dir, ['check', `${base}..${qwen}`]);
    expect(denied.code, denied.stderr).toBe(1);
    expect(`${denied.stdout}${denied.stderr}`).toContain('qwen/qwen3-coder');
    // Bytes no Shift_JIS table reads (0xFD) stay refused unread, as row 999 says.
    const broken = rawCommit(work, base, 'b.ts', ['encoding Shift_JIS'], Buffer.from('docs: \xfd\xfd\n', 'latin1'));
    const refused = aitrail(work.dir, ['check', `${base}..${broken}`]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(`cannot judge commit ${broken}: its message is stored under 'encoding Shift_JIS'`);
  });
});
