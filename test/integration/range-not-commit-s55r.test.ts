// Session 55 helper r (row 1193): a range naming a file or tree where a commit is wanted (`aitrail check
// HEAD~1..HEAD:f`, `log HEAD:f`, a tag of a tree) walked no commit and git said nothing, so check printed "0 commits
// checked, no policy violations" and exit 0: a mistyped CI range passed every commit. Found by session 55 helper p.
// Now check and log say one line naming the range and the object's type, exit 3; commit ranges are judged as before.
import { beforeAll, describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';

let repo: TestRepo;
beforeAll(() => {
  repo = makeRepo();
  repo.commit('one\n', { 'f.txt': 'a\n' });
  repo.commit('two\n\nAssisted-by: aider:nosuchvendor/denied-model\n', { 'f.txt': 'a\nb\n' });
  repo.git(['tag', '-a', '-m', 'tree', 'treetag', 'HEAD^{tree}']);
});

function expectRefused(args: string[], range: string, type: string, said = `'${range}' names a ${type}`): void {
  const result = aitrail(repo.dir, args);
  expect(result.code, `${args.join(' ')}: ${result.stdout}${result.stderr}`).toBe(3);
  const lines = result.stderr.split('\n').filter((line) => line !== '' && !/^aitrail(: note:|: policy from)/.test(line));
  expect(lines, args.join(' ')).toHaveLength(1);
  expect(lines[0]).toContain(said);
  expect(result.stdout).not.toMatch(/no policy violations|No commits in range/);
}

describe('a range end that is no commit', () => {
  it('check refuses a blob, a tree and a tag of a tree', () => {
    expectRefused(['check', 'HEAD~1..HEAD:f.txt'], 'HEAD~1..HEAD:f.txt', 'blob');
    expectRefused(['check', 'HEAD:f.txt'], 'HEAD:f.txt', 'blob');
    // `A...B` resolves both tips first: its own one line names the side.
    expectRefused(['check', 'HEAD~1...HEAD^{tree}'], 'HEAD~1...HEAD^{tree}', 'tree', "'HEAD^{tree}' in range 'HEAD~1...HEAD^{tree}': it names no commit");
    expectRefused(['check', 'HEAD~1..treetag'], 'HEAD~1..treetag', 'tag');
  });

  it('log refuses them too', () => {
    expectRefused(['log', 'HEAD:f.txt'], 'HEAD:f.txt', 'blob');
    expectRefused(['log', 'HEAD~1..HEAD^{tree}'], 'HEAD~1..HEAD^{tree}', 'tree');
  });

  it('commit ranges are read as before', () => {
    expect(aitrail(repo.dir, ['log', 'HEAD~1..HEAD']).code).toBe(0);
    expect(aitrail(repo.dir, ['log', 'HEAD^!']).code).toBe(0);
    const checked = aitrail(repo.dir, ['check', 'HEAD~1..HEAD', '--format', 'json']);
    expect(JSON.parse(checked.stdout)).toMatchObject({ commits: 1 });
  });
});
