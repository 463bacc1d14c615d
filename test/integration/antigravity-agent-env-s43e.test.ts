// Google Antigravity marks its agent's terminal with `ANTIGRAVITY_AGENT` (agent detectors key on it;
// users' shell profiles skip their prompt decorations when it is set); aitrail did not read it, so a
// commit the agent ran there was recorded as a person's. Replayed through init's real hooks.
import { describe, expect, it } from 'vitest';
import { tryGit } from '../helpers/enforce-repos.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

describe("Antigravity's ANTIGRAVITY_AGENT marker", () => {
  it("init's hooks record Antigravity for a commit made under it, and unknownModel: deny refuses it", () => {
    const { repo, env } = hookedRepo();
    repo.write('a.txt', 'agy\n');
    expect(tryGit(repo.dir, ['add', '-A'], { env }).code).toBe(0);
    const recorded = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: a'], { env: { ...env, ANTIGRAVITY_AGENT: '1' } });
    expect(recorded.code, recorded.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)']).trim()).toBe('antigravity:unknown');

    repo.write('.aitrailrc.yml', 'policy:\n  unknownModel: deny\n');
    expect(tryGit(repo.dir, ['add', '-A'], { env }).code).toBe(0);
    const head = repo.git(['rev-parse', 'HEAD']);
    const refused = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: b'], { env: { ...env, ANTIGRAVITY_AGENT: '1' } });
    expect(refused.code, refused.stderr).not.toBe(0);
    expect(refused.stderr).toMatch(/antigravity/);
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(head); // no commit landed
  });
});
