// Red team, session 42 (helper r): precision of the model-id rules of rows 612..5. People's
// names and hex ids the new vendor words read as a denied vendor, replayed through `aitrail check`
// in a real repository. Each test failed before its fix.
import { describe, expect, it } from 'vitest';
import { checkJson as check } from '../helpers/cli.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';

/** A repository on `feature` (after `main` committed `config`) for `aitrail check main..feature`. */
function checked(config: string): TestRepo {
  const repo = makeRepo();
  repo.commit('chore: policy\n', { '.aitrailrc.yml': config });
  repo.git(['checkout', '-q', '-b', 'feature']);
  return repo;
}

function refusedIn(repo: TestRepo) {
  const { code, json } = check(repo.dir);
  return { code, refused: json.violations.filter((violation) => violation.severity === 'error') };
}

describe('628: a person named Zai read as Z.ai', () => {
  it('`Co-authored-by: Zai Dium`, `Zai <zai.erb@…>`, `Helped-by: Zai Dium` are people; Z.ai\'s own ids are still refused', () => {
    const repo = checked('policy:\n  deny: ["z-ai/*"]\n');
    const people = [
      'Co-authored-by: Zai Dium',
      'Co-authored-by: Zai <zai.erb@example.edu>',
      'Co-authored-by: zai <12345+zai@users.noreply.github.com>',
      'Helped-by: Zai Dium',
    ].map((line, at) => repo.commit(`feat: p${at}\n\n${line}\n`, { [`p${at}`]: `${at}\n` }));
    const glm = repo.commit('feat: glm\n\nCo-authored-by: zai-org/GLM-4.6 <ai@example.com>\n', { g: 'g\n' });
    const word = repo.commit('feat: word\n\nAssisted-by: aider:zai\n', { w: 'w\n' });

    const { code, refused } = refusedIn(repo);
    expect(code).toBe(1);
    expect(refused.filter((violation) => people.includes(violation.sha))).toEqual([]);
    expect(refused).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sha: glm, rule: 'model-denied', model: 'z-ai/glm-4.6' }),
        expect.objectContaining({ sha: word, rule: 'model-denied', model: 'z-ai/unknown' }),
      ]),
    );
  });
});

describe('629: a hex id starting `abab` read as a MiniMax model', () => {
  it('a session UUID or commit sha beside a declared agent is not MiniMax; `abab6.5s-chat` still is', () => {
    const repo = checked('policy:\n  deny: ["minimax/*"]\n');
    const hex = [
      'Assisted-by: claude-code:claude-opus-4-6 (session abab12cd-0e1f-4a2b-9c3d-1234567890ab)',
      'Assisted-by: Claude Code <noreply@anthropic.com> (commit abab4c2)',
      'Assisted-by: gpt-5 (run 3f2abab9)',
      'Co-authored-by: abab1 <12345+abab1@users.noreply.github.com>',
    ].map((line, at) => repo.commit(`feat: h${at}\n\n${line}\n`, { [`h${at}`]: `${at}\n` }));
    const abab = repo.commit('feat: abab\n\nAssisted-by: aider:abab6.5s-chat\n', { a: 'a\n' });
    const coAuthor = repo.commit('feat: co\n\nCo-authored-by: abab7-chat-preview <ai@example.com>\n', { c: 'c\n' });

    const { code, refused } = refusedIn(repo);
    expect(code).toBe(1);
    expect(refused.filter((violation) => hex.includes(violation.sha))).toEqual([]);
    expect(refused).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sha: abab, rule: 'model-denied', model: 'minimax/abab6.5s-chat' }),
        expect.objectContaining({ sha: coAuthor, rule: 'model-denied', model: 'minimax/abab7-chat-preview' }),
      ]),
    );
  });
});
