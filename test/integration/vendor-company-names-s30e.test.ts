// A declared AI tool named as "<Company> <Product>" (`Assisted-by: Cohere Command A`, `IBM Granite`,
// `Baidu Comate`, `Amazon Nova Pro`) looked like a person's two capitalised words (curl's
// `Assisted-by: Daniel Gustafsson`): the commit read as a person's, passed `deny: ["cohere/*"]` in the
// real commit-msg hook and counted as human in log and blame. A person stays a person.
import { describe, expect, it } from 'vitest';
import { aitrail, checkJson } from '../helpers/cli.js';
import { agentCommit, hooked } from '../helpers/agent-home.js';
import { hookEnv } from '../helpers/hooks.js';
import { makeRepo } from '../helpers/gitdir.js';

const DENY = 'policy:\n  deny: ["cohere/*", "baidu/*", "ibm-granite/*", "amazon/*", "tencent/*", "stepfun-ai/*"]\n';

describe('a declared "<Company> <Product>" is that vendor\'s AI, not a person', () => {
  it('the commit-msg hook refuses each under a deny of its vendor, and lets people through', () => {
    const repo = hooked(DENY);
    const env = hookEnv();
    for (const [value, shown] of [
      ['Cohere Command A', 'cohere/command-a'],
      ['Command A', 'cohere/command-a'],
      ['IBM Granite', 'ibm-granite/unknown'],
      ['Amazon Nova Pro', 'amazon/nova-pro-v1'],
      ['Tencent Hunyuan', 'tencent/unknown'],
      ['StepFun Step 3', 'stepfun-ai/step3'],
    ]) {
      const refused = agentCommit(repo, env, `feat: parser\n\nAssisted-by: ${value}\n`);
      expect(refused.status, value).not.toBe(0);
      expect(refused.stderr).toContain(`${shown} is denied`);
    }
    for (const message of [
      'feat: parser\n\nAssisted-by: Daniel Gustafsson\n',
      'feat: parser\n\nCo-authored-by: Nova Smith <nova@example.org>\n',
      'feat: parser\n\nCo-authored-by: Jane Doe <jane@microsoft.com>\n',
      'feat: parser\n\nGenerated-by: Microsoft Kiota\n',
    ]) {
      const passed = agentCommit(repo, env, message);
      expect(passed.status, `${message}\n${passed.stderr}`).toBe(0);
    }
  });

  it('aitrail check (CI, pre-push) refuses them on a branch under the deny, and not a person\'s', () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': DENY });
    repo.git(['checkout', '-q', '-b', 'feature']);
    const cohere = repo.commit('feat: parser\n\nAssisted-by: Cohere Command A\n', { 'src/parser.ts': 'parse\n' });
    const baidu = repo.commit('feat: lexer\n\nAssisted-by: Baidu ERNIE\n', { 'src/lexer.ts': 'lex\n' });
    const ibm = repo.commit('feat: cli\n\nAssisted-by: IBM Granite\n', { 'src/cli.ts': 'cli\n' });
    const person = repo.commit('docs: readme\n\nAssisted-by: Daniel Gustafsson\nCo-authored-by: Nova Smith <nova@example.org>\n', { 'README.md': 'hi\n' });
    const { code, json } = checkJson(repo.dir);
    expect(code).toBe(1);
    expect(json.violations.filter((violation) => violation.severity === 'error')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sha: cohere, model: 'cohere/command-a' }),
        expect.objectContaining({ sha: baidu, model: 'baidu/unknown' }),
        expect.objectContaining({ sha: ibm, model: 'ibm-granite/unknown' }),
      ]),
    );
    expect(json.violations.filter((violation) => violation.sha === person)).toEqual([]);
  });

  it('log reads the vendor (or the agent) and blame counts the lines as AI', () => {
    const repo = makeRepo();
    const commits: Record<string, string> = {};
    const values = ['Cohere Command A', 'Baidu Comate', 'IBM Granite', 'Microsoft Phi 4', 'ByteDance Trae', 'Daniel Gustafsson'];
    values.forEach((value, at) => {
      commits[value] = repo.commit(`feat: part ${at}\n\nAssisted-by: ${value}\n`, { [`src/part${at}.ts`]: `export const a = ${at};\nexport const b = ${at};\n` });
    });
    const log = JSON.parse(aitrail(repo.dir, ['log', '--format', 'json']).stdout) as Array<{ sha: string; ai: boolean; attributions: Array<{ agent: string; model: string }> }>;
    const read = (value: string) => log.find((entry) => entry.sha === commits[value]);
    expect(read('Cohere Command A')?.attributions.map((a) => `${a.agent}:${a.model}`)).toEqual(['unknown:cohere/command-a']);
    expect(read('Baidu Comate')?.attributions.map((a) => `${a.agent}:${a.model}`)).toEqual(['comate:unknown']);
    expect(read('IBM Granite')?.attributions.map((a) => `${a.agent}:${a.model}`)).toEqual(['unknown:ibm-granite/unknown']);
    expect(read('Microsoft Phi 4')?.attributions.map((a) => `${a.agent}:${a.model}`)).toEqual(['unknown:microsoft/phi-4']);
    expect(read('ByteDance Trae')?.attributions.map((a) => `${a.agent}:${a.model}`)).toEqual(['trae:unknown']);
    expect(read('Daniel Gustafsson')?.ai).toBe(false);

    const blame = JSON.parse(aitrail(repo.dir, ['blame', 'src', '--format', 'json', '--no-cache']).stdout) as { totals: { ai: number; human: number; byModel: Record<string, number> } };
    expect(blame.totals.ai).toBe(10);
    expect(blame.totals.byModel).toMatchObject({ 'cohere/command-a': 2, 'ibm-granite/unknown': 2, 'microsoft/phi-4': 2 });
  });
});
