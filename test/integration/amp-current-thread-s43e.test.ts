// Amp's shell tool marks the commands it runs with `AMP_CURRENT_THREAD_ID=T-<uuid>` (the variable
// agent detectors and Amp users' own scripts key on); aitrail read only `AMP_THREAD_ID` and `AGENT=amp`,
// so an Amp commit whose shell carried only this marker was recorded as a person's. Replayed through
// init's real hooks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tryGit } from '../helpers/enforce-repos.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

const THREAD = 'T-019b9d03-62e3-772f-9780-3e637f90eaec';

describe("Amp's AMP_CURRENT_THREAD_ID marker", () => {
  it("init's hooks record Amp for a commit made under it", () => {
    const { repo, env } = hookedRepo();
    repo.write('a.txt', 'amp\n');
    expect(tryGit(repo.dir, ['add', '-A'], { env }).code).toBe(0);
    const result = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: a'], { env: { ...env, AMP_CURRENT_THREAD_ID: THREAD } });
    expect(result.code, result.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)']).trim()).toBe('amp:unknown');
  });

  it('a policy that denies unknown models refuses it (the shims start node for the marker)', () => {
    const { repo, env, started } = hookedRepo();
    repo.write('.aitrailrc.yml', 'policy:\n  unknownModel: deny\n');
    expect(tryGit(repo.dir, ['add', '-A'], { env }).code).toBe(0);
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'chore: policy'], { env }).code).toBe(0);
    repo.write('a.txt', 'amp\n');
    expect(tryGit(repo.dir, ['add', '-A'], { env }).code).toBe(0);
    const before = readFileSync(started, 'utf8');
    const head = repo.git(['rev-parse', 'HEAD']);
    const result = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: a'], { env: { ...env, AMP_CURRENT_THREAD_ID: THREAD } });
    expect(result.code, result.stderr).not.toBe(0);
    expect(result.stderr).toMatch(/amp/);
    expect(readFileSync(started, 'utf8')).not.toBe(before);
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(head); // no commit landed
  });
});
