// `trailer.separators` set without `:` (or with other characters beside it): git then reads
// `Assisted-by> qwen-code:qwen/qwen3-coder` as a trailer naming Qwen (`git log`'s `%(trailers)`,
// `git interpret-trailers`), where the layers read prose and passed it. Which setting a reader has
// (the committer's, the server's, CI's) no layer knows: each reads such a line of a key that says
// who helped under every setting, so commit-msg, pre-push and check refuse it alike.
import { beforeAll, describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { hookedWithOrigin } from '../helpers/hooked-repo.js';
import type { TestRepo } from '../helpers/gitdir.js';

describe('a declaration under a trailer.separators of other characters', () => {
  let repo: TestRepo;
  let env: NodeJS.ProcessEnv;
  let setUp: NodeJS.ProcessEnv;
  let file = 0;
  beforeAll(() => {
    ({ repo, env, setUp } = hookedWithOrigin());
  });
  const stage = () => {
    file += 1;
    repo.write(`src/f${file}.ts`, `export const f = ${file};\n`);
    repo.git(['add', '.']);
  };

  it.each(['>', ';', '|', '~', '&'])('`Assisted-by%s qwen-code:qwen/qwen3-coder`: a trailer to git under that setting, refused by commit-msg, pre-push and check', (separator) => {
    const line = `Assisted-by${separator} qwen-code:qwen/qwen3-coder`;
    const config = ['-c', `trailer.separators=${separator}`];
    // git's own reading under the setting: a trailer naming Qwen.
    const parsed = tryGit(repo.dir, [...config, 'interpret-trailers', '--parse'], { input: `Add q\n\n${line}\n` });
    expect(parsed.stdout).toContain('qwen-code:qwen/qwen3-coder');
    stage();
    const head = repo.git(['rev-parse', 'HEAD']);
    const made = tryGit(repo.dir, [...config, 'commit', '-q', '-m', 'Add q', '-m', line], { env });
    expect(made.code).toBe(1);
    expect(made.stderr).toContain('qwen/qwen3-coder');
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
    // The same commit made with no hooks at all: the stored message is the line, judged as it stands.
    const forced = tryGit(repo.dir, [...config, '-c', 'core.hooksPath=/dev/null', 'commit', '-q', '-m', 'Add q', '-m', line], { env: setUp });
    expect(forced.code, forced.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).toBe(`Add q\n\n${line}`);
    const check = aitrail(repo.dir, ['check', 'HEAD~1..HEAD'], { env });
    expect(check.code, check.stdout).toBe(1);
    expect(check.stdout).toContain('qwen/qwen3-coder');
    const push = tryGit(repo.dir, ['push', '-q', 'origin', 'HEAD:main'], { env });
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('qwen/qwen3-coder');
    repo.git(['reset', '-q', '--hard', head]);
  });
});
