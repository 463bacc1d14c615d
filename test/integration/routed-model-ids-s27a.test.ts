// Red team, session 27 (helper a): a denied model recorded under an id that routes it through another
// vendor's name, replayed through `aitrail check` on real commits and real git-ai notes.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo } from '../helpers/gitdir.js';

interface CheckJson {
  ok: boolean;
  violations: { sha: string; rule: string; model: string; severity: string }[];
}

function check(dir: string): { code: number; json: CheckJson } {
  const result = aitrail(dir, ['check', 'main..feature', '--format', 'json']);
  return { code: result.code, json: JSON.parse(result.stdout) as CheckJson };
}

describe('row 320: a literal id whose name is another vendor\'s family', () => {
  it('a co-author line and a git-ai note naming Qwen behind `openai/` are Qwen\'s; an OpenAI model so written still passes', () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  allow: ["anthropic/*", "openai/*"]\n' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    // LiteLLM's `openai/<served name>` route to a local vLLM server running Qwen3-Coder.
    const coAuthored = repo.commit('feat: parser\n\nCo-authored-by: openai/qwen3-coder-30b-local <ai@example.com>\n', { 'src/parser.ts': 'parse\n' });
    const noted = repo.commit('feat: lexer\n', { 'src/lexer.ts': 'lex 1\nlex 2\n' });
    addNote(repo, noted, gitAiNote({ 'src/lexer.ts': [session(NOTE_KEYS.qwen, '1-2')] }).replace('"model": "qwen3-coder"', '"model": "openai/qwen3-coder-30b-local"'));
    const allowed = repo.commit('feat: cli\n\nCo-authored-by: openai/gpt-5.9-custom <ai@example.com>\n', { 'src/cli.ts': 'cli\n' });

    const { code, json } = check(repo.dir);
    expect(code).toBe(1);
    const refused = json.violations.filter((violation) => violation.severity === 'error');
    expect(refused).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sha: coAuthored, rule: 'model-not-allowed', model: 'qwen/qwen3-coder-30b-local' }),
        expect.objectContaining({ sha: noted, rule: 'model-not-allowed', model: 'qwen/qwen3-coder-30b-local' }),
      ]),
    );
    expect(refused.filter((violation) => violation.sha === allowed)).toEqual([]);
    expect(json.violations.some((violation) => violation.model.startsWith('openai/qwen'))).toBe(false);
  });
});
