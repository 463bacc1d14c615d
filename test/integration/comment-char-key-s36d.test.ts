import { beforeAll, describe, expect, it } from 'vitest';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { aitrail } from '../helpers/cli.js';
import { messageOf } from '../helpers/hooks.js';
import type { TestRepo } from '../helpers/gitdir.js';
import { uncommentedKey } from '../../src/core/record-trailers.js';
import { commentSettingOf, configEntries } from '../../src/git/comment-setting.js';

// core.commentChar=A: the comment prefix begins the trailer key. git strips a comment line by its
// bytes and reads a trailer's key case-insensitively, so the recorded line is written `assisted-by:`;
// and where git keeps the `A` lines, commit-msg reads them as check and pre-receive will.
const OPUS = { AITRAIL_MODEL: 'anthropic/claude-opus-4.6', AITRAIL_AGENT: 'claude-code' };
const POLICY = JSON.stringify({ policy: { deny: ['qwen/*'] } });
const QWEN = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const EDITOR = "sed -i -e '1s/^$/Fix the parser/'";

describe('a comment prefix that begins the trailer key (core.commentChar=A)', () => {
  let repo: TestRepo;
  let env: NodeJS.ProcessEnv;
  let file = 0;
  beforeAll(() => {
    ({ repo, env } = hookedRepo());
    repo.write('.aitrailrc.json', POLICY);
    repo.git(['add', '.aitrailrc.json']);
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'policy'], { env: { ...env, AITRAIL: '0' } }).code).toBe(0);
    repo.git(['config', 'core.commentChar', 'A']);
  });
  const stage = () => {
    file += 1;
    repo.write(`src/f${file}.ts`, `export const f = ${file};\n`);
    repo.git(['add', '.']);
  };
  /** The stored message's trailers as git reads them, under the person's config and under none. */
  const trailers = (config: string[] = []) => tryGit(repo.dir, [...config, 'interpret-trailers', '--parse', '--no-divider'], { input: messageOf(repo.dir), env }).stdout;
  const recorded = () => JSON.parse(aitrail(repo.dir, ['log', '-1', '--format', 'json'], { env }).stdout)[0].attributions.map((a: { agent: string; model: string }) => `${a.agent}:${a.model}`);

  it('an editor commit (git strips the `A` lines): the trailer is kept, read by git under either config and by log', () => {
    stage();
    const made = tryGit(repo.dir, ['commit', '-q'], { env: { ...env, ...OPUS, GIT_EDITOR: EDITOR } });
    expect(made.code, made.stderr).toBe(0);
    expect(messageOf(repo.dir)).toBe('Fix the parser\n\nassisted-by: claude-code:anthropic/claude-opus-4.6\n');
    expect(trailers()).toBe('assisted-by: claude-code:anthropic/claude-opus-4.6\n');
    expect(trailers(['-c', 'core.commentChar=#'])).toBe('assisted-by: claude-code:anthropic/claude-opus-4.6\n');
    expect(recorded()).toEqual(['claude-code:anthropic/claude-opus-4.6']);
    expect(aitrail(repo.dir, ['check', 'HEAD~1..HEAD'], { env }).code).toBe(0);
  });

  it('-m under commit.cleanup=strip, and -m where git keeps it: a trailer to the person\'s git log too', () => {
    stage();
    expect(tryGit(repo.dir, ['-c', 'commit.cleanup=strip', 'commit', '-q', '-m', 'Fix f'], { env: { ...env, ...OPUS } }).code).toBe(0);
    expect(messageOf(repo.dir)).toBe('Fix f\n\nassisted-by: claude-code:anthropic/claude-opus-4.6\n');
    stage();
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'Add g'], { env: { ...env, ...OPUS } }).code).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:only,unfold)'])).toBe('assisted-by: claude-code:anthropic/claude-opus-4.6');
  });

  it('-m whose every line git strips (commit.cleanup=strip): aborted as git aborts it, not a commit of the trailer alone', () => {
    stage();
    const head = repo.git(['rev-parse', 'HEAD']);
    for (const [char, subject] of [['A', 'Add f'], ['#', '#123 fix']]) {
      const made = tryGit(repo.dir, ['-c', `core.commentChar=${char}`, '-c', 'commit.cleanup=strip', 'commit', '-q', '-m', subject], { env: { ...env, ...OPUS } });
      expect(made.code).toBe(1);
      expect(made.stderr).toContain('Aborting commit due to empty commit message');
      expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
    }
  });

  it('a Qwen declaration git keeps (commit.cleanup=whitespace, an editor): commit-msg refuses it, as check does', () => {
    stage();
    const made = tryGit(repo.dir, ['-c', 'commit.cleanup=whitespace', 'commit', '-q', '-e', '-m', 'Add h', '-m', QWEN], { env: { ...env, GIT_EDITOR: 'true' } });
    expect(made.code).toBe(1);
    expect(made.stderr).toContain('qwen/qwen3-coder');
    // The same commit past the hook: the line is stored, and check refuses it.
    const forced = tryGit(repo.dir, ['-c', 'commit.cleanup=whitespace', 'commit', '-q', '--no-verify', '-e', '-m', 'Add h', '-m', QWEN], { env: { ...env, GIT_EDITOR: 'true' } });
    expect(forced.code, forced.stderr).toBe(0);
    expect(messageOf(repo.dir)).toContain(`${QWEN}\n`);
    expect(aitrail(repo.dir, ['check', 'HEAD~1..HEAD'], { env }).code).toBe(1);
  });
});

describe('uncommentedKey', () => {
  it('turns the first letter only when the comment prefix would make the line a comment', () => {
    expect(uncommentedKey('Assisted-by', 'A')).toBe('assisted-by');
    expect(uncommentedKey('assisted-by', 'a')).toBe('Assisted-by');
    expect(uncommentedKey('Assisted-by', 'Ass')).toBe('assisted-by');
    expect(uncommentedKey('Assisted-by', 'Assisted-by: ')).toBe('assisted-by');
    expect(uncommentedKey('Assisted-by', '#')).toBe('Assisted-by');
    expect(uncommentedKey('Assisted-by', 'a')).toBe('Assisted-by');
    expect(uncommentedKey('Assisted-by', 'Ab')).toBe('Assisted-by');
    expect(uncommentedKey('Assisted-by', undefined)).toBe('Assisted-by');
    expect(uncommentedKey('1st-by', '1')).toBe('1st-by');
  });
});

describe('the comment prefix setting as the installed git reads it', () => {
  let repo: TestRepo;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    ({ repo, env } = hookedRepo());
  });
  const commitVerbose = (config: string[]) => {
    repo.write('a.txt', `${Math.random()}\n`);
    repo.git(['add', 'a.txt']);
    const made = tryGit(repo.dir, [...config, 'commit', '-q', '-v'], { env: { ...env, ...OPUS, GIT_EDITOR: EDITOR } });
    expect(made.code, made.stderr).toBe(0);
    return messageOf(repo.dir);
  };

  it('`core.commentChar=Auto` is git\'s auto in any case: the trailer goes above the scissors line of `-v`, not after the diff git cuts', () => {
    expect(commitVerbose(['-c', 'core.commentChar=Auto'])).toBe('Fix the parser\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n');
  });

  it('`core.commentString` under a git older than 2.45 is ignored, as git ignores it', () => {
    const version = /(\d+)\.(\d+)/.exec(repo.git(['version']))!;
    if (Number(version[1]) > 2 || Number(version[2]) >= 45) return;
    expect(commitVerbose(['-c', 'core.commentString=//'])).toBe('Fix the parser\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n');
  });
});

describe('commentSettingOf', () => {
  const entry = (key: string, value: string) => ({ key, value: Buffer.from(value) });
  it('takes the last of core.commentChar and, where git reads it (>= 2.45), core.commentString', () => {
    const entries = [entry('core.commentchar', ';'), entry('core.commentstring', '//')];
    expect(commentSettingOf(entries, () => true)?.toString()).toBe('//');
    expect(commentSettingOf(entries, () => false)?.toString()).toBe(';');
    expect(commentSettingOf([entry('core.commentstring', '//'), entry('core.commentchar', ';')], () => true)?.toString()).toBe(';');
    expect(commentSettingOf([entry('core.commentstring', '//')], () => false)).toBeUndefined();
    expect(commentSettingOf([], () => true)).toBeUndefined();
  });
  it('reads git config -z --get-regexp output, a value with no `=` included', () => {
    expect(configEntries(Buffer.from('core.commentchar\n;\0core.commentstring\0core.commentstring\na\nb\0')).map((e) => [e.key, e.value.toString()])).toEqual([
      ['core.commentchar', ';'],
      ['core.commentstring', ''],
      ['core.commentstring', 'a\nb'],
    ]);
  });
});
