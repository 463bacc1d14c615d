// Spellings of GPT-5.3-Codex and Claude Opus 4.6 that projects write in their trailers, on real
// commits, through `aitrail check` with an exact allow and a glob deny, and through `aitrail log`.
import { describe, expect, it } from 'vitest';
import { aitrail, checkJson as check } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

describe('a project\'s shorthand for a model is that model to the policy', () => {
  it('`deny: ["openai/gpt-5*"]` refuses Assisted-by: Cursor: codex-5.3; log reads it, sonnet4.5 and opus4.6 as the catalog ids', () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["openai/gpt-5*"]\n' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    const codex = repo.commit('feat: parser\n\nAssisted-by: Cursor: codex-5.3\n', { 'src/parser.ts': 'parse\n' });
    const go = repo.commit('feat: lexer\n\nAssisted-by: opencode:opencode-go/codex-5.3\n', { 'src/lexer.ts': 'lex\n' });
    const sonnet = repo.commit('feat: cli\n\nAssisted-by: auggie:sonnet4.5\n', { 'src/cli.ts': 'cli\n' });
    const opus = repo.commit('feat: api\n\nAssisted-by: Claude:opus4.6\n', { 'src/api.ts': 'api\n' });
    const person = repo.commit('build: bump the codex 5.3 parser and libopus 1.5\n\nOpus codec for tests.\n', { 'src/deps.ts': 'deps\n' });

    const { code, json } = check(repo.dir);
    expect(code).toBe(1);
    const refused = json.violations.filter((violation) => violation.severity === 'error').map((violation) => [violation.sha, violation.model]);
    expect(refused).toEqual(expect.arrayContaining([[codex, 'openai/gpt-5.3-codex'], [go, 'openai/gpt-5.3-codex']]));
    expect(refused.filter(([sha]) => sha !== codex && sha !== go)).toEqual([]);

    const log = JSON.parse(aitrail(repo.dir, ['log', '--format', 'json']).stdout) as { sha: string; ai: boolean; attributions: { model: string }[] }[];
    const models = (sha: string) => log.find((commit) => commit.sha === sha)?.attributions.map((a) => a.model);
    expect(models(sonnet)).toEqual(['anthropic/claude-sonnet-4.5']);
    expect(models(opus)).toEqual(['anthropic/claude-opus-4.6']);
    expect(log.find((commit) => commit.sha === person)?.ai).toBe(false);
  });

  it('`allow: ["openai/gpt-5.3-codex"]` passes every spelling of it', () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  allow: ["openai/gpt-5.3-codex"]\n' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    repo.commit('feat: a\n\nAssisted-by: Cursor: codex-5.3\n', { 'a.ts': 'a\n' });
    repo.commit('feat: b\n\nAssisted-by: Codex:GPT-codex-5.3\n', { 'b.ts': 'b\n' });
    repo.commit('feat: c\n\nAssisted-by: Cursor: GPT-5.3-Codex\n', { 'c.ts': 'c\n' });
    const { code, json } = check(repo.dir);
    expect(json.violations).toEqual([]);
    expect(code).toBe(0);
  });
});
