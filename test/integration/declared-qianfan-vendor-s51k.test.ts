// Session 51 helper k (row 998), a review of row 985: `qianfan` joined Baidu's family words in
// the catalog (models.json), so `Co-Authored-by: qianfan-code-latest <noreply@anthropic.com>` reads
// `claude-code:baidu/unknown`, but not the vendor words a declared value reads
// (signatures.json `vendorWords`): the same model declared in the kernel's trailer
// (`Assisted-by: claude-code:qianfan-code-latest`), in a note (`Assisted-by: Claude Code
// (qianfan-code-latest)`) or a model key (`AI-Model: qianfan-code-latest`) read no model, and passed
// commit-msg, `check` and pre-receive under `deny: ["baidu/*"]` with the unknown-model warning, as
// `ernie-code` did not. This test failed before its fix (signatures.json: `qianfan` a Baidu vendor
// word, and a person's name). A person named Qianfan is still a person at every layer.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envWithAitrailOnPath } from '../helpers/cli.js';
import { expectEachPasses, expectEachRefused, policyServer, tryGit } from '../helpers/enforce-repos.js';

const HOOK_ENV = envWithAitrailOnPath();

const DECLARED: Record<string, string> = {
  kernel: 'feat(detectors): add TPMDetector\n\nAssisted-by: claude-code:qianfan-code-latest\n',
  noted: 'feat: b\n\nAssisted-by: Claude Code (qianfan-code-latest)\n',
  modelKey: 'feat: c\n\nAI-Model: qianfan-code-latest\n',
};

const PEOPLE = [
  'feat: d\n\nCo-authored-by: Qianfan Zhang <qianfan@example.com>\n',
  'feat: e\n\nSigned-off-by: Qianfan Li <li.qianfan@example.com>\n',
  'feat: add the Qianfan provider\n',
];

describe("Baidu Qianfan's model declared in a trailer (row 998)", () => {
  it("init's commit-msg, check and pre-receive refuse it under deny baidu/*; a person named Qianfan passes", () => {
    const { remote, work } = policyServer('policy:\n  deny: ["baidu/*"]\n  unknownModel: warn\n', '', { initEnv: HOOK_ENV });
    tryGit(work.dir, ['checkout', '-q', '-b', 'hooked', 'main']);
    [...Object.entries(DECLARED), ...PEOPLE.map((message) => ['person', message] as const)].forEach(([name, message], at) => {
      writeFileSync(join(work.dir, `hooked-${at}.ts`), `export const v = ${at};\n`);
      tryGit(work.dir, ['add', '-A']);
      const commit = tryGit(work.dir, ['commit', '-q', '-F', '-'], { input: message, env: HOOK_ENV });
      if (name === 'person') expect(commit.code, `${message}\n${commit.stderr}`).toBe(0);
      else expect([commit.code === 0, commit.stderr.includes('baidu/unknown')], `${name}: ${commit.stderr}`).toEqual([false, true]);
    });
    tryGit(work.dir, ['reset', '-q', '--hard', 'main']);
    tryGit(work.dir, ['checkout', '-q', 'main']);
    expectEachRefused(remote, work, DECLARED, (found, name) => expect(found, name).toContain('baidu/unknown'));
    expectEachPasses(work, PEOPLE);
  }, 240_000);
});
