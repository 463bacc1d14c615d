// Row 898: what Trae's agent and Roo Code set in the shells they run commands in. Trae marks its AI
// shell with `TRAE_AI_SHELL_ID`, Roo Code its commands' terminal with `ROO_CODE_TASK_ID` (the agent
// detectors of Microsoft's winapp CLI, the .NET SDK's LLM telemetry, huggingface_hub's harness
// registry and several CLIs key on them); aitrail read neither, so a commit either ran was recorded as
// a person's and passed `unknownModel: deny`. Replayed through init's real hooks.
import { describe, expect, it } from 'vitest';
import { tryGit } from '../helpers/enforce-repos.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

const MARKERS: [agent: string, variable: string, value: string][] = [
  ['trae', 'TRAE_AI_SHELL_ID', '7f3c2a1e-5b8d-4c6f-9a0e-1d2b3c4d5e6f'],
  ['roo-code', 'ROO_CODE_TASK_ID', '0195f0c2-8a1b-7c3d-9e4f-5a6b7c8d9e0f'],
];

describe("agents' shell markers (row 898)", () => {
  for (const [agent, variable, value] of MARKERS) {
    it(`${variable} records ${agent}, and unknownModel: deny refuses it`, () => {
      const { repo, env } = hookedRepo();
      repo.write('a.txt', `${agent}\n`);
      expect(tryGit(repo.dir, ['add', '-A'], { env }).code).toBe(0);
      const recorded = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: a'], { env: { ...env, [variable]: value } });
      expect(recorded.code, recorded.stderr).toBe(0);
      expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)']).trim()).toBe(`${agent}:unknown`);

      repo.write('.aitrailrc.yml', 'policy:\n  unknownModel: deny\n');
      expect(tryGit(repo.dir, ['add', '-A'], { env }).code).toBe(0);
      const head = repo.git(['rev-parse', 'HEAD']);
      const refused = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: b'], { env: { ...env, [variable]: value } });
      expect(refused.code, refused.stderr).not.toBe(0);
      expect(refused.stderr).toContain(agent);
      expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
    });
  }

  it("careless truth: set but empty (a profile's `export TRAE_AI_SHELL_ID=`), it names no one", () => {
    const { repo, env } = hookedRepo();
    repo.write('a.txt', 'by hand\n');
    expect(tryGit(repo.dir, ['add', '-A'], { env }).code).toBe(0);
    const result = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: by hand'], { env: { ...env, TRAE_AI_SHELL_ID: '', ROO_CODE_TASK_ID: '' } });
    expect(result.code, result.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).not.toMatch(/Assisted-by/);
  });
});
