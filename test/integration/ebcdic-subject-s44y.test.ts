// A commit under `encoding IBM037` (or IBM1047) whose bytes are ASCII: git re-encodes the whole
// object from EBCDIC, where ASCII's line break is no line break, so it finds no end of its headers
// and git 2.39 reads `%B` on past the end of the re-encoded text (pretty.c, parse_commit_header),
// into memory iconv left unwritten. check printed that memory as the commit's subject, other bytes
// in each run (`0\ufffd\ufffd\ufffd\ufffd\x7f`, `\ufffdR\ufffd\ufffd\ufffd\x7f`, or nothing), as
// the CLI server's diff mode saw.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { aitrail, BIN } from '../helpers/cli.js';
import { makeRepo, TEST_GIT_ENV, type TestRepo } from '../helpers/gitdir.js';

const QWEN_AUTHOR = 'Qwen-Coder <qwen-coder@alibabacloud.com>';

/** A commit object written byte for byte on `HEAD`, its tree HEAD's, under the given encoding header. */
function encodedCommit(repo: TestRepo, encoding: string, message: string): string {
  const head = [`tree ${repo.git(['rev-parse', 'HEAD^{tree}'])}`, `parent ${repo.git(['rev-parse', 'HEAD'])}`, `author ${QWEN_AUTHOR} 1700000000 +0000`, 'committer Test Human <human@example.com> 1700000000 +0000', `encoding ${encoding}`, '', ''].join('\n');
  return repo.git(['hash-object', '-t', 'commit', '-w', '--literally', '--stdin'], { input: `${head}${message}` });
}

describe('a commit git re-encodes into one line', () => {
  it('has the subject git shows when it reads within the text (none), on every run, and is still refused', () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' });
    for (const encoding of ['IBM037', 'IBM1047']) {
      const sha = encodedCommit(repo, encoding, 'feat: parser\n');
      const subjects = new Set<string>();
      for (let run = 0; run < 8; run += 1) {
        // Fresh processes with environments of other sizes (git's heap is laid out by them) and the test's own.
        const env = { ...TEST_GIT_ENV, ...Object.fromEntries(Array.from({ length: run * 7 }, (_, at) => [`AITRAIL_TEST_PAD_${at}`, 'x'.repeat(run * 13 + at)])) };
        const fresh = spawnSync(process.execPath, [BIN, 'check', `HEAD..${sha}`, '--format', 'json'], { cwd: repo.dir, env, encoding: 'utf8' });
        const check = run % 2 === 0 ? { code: fresh.status, stdout: fresh.stdout } : aitrail(repo.dir, ['check', `HEAD..${sha}`, '--format', 'json']);
        expect(check.code, check.stdout).toBe(1);
        const violations = (JSON.parse(check.stdout) as { violations: { sha: string; model: string; subject: string }[] }).violations;
        expect(violations.some((violation) => violation.sha === sha && violation.model.startsWith('qwen/'))).toBe(true);
        for (const violation of violations) subjects.add(violation.subject);
      }
      expect([...subjects], encoding).toEqual(['']);
      const log = aitrail(repo.dir, ['log', `HEAD..${sha}`, '--format', 'json']);
      expect(log.code, log.stderr).toBe(0);
      expect(log.stdout).not.toMatch(/\\u007f|\ufffd/);
    }
  });
});
