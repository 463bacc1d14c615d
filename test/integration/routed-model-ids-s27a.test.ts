// Red team, session 27 (helper a): a denied model recorded under an id that routes it through another
// vendor's name, replayed through `aitrail check` on real commits and real git-ai notes.
import { describe, expect, it } from 'vitest';
import { checkJson as check } from '../helpers/cli.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo } from '../helpers/gitdir.js';

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

describe('row 321: a local runtime\'s quantisation in the model id', () => {
  const QWEN_480B_UD = 'opencode:ollama/hf.co/unsloth/Qwen3-Coder-480B-A35B-Instruct-GGUF:UD-Q2_K_XL';
  const QWEN_30B_UD = 'opencode:ollama/hf.co/unsloth/Qwen3-Coder-30B-A3B-Instruct-GGUF:UD-Q4_K_XL';

  it('deny: ["qwen/qwen3-coder"] denies the flagship run from an unsloth GGUF or by llama.cpp\'s file name; the 30B one passes', () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/qwen3-coder"]\n' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    const tagged = repo.commit(`feat: parser\n\nAssisted-by: ${QWEN_480B_UD}\n`, { 'src/parser.ts': 'parse\n' });
    const served = repo.commit('feat: lexer\n', { 'src/lexer.ts': 'lex 1\nlex 2\n' });
    const file = 'Qwen3-Coder-480B-A35B-Instruct-UD-Q2_K_XL-00001-of-00004.gguf';
    addNote(repo, served, gitAiNote({ 'src/lexer.ts': [session(NOTE_KEYS.qwen, '1-2')] }).replace('"model": "qwen3-coder"', `"model": "${file}"`));
    const small = repo.commit(`feat: cli\n\nAssisted-by: ${QWEN_30B_UD}\n`, { 'src/cli.ts': 'cli\n' });

    const { code, json } = check(repo.dir);
    expect(code).toBe(1);
    const refused = json.violations.filter((violation) => violation.severity === 'error');
    expect(refused).toHaveLength(2);
    expect(refused).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sha: tagged, rule: 'model-denied', model: 'qwen/qwen3-coder' }),
        expect.objectContaining({ sha: served, rule: 'model-denied', model: 'qwen/qwen3-coder' }),
      ]),
    );
    expect(refused.some((violation) => violation.sha === small)).toBe(false);
  });

  it('allow: ["qwen/qwen3-coder-30b-a3b-instruct"] allows that model from an unsloth GGUF (no false refusal)', () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  allow: ["anthropic/*", "qwen/qwen3-coder-30b-a3b-instruct"]\n' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    repo.commit(`feat: cli\n\nAssisted-by: ${QWEN_30B_UD}\n`, { 'src/cli.ts': 'cli\n' });
    const { code, json } = check(repo.dir);
    expect(json.violations.filter((violation) => violation.severity === 'error')).toEqual([]);
    expect(code).toBe(0);
  });
});

describe('row 322: OpenRouter\'s `~author/family-latest` slug', () => {
  it('a co-author line naming `openrouter/~qwen/qwen3-coder-latest` is Qwen\'s, as `openrouter/qwen/qwen3-coder` is', () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    const latest = repo.commit('feat: parser\n\nCo-authored-by: openrouter/~qwen/qwen3-coder-latest <ai@example.com>\n', { 'src/parser.ts': 'parse\n' });
    const claude = repo.commit('feat: cli\n\nCo-authored-by: openrouter/~anthropic/claude-sonnet-latest <ai@example.com>\n', { 'src/cli.ts': 'cli\n' });
    const { code, json } = check(repo.dir);
    expect(code).toBe(1);
    const refused = json.violations.filter((violation) => violation.severity === 'error');
    expect(refused).toEqual([expect.objectContaining({ sha: latest, rule: 'model-denied', model: 'qwen/qwen3-coder' })]);
    expect(refused.some((violation) => violation.sha === claude)).toBe(false);
  });
});
