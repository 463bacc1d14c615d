// A model of a vendor the catalog did not know (ByteDance's Doubao, Amazon's Nova), declared on a real
// commit, replayed through `aitrail check` with a deny of that vendor; a person's commit whose words
// are those models' ordinary words stays a person's.
import { describe, expect, it } from 'vitest';
import { aitrail, checkJson as check } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

describe('catalog vendors: a deny of ByteDance or Amazon refuses their declared models', () => {
  it('`deny: ["bytedance/*"]` refuses Assisted-by: opencode:doubao-seed-code; a person\'s "step 3: add phi-4 support" passes', () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["bytedance/*", "amazon/*"]\n' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    const doubao = repo.commit('feat: parser\n\nAssisted-by: opencode:doubao-seed-code\n', { 'src/parser.ts': 'parse\n' });
    const dated = repo.commit('feat: lexer\n\nAssisted-by: aider:volcengine/doubao-seed-1-6-250615\n', { 'src/lexer.ts': 'lex\n' });
    const nova = repo.commit('feat: cli\n\nAssisted-by: aider:bedrock/us.amazon.nova-pro-v1:0\n', { 'src/cli.ts': 'cli\n' });
    const person = repo.commit('step 3: add phi-4 support\n\nnova pro and command a next; seed 42 for the ling 1t export.\n', { 'src/phi.ts': 'phi\n' });

    const { code, json } = check(repo.dir);
    expect(code).toBe(1);
    const refused = json.violations.filter((violation) => violation.severity === 'error');
    expect(refused).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sha: doubao, model: 'bytedance/doubao-seed-code' }),
        expect.objectContaining({ sha: dated, model: 'bytedance/seed-1.6' }),
        expect.objectContaining({ sha: nova, model: 'amazon/nova-pro-v1' }),
      ]),
    );
    expect(json.violations.filter((violation) => violation.sha === person)).toEqual([]);

    const log = aitrail(repo.dir, ['log', '--format', 'json']);
    const commits = JSON.parse(log.stdout) as { sha: string; ai: boolean }[];
    expect(commits.find((commit) => commit.sha === person)?.ai).toBe(false);
  });
});
