import { beforeAll, describe, expect, it } from 'vitest';
import { hookedWithOrigin } from '../helpers/hooked-repo.js';
import { expectEachPasses, expectEachRefused, policyServer, tryGit, type Project } from '../helpers/enforce-repos.js';
import type { TestRepo } from '../helpers/gitdir.js';

// A reader's core.commentChar (`;` for people who write `#123`, or a letter) changes the trailer block git
// finds: its comment lines are skipped, a run of them at the end dropped, and `%(trailers)` lists what is
// left. Qwen's folded declaration below a `Keep …` or `; …` line, or above `Kthanks`, is prose under `#`
// (every layer's reading: no model at all, the folded value no line of its own) and Qwen's trailer to a
// person with that setting: git log shows it there.
const CASES: Record<string, string> = {
  above: 'feat: add a\n\nKeep this in mind\nAssisted-by:\n qwen3-coder\n',
  semicolon: 'feat: add b\n\n; see #42\nnote: rebased\nAssisted-by:\n qwen3-coder\n',
  below: 'feat: add c\n\nAssisted-by:\n qwen3-coder\nKthanks\n',
  paragraphs: 'feat: add d\n\nKeep\nAssisted-by:\n qwen3-coder\n\nKthanks\n\nKmore\n',
  coauthor: 'feat: add e\n\nKept as is\nCo-authored-by: aider\n (qwen/qwen3-coder) <aider@aider.chat>\n',
};
const CHARS: Record<string, string> = { above: 'K', semicolon: ';', below: 'K', paragraphs: 'K', coauthor: 'K' };

describe('a declaration git reads under a reader\'s core.commentChar', () => {
  let server: Project;
  beforeAll(() => {
    server = policyServer('policy:\n  deny: ["qwen/*"]\n');
  });

  it('git shows Qwen\'s trailer under the setting, none under `#`: check and pre-receive refuse each', () => {
    for (const [name, message] of Object.entries(CASES)) {
      const shown = tryGit(server.work.dir, ['-c', `core.commentChar=${CHARS[name]}`, 'interpret-trailers', '--parse', '--no-divider'], { input: message }).stdout;
      expect(shown, name).toMatch(/qwen/);
      expect(tryGit(server.work.dir, ['interpret-trailers', '--parse', '--no-divider'], { input: message }).stdout, name).not.toMatch(/qwen/);
    }
    expectEachRefused(server.remote, server.work, CASES, (models, name) => expect(models, name).toContain('qwen/qwen3-coder'));
  });

  it('a person\'s message with such lines and no AI in it still passes', () => {
    expectEachPasses(server.work, ['feat: add f\n\nKeep this in mind\nCo-authored-by: Bob <bob@example.com>\n', 'fix: g\n\n; see #42\nReviewed-by: Ann <ann@example.com>\n']);
  });
});

describe('the same at commit-msg and pre-push', () => {
  let repo: TestRepo;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    ({ repo, env } = hookedWithOrigin());
  });

  it('commit-msg refuses the commit; made with no hook, pre-push refuses its push', () => {
    repo.write('src/a.ts', 'export const a = 1;\n');
    repo.git(['add', '.']);
    const before = repo.git(['rev-parse', 'HEAD']);
    const made = tryGit(repo.dir, ['commit', '-q', '-F', '-'], { env, input: CASES.above });
    expect(made.code, made.stderr).not.toBe(0);
    expect(made.stderr).toContain('qwen/qwen3-coder');
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(before);
    // Made with no hook at all (prepare-commit-msg would record the model it now reads).
    expect(tryGit(repo.dir, ['-c', 'core.hooksPath=/dev/null', 'commit', '-q', '-F', '-'], { env, input: CASES.below }).code).toBe(0);
    expect(repo.git(['-c', 'core.commentChar=K', 'log', '-1', '--format=%(trailers:only,unfold)'])).toBe('Assisted-by: qwen3-coder');
    const push = tryGit(repo.dir, ['push', 'origin', 'HEAD:refs/heads/k'], { env });
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain('qwen/qwen3-coder');
  });
});
