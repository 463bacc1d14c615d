// Declared values read as another model than the one named, or as AI where people were named, through
// `aitrail check` (CI, pre-push) and `log`: `Cohere Command R+` read as `command-r` and passed a deny of
// `cohere/command-r-plus`; `Claude Sonnet 4.5 refactor` read as a new model and passed a deny of
// `anthropic/claude-sonnet-4.5`; `Allen AI` named no vendor and passed `allenai/*`; `Claude, step 3`
// was refused under `stepfun-ai/*`; and `Tencent Cloud team` (people) was refused under `tencent/*`.
import { describe, expect, it } from 'vitest';
import { aitrail, checkJson } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

const DENY = 'policy:\n  deny: ["cohere/command-r-plus", "anthropic/claude-sonnet-4.5", "allenai/*", "stepfun-ai/*", "tencent/*"]\n';

describe('declared values are read as the model they name, and people as people', () => {
  it('aitrail check refuses the denied models named so, and passes the plan step and the team of people', () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': DENY });
    repo.git(['checkout', '-q', '-b', 'feature']);
    const plus = repo.commit('feat: parser\n\nAssisted-by: Cohere Command R+\n', { 'src/parser.ts': 'parse\n' });
    const word = repo.commit('feat: lexer\n\nAssisted-by: Claude Sonnet 4.5 refactor\n', { 'src/lexer.ts': 'lex\n' });
    const allen = repo.commit('feat: cli\n\nAssisted-by: Allen AI\n', { 'src/cli.ts': 'cli\n' });
    const step = repo.commit('feat: io\n\nAssisted-by: Claude, step 3\n', { 'src/io.ts': 'io\n' });
    const team = repo.commit('fix: tls\n\nAssisted-by: Tencent Cloud team\n', { 'src/tls.ts': 'tls\n' });
    const { code, json } = checkJson(repo.dir);
    expect(code).toBe(1);
    const errors = json.violations.filter((violation) => violation.severity === 'error');
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sha: plus, model: 'cohere/command-r-plus' }),
        expect.objectContaining({ sha: word, model: 'anthropic/claude-sonnet-4.5' }),
        expect.objectContaining({ sha: allen, model: 'allenai/unknown' }),
      ]),
    );
    expect(errors.filter((violation) => violation.sha === step || violation.sha === team)).toEqual([]);

    const log = JSON.parse(aitrail(repo.dir, ['log', '--format', 'json']).stdout) as Array<{ sha: string; ai: boolean; attributions: Array<{ agent: string; model: string }> }>;
    const read = (sha: string) => log.find((entry) => entry.sha === sha);
    expect(read(step)?.attributions.map((a) => `${a.agent}:${a.model}`)).toEqual(['claude-code:unknown']);
    expect(read(team)?.ai).toBe(false);
  });
});
