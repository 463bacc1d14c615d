import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { committed, policyServer, tryGit } from '../helpers/enforce-repos.js';

// Session 37 (red team of row 468's shortcut): a path a link shows was ruled out by its name when
// no glob's last segment matched it, but a negated glob (`!**/*.md`: everything but markdown)
// matches every path its body does not. With `docs.md/run.ts -> ../run.md`, Qwen's change to
// run.md (unprotected) shows at docs.md/run.ts (protected): a6b2f37 refused it, row 468 passed it.

const QWEN_DECLARED = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const NEGATED = 'policy:\n  paths:\n    - files: ["!**/*.md"]\n      deny: ["qwen/*"]\n';

describe('path rules through links: a negated glob is not ruled out by a shown path\'s name', () => {
  it('refuses Qwen\'s run.md shown at docs.md/run.ts under `!**/*.md`, in check and pre-receive', () => {
    const { work, remote } = policyServer('policy:\n  deny: []\n');
    work.write('run.md', '# run\n');
    work.write('.aitrailrc.yml', NEGATED);
    mkdirSync(join(work.dir, 'docs.md'));
    symlinkSync('../run.md', join(work.dir, 'docs.md/run.ts'));
    work.git(['add', '-A']);
    work.git(['commit', '-q', '--no-verify', '-m', 'chore: the link and the rule']);
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'main']).code).toBe(0);
    work.git(['fetch', '-q', 'origin']);
    work.git(['checkout', '-q', '-b', 'ai', 'main']);
    const qwen = committed(work, `feat: run\n\n${QWEN_DECLARED}\n`, { 'run.md': '# run\nprocess.exit(1)\n' });
    const check = aitrail(work.dir, ['check', 'origin/main..ai', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    const { violations } = JSON.parse(check.stdout) as { violations: Array<{ sha: string; rule: string; path: string }> };
    expect(violations).toMatchObject([{ sha: qwen, rule: 'path-model-denied', path: 'docs.md/run.ts' }]);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'ai']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain(`error   ${qwen.slice(0, 12)} `);
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).not.toContain('refs/heads/ai');
  });
});
