// Session 54 helper r (row 1152): row 1148 takes out of a merge's own change what its other parents made since their
// merge base with the first; a merge of an unrelated history (`git merge --allow-unrelated-histories`, no merge base)
// had nothing taken out, so a person's merge of main into a history of their own unrelated to it (main holding a Qwen commit accepted before
// the deny) was refused by check and pre-receive as that commit's twin. Found re-reading `broughtIds` for merges with no
// merge base; replayed with the built CLI's `check` and a real bare server's pre-receive. Now such a parent's whole tree
// (its change since the empty tree) is what it brings.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { PARSE } from '../helpers/laundered-twins.js';

describe('a merge of an unrelated history the server holds is no twin of its commits (row 1152)', () => {
  it("a person's merge of main, holding a Qwen commit accepted before the deny, into an unrelated history passes check and pre-receive", () => {
    const { work } = policyServer('policy:\n  deny: ["anthropic/*"]\n');
    expect(commitWith(work, 'feat: parse\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'src/parse.ts': PARSE }, { noVerify: true }).code).toBe(0);
    expect(commitWith(work, 'chore: deny qwen\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' }, { noVerify: true }).code).toBe(0);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']).code).toBe(0);
    // A person's own history (a site), unrelated to main, into which main is merged.
    work.git(['checkout', '-q', '--orphan', 'site']);
    work.git(['rm', '-rfq', '.']);
    expect(commitWith(work, 'docs: site\n', { 'site/index.md': 'hello\n' }, { noVerify: true }).code).toBe(0);
    expect(tryGit(work.dir, ['merge', '-q', '--no-ff', '--no-edit', '--allow-unrelated-histories', 'main']).code).toBe(0);
    expect(work.git(['rev-list', '--parents', '-1', 'HEAD']).split(' ')).toHaveLength(3);
    const check = aitrail(work.dir, ['check', 'origin/main..HEAD'], { timeout: 120_000 });
    expect(check.code, check.stdout + check.stderr).toBe(0);
    const pushed = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:site']);
    expect(pushed.code, pushed.stderr).toBe(0);
  });
});
