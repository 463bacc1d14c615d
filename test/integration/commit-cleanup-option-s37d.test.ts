import { beforeAll, describe, expect, it } from 'vitest';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { aitrail } from '../helpers/cli.js';
import { messageOf } from '../helpers/hooks.js';
import type { TestRepo } from '../helpers/gitdir.js';

// git tells no hook its `--cleanup=` option: commit-msg reads it from git's command line (/proc).
const OPUS = { AITRAIL_MODEL: 'anthropic/claude-opus-4.6', AITRAIL_AGENT: 'claude-code' };
const QWEN = '# Assisted-by: qwen-code:qwen/qwen3-coder';

describe.runIf(process.platform === 'linux')('a --cleanup option on git commit\'s command line', () => {
  let repo: TestRepo;
  let env: NodeJS.ProcessEnv;
  let file = 0;
  beforeAll(() => {
    ({ repo, env } = hookedRepo());
    repo.write('.aitrailrc.json', JSON.stringify({ policy: { deny: ['qwen/*'] } }));
    repo.git(['add', '.aitrailrc.json']);
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'policy'], { env: { ...env, AITRAIL: '0' } }).code).toBe(0);
  });
  const stage = () => {
    file += 1;
    repo.write(`src/f${file}.ts`, `export const f = ${file};\n`);
    repo.git(['add', '.']);
  };
  const head = () => repo.git(['rev-parse', 'HEAD']);

  it('--cleanup=whitespace over commit.cleanup=strip: git keeps the `#` declaration, and commit-msg refuses it as check does', () => {
    stage();
    const before = head();
    const made = tryGit(repo.dir, ['-c', 'commit.cleanup=strip', 'commit', '-q', '--cleanup=whitespace', '-m', 'Add w', '-m', QWEN], { env });
    expect(made.code).toBe(1);
    expect(made.stderr).toContain('qwen/qwen3-coder');
    expect(head()).toBe(before);
    const forced = tryGit(repo.dir, ['-c', 'commit.cleanup=strip', 'commit', '-q', '--no-verify', '--cleanup=whitespace', '-m', 'Add w', '-m', QWEN], { env });
    expect(forced.code, forced.stderr).toBe(0);
    expect(messageOf(repo.dir)).toBe(`Add w\n\n${QWEN}\n`);
    expect(aitrail(repo.dir, ['check', 'HEAD~1..HEAD'], { env }).code).toBe(1);
    repo.git(['reset', '-q', '--soft', 'HEAD~1']);
  });

  it('--cleanup=strip (abbreviated, or its value apart): git drops the `#` line, and commit-msg passes what git stores', () => {
    for (const option of [['--cleanup', 'strip'], ['--cl=strip']]) {
      stage();
      const made = tryGit(repo.dir, ['commit', '-q', ...option, '-m', 'Add x', '-m', QWEN], { env });
      expect(made.code, made.stderr).toBe(0);
      expect(messageOf(repo.dir)).toBe('Add x\n');
    }
  });

  it('--cleanup=strip -m \'#42 fix\' for an AI commit: aborted as git aborts it, not a commit of the recorded trailer alone', () => {
    stage();
    const before = head();
    const made = tryGit(repo.dir, ['commit', '-q', '--cleanup=strip', '-m', '#42 fix'], { env: { ...env, ...OPUS } });
    expect(made.code).toBe(1);
    expect(made.stderr).toContain('Aborting commit due to empty commit message');
    expect(head()).toBe(before);
  });

  it('a message that reads `--cleanup=strip` is no option: the `#` declaration git keeps is refused', () => {
    stage();
    const made = tryGit(repo.dir, ['commit', '-q', '-m', '--cleanup=strip', '-m', QWEN], { env });
    expect(made.code).toBe(1);
    expect(made.stderr).toContain('qwen/qwen3-coder');
    repo.git(['reset', '-q']);
  });
});
