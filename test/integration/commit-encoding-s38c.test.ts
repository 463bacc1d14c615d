import { beforeAll, describe, expect, it } from 'vitest';
import { hookedWithOrigin } from '../helpers/hooked-repo.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { aitrail } from '../helpers/cli.js';
import type { TestRepo } from '../helpers/gitdir.js';

// i18n.commitEncoding: git commit stores the message's bytes as given under an `encoding` header, and
// git log (`%B`, `%(trailers)`), check, pre-push and pre-receive read them re-encoded from it. commit-msg
// read the bytes as UTF-8: ISO-2022-JP's shift sequences (ESC $ B, ESC ( B: no character between them)
// hid Qwen's trailer from it alone.
const SHIFT = '\x1b$B\x1b(B';
const HIDDEN = `As${SHIFT}sisted-by: qw${SHIFT}en-code:qw${SHIFT}en/qw${SHIFT}en3-coder`;
// `feat: add f`, a blank line, `Assisted-by: qwen-code:qwen/qwen3-coder` in IBM037 (EBCDIC) bytes (0x25 is its LF).
const EBCDIC = Buffer.from('868581a37a4081848440862525' + 'c1a2a289a2a385846082a87a4098a6859560839684857a98a685956198a68595f360839684859925', 'hex');

describe('a message git re-encodes from i18n.commitEncoding, read at commit-msg as every later layer reads it', () => {
  let repo: TestRepo;
  let env: NodeJS.ProcessEnv;
  let file = 0;
  beforeAll(() => {
    ({ repo, env } = hookedWithOrigin());
  });
  const stage = () => {
    file += 1;
    repo.write(`src/f${file}.ts`, `export const f = ${file};\n`);
    repo.git(['add', '.']);
  };
  const head = () => repo.git(['rev-parse', 'HEAD']);

  it('ISO-2022-JP: shift sequences inside the key and model are Qwen\'s trailer to git, refused at commit-msg, check and pre-push', () => {
    stage();
    const before = head();
    const made = tryGit(repo.dir, ['-c', 'i18n.commitEncoding=ISO-2022-JP', 'commit', '-q', '-m', 'feat: add f', '-m', HIDDEN], { env });
    expect(made.code, made.stderr).not.toBe(0);
    expect(made.stderr).toContain('qwen/qwen3-coder');
    expect(head()).toBe(before);
    // What git reads of the same message stored (hooks skipped): Qwen's trailer; check and pre-push refuse it too.
    expect(tryGit(repo.dir, ['-c', 'i18n.commitEncoding=ISO-2022-JP', 'commit', '-q', '--no-verify', '-m', 'feat: add f', '-m', HIDDEN], { env }).code).toBe(0);
    expect(repo.git(['log', '-1', '--format=%e %(trailers:only,unfold)'])).toBe('ISO-2022-JP Assisted-by: qwen-code:qwen/qwen3-coder');
    const check = aitrail(repo.dir, ['check', 'HEAD~1..HEAD'], { env });
    expect(check.code, check.stdout).toBe(1);
    const push = tryGit(repo.dir, ['push', 'origin', 'HEAD:refs/heads/hidden'], { env });
    expect(push.code, push.stderr).not.toBe(0);
    repo.git(['reset', '-q', '--hard', before]);
  });

  it('IBM037: a message in EBCDIC bytes that git shows as Qwen\'s declaration is refused at commit-msg', () => {
    stage();
    const before = head();
    const made = tryGit(repo.dir, ['-c', 'i18n.commitEncoding=IBM037', 'commit', '-q', '--cleanup=verbatim', '-F', '-'], { env, input: EBCDIC });
    expect(made.code, made.stderr).not.toBe(0);
    expect(made.stderr).toContain('qwen/qwen3-coder');
    expect(head()).toBe(before);
  });

  it('an honest ISO-2022-JP commit passes: a person\'s Japanese message, and Claude\'s, recorded where git reads its trailer', () => {
    const japanese = Buffer.concat([Buffer.from('feat: '), Buffer.from('1b2442467c4b5c386c1b2842', 'hex'), Buffer.from('\n')]); // 日本語 in ISO-2022-JP
    stage();
    const person = tryGit(repo.dir, ['-c', 'i18n.commitEncoding=ISO-2022-JP', 'commit', '-q', '-F', '-'], { env, input: japanese });
    expect(person.code, person.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%s'])).toBe('feat: 日本語');
    stage();
    const claude = tryGit(repo.dir, ['-c', 'i18n.commitEncoding=ISO-2022-JP', 'commit', '-q', '-F', '-'], { env: { ...env, CLAUDECODE: '1', AITRAIL_MODEL: 'anthropic/claude-opus-4.6' }, input: japanese });
    expect(claude.code, claude.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:only,unfold)'])).toBe('Assisted-by: claude-code:anthropic/claude-opus-4.6');
    expect(aitrail(repo.dir, ['check', 'HEAD~2..HEAD'], { env }).code).toBe(0);
  });
});
