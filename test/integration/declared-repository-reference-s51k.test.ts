// Session 51 helper k (row 997), a review of row 987 as the attacker: an `owner/name` of a
// vendor the catalog does not know after a rules word (`following`, `per`, `see`, `according to`,
// `under`) or before a document's name was dropped as a repository wherever the same id was
// written once so, and whatever followed the rules word. So a model the message declares hid from
// `deny: ["acme/*"]` (a self-hosted vendor the catalog does not know): `acme/coder-2 per
// acme/coder-2`, `Claude Code (acme/coder-2) following the acme/coder-2 AGENTS.md conventions`,
// `under the acme/coder-2 model`, `running under acme/coder-2`, `model per acme/coder-2` read
// `claude-code:unknown` (or no model), which `unknownModel: warn` passes at commit, `check` and
// pre-receive. This test failed before its fix (declared-value.ts referencedRepository): each place
// the id is written must be a reference, and a rules word needs rules after it (a document, or
// `conventions`, `guidelines`, …). The honest reference (Apache's trailer, the denied vendor's own
// rules repository) still passes every layer.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envWithAitrailOnPath } from '../helpers/cli.js';
import { expectEachPasses, expectEachRefused, policyServer, tryGit } from '../helpers/enforce-repos.js';

const HOOK_ENV = envWithAitrailOnPath();

const DECLARED: Record<string, string> = {
  twice: 'feat: a\n\nAssisted-by: acme/coder-2 per acme/coder-2\n',
  noted: 'feat: b\n\nGenerated-by: Claude Code (acme/coder-2) following the acme/coder-2 AGENTS.md conventions\n',
  modelWord: 'feat: c\n\nGenerated-by: Claude Code, under the acme/coder-2 model\n',
  running: 'feat: d\n\nGenerated-by: Claude Code running under acme/coder-2\n',
  modelPer: 'feat: e\n\nGenerated-by: Claude Code; model per ACME/Coder-2\n',
};

const HONEST = [
  'docs: a\n\nGenerated-by: Claude Code (Claude Opus 4.7) following the apache/security AGENTS.md conventions\n',
  'docs: b\n\nGenerated-by: Claude Code (Claude Opus 4.7) following the acme/widgets AGENTS.md conventions\n',
  'docs: c\n\nGenerated-by: Claude Code according to the acme/widgets guidelines\n',
];

describe('a model id written as the model beside a rules word (row 997)', () => {
  it("init's commit-msg, check and pre-receive refuse it under deny acme/*; a rules repository still passes", () => {
    const { remote, work } = policyServer('policy:\n  deny: ["acme/*"]\n  unknownModel: warn\n', '', { initEnv: HOOK_ENV });
    // Commit time: init's real hooks on `git commit -F -`.
    tryGit(work.dir, ['checkout', '-q', '-b', 'hooked', 'main']);
    Object.entries(DECLARED).forEach(([name, message], at) => {
      writeFileSync(join(work.dir, `hooked-${at}.ts`), `export const v = ${at};\n`);
      tryGit(work.dir, ['add', '-A']);
      const commit = tryGit(work.dir, ['commit', '-q', '-F', '-'], { input: message, env: HOOK_ENV });
      expect(commit.code, `${name}: ${commit.stderr}`).not.toBe(0);
      expect(commit.stderr, name).toContain('acme/coder-2');
    });
    HONEST.forEach((message, at) => {
      writeFileSync(join(work.dir, `honest-${at}.ts`), `export const v = ${at};\n`);
      tryGit(work.dir, ['add', '-A']);
      const commit = tryGit(work.dir, ['commit', '-q', '-F', '-'], { input: message, env: HOOK_ENV });
      expect(commit.code, `${message}\n${commit.stderr}`).toBe(0);
    });
    tryGit(work.dir, ['reset', '-q', '--hard', 'main']);
    tryGit(work.dir, ['checkout', '-q', 'main']);
    // Stored commits: check and the server's pre-receive.
    expectEachRefused(remote, work, DECLARED, (found, name) => expect(found, name).toContain('acme/coder-2'));
    expectEachPasses(work, HONEST);
  }, 240_000);
});
