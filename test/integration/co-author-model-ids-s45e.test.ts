// Model ids with no version digit written as a co-author's name: Moonshot's `kimi-thinking-preview`
// (platform.moonshot.cn, its thinking model's API id), the Kimi Code plan's `kimi-for-coding` and
// `kimi-for-coding-highspeed` (api.kimi.com/coding), Alibaba's Qwen-MT `qwen-mt-turbo`, `qwen-mt-plus`,
// `qwen-mt-flash` (Model Studio). The catalog's family rule needs a digit (so `Kimi Raikkonen` stays
// a person), and the table did not list them: `Co-authored-by: kimi-for-coding <…>` read as a person
// and passed `deny: ["moonshotai/*"]` at commit. Committed for real through init's hooks.
import { describe, expect, it } from 'vitest';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';
import { copiedRepo } from '../helpers/hooked-repo.js';
import { aitrail, gitRun, messageOf } from '../helpers/hooks.js';

function hooked(): TestRepo {
  return copiedRepo('co-author-model-ids-s45e', () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*", "moonshotai/*"]\n' });
    const init = aitrail(repo.dir, ['init', '--mode', 'git']);
    expect(init.status, init.stderr).toBe(0);
    return repo;
  });
}

function commitWith(repo: TestRepo, coAuthor: string) {
  repo.write('src/parser.ts', `export const n = ${Math.random()};\n`);
  repo.git(['add', 'src/parser.ts']);
  const result = gitRun(repo.dir, ['commit', '-q', '-F', '-'], {}, `feat: parser\n\nCo-authored-by: ${coAuthor}\n`);
  return { ...result, message: result.status === 0 ? messageOf(repo.dir) : '' };
}

describe('co-authors named by a model id with no version digit', () => {
  it('kimi-thinking-preview, kimi-for-coding(-highspeed), qwen-mt-turbo/-plus/-flash at any address: refused', () => {
    const repo = hooked();
    for (const [coAuthor, id] of [
      ['kimi-thinking-preview <noreply@moonshot.cn>', 'moonshotai/kimi-thinking-preview'],
      ['kimi-for-coding <kimi@example.com>', 'moonshotai/kimi-for-coding'],
      ['kimi-for-coding-highspeed <noreply@kimi.com>', 'moonshotai/kimi-for-coding-highspeed'],
      ['qwen-mt-turbo <noreply@alibaba.com>', 'qwen/qwen-mt-turbo'],
      ['qwen-mt-plus <dev@example.com>', 'qwen/qwen-mt-plus'],
      ['qwen-mt-flash <dev@example.com>', 'qwen/qwen-mt-flash'],
    ]) {
      const result = commitWith(repo, coAuthor!);
      expect(result.status, `${coAuthor}: ${result.message}`).toBe(1);
      expect(result.stderr).toContain(id);
    }
  });

  it('what held: people named Kimi or Qwen-Latest, and a spaced product-like name, stay people', () => {
    const repo = hooked();
    for (const coAuthor of ['Kimi <kimi@example.com>', 'Kimi Thinking <kimi.t@example.com>', 'Qwen-Latest <dev@example.com>', 'Mt Turbo <mt@example.com>']) {
      const result = commitWith(repo, coAuthor);
      expect(result.status, `${coAuthor}: ${result.stderr}`).toBe(0);
      expect(result.message).toBe(`feat: parser\n\nCo-authored-by: ${coAuthor}\n`);
    }
  });
});
