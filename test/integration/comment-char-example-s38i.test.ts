import { beforeAll, describe, expect, it } from 'vitest';
import { expectEachPasses, expectEachRefused, policyServer, tryGit, type Project } from '../helpers/enforce-repos.js';

// 493 reads the trailer block as a reader with a letter for core.commentChar finds it; a person's
// example (`For example:` above `Assisted-by: qwen…`, row 136) is then a comment line of the block to a
// reader whose prefix is `F`, and its lead was looked for above the paragraph only: the honest example,
// passed under `#` by every layer, was refused as Qwen's.
describe('a person\'s example under a reader\'s comment prefix', () => {
  let server: Project;
  beforeAll(() => {
    server = policyServer('policy:\n  deny: ["qwen/*"]\n');
  });

  it('an example lead inside the last paragraph keeps the example a person\'s', () => {
    const examples = [
      'docs: policy\n\nFor example:\nAssisted-by: qwen-code:qwen/qwen3-coder\n',
      'docs: policy\n\nSuch as:\nReviewed-by: Ann <ann@example.com>\nAssisted-by: qwen-code:qwen/qwen3-coder\n',
    ];
    // git shows Qwen's trailer to that reader (the lead is its comment), none under `#`.
    expect(tryGit(server.work.dir, ['-c', 'core.commentChar=F', 'interpret-trailers', '--parse', '--no-divider'], { input: examples[0] }).stdout).toMatch(/qwen/);
    expect(tryGit(server.work.dir, ['interpret-trailers', '--parse', '--no-divider'], { input: examples[0] }).stdout).not.toMatch(/qwen/);
    expectEachPasses(server.work, examples);
  });

  it('a line that is no example lead still hides nothing', () => {
    expectEachRefused(server.remote, server.work, { keep: 'feat: add a\n\nKeep this in mind\nAssisted-by:\n qwen3-coder\n', format: 'feat: b\n\nFormatted\nAssisted-by: qwen-code:qwen/qwen3-coder\n' }, (models, name) => expect(models, name).toContain('qwen/qwen3-coder'));
  });
});
