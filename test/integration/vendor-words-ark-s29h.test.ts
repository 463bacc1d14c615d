// A new vendor named by its family word (`Assisted-by: Doubao`, `opencode:ernie`) and a model
// Volcengine ark hosts for its vendor (`deepseek-v3-1-250821`), declared on real commits and replayed
// through `aitrail check` with a deny of each vendor; a person co-author named Ernie stays a person.
import { describe, expect, it } from 'vitest';
import { checkJson } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

describe('vendor words and ark ids: a deny of the vendor refuses them', () => {
  it('`deny: ["bytedance/*", "baidu/*", "deepseek/deepseek-v3.1"]` refuses Doubao, ernie and ark\'s deepseek-v3-1-250821', () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["bytedance/*", "baidu/*", "deepseek/deepseek-v3.1"]\n' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    const doubao = repo.commit('feat: parser\n\nAssisted-by: Doubao\n', { 'src/parser.ts': 'parse\n' });
    const ernie = repo.commit('feat: lexer\n\nAssisted-by: opencode:ernie\n', { 'src/lexer.ts': 'lex\n' });
    const ark = repo.commit('feat: cli\n\nAssisted-by: aider:volcengine/deepseek-v3-1-250821\n', { 'src/cli.ts': 'cli\n' });
    const person = repo.commit('docs: readme\n\nCo-authored-by: Ernie Smith <ernie@example.org>\n', { 'README.md': 'hi\n' });

    const { code, json } = checkJson(repo.dir);
    expect(code).toBe(1);
    const refused = json.violations.filter((violation) => violation.severity === 'error');
    expect(refused).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sha: doubao, model: 'bytedance/unknown' }),
        expect.objectContaining({ sha: ernie, model: 'baidu/unknown' }),
        expect.objectContaining({ sha: ark, model: 'deepseek/deepseek-v3.1' }),
      ]),
    );
    expect(json.violations.filter((violation) => violation.sha === person)).toEqual([]);
  });
});
