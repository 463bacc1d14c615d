import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

/** A monorepo whose package folder packages/x holds its own policy, which nothing reads. */
function monorepo() {
  const repo = makeRepo();
  repo.commit('base', { 'README.md': 'r\n' });
  const dir = join(repo.dir, 'packages', 'x');
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, '.aitrailrc.yml'), 'policy:\n  deny: ["qwen/*"]\n');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', aitrail: { policy: { deny: ['qwen/*'] } } }));
  writeFileSync(join(dir, 'src', '.aitrail.yml'), 'policy:\n  deny: ["qwen/*"]\n');
  writeFileSync(join(dir, 'src', 'a.ts'), 'export const a = 1;\n');
  repo.commit('x');
  return { repo, dir };
}

describe('a config in a package folder below the root, where a command runs', () => {
  it('status, init and check name each one, root-relative, with the way on (nothing named it: the policy silently unread)', () => {
    const { repo, dir } = monorepo();
    const cwd = join(dir, 'src');
    const status = aitrail(cwd, ['status']);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain('Not read: packages/x/src/.aitrail.yml looks meant as the config; aitrail reads one config, at the repository root, whatever folder it runs in, not in packages/x/src/: move it to the root as .aitrailrc.yml');
    expect(status.stdout).toContain('Not read: packages/x/.aitrailrc.yml looks meant as the config');
    expect(status.stdout).toContain('Not read: packages/x/package.json looks meant as the config');
    const check = aitrail(cwd, ['check', 'HEAD']);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr).toContain("warning: packages/x/.aitrailrc.yml looks meant as aitrail's config, but aitrail did not read it");
    expect(check.stderr).toContain('warning: packages/x/package.json looks meant');
    // The committed policy at a base: the folder's config is still named.
    const based = aitrail(dir, ['check', 'HEAD~1..HEAD']);
    expect(based.stderr).toContain('not read: packages/x/.aitrailrc.yml, packages/x/package.json');
    const init = aitrail(dir, ['init']);
    expect(init.stdout).toContain("Warning: packages/x/.aitrailrc.yml looks meant as aitrail's config, but no command reads it");
    // From the root: nothing below it is listed (no walk of the tree).
    expect(aitrail(repo.dir, ['status']).stdout).not.toContain('Not read');
  });

  it("a misnamed config at the root is named as the root's from a subfolder (status showed packages/x/.aitrail.yml)", () => {
    const repo = makeRepo();
    const dir = join(repo.dir, 'packages', 'x');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(repo.dir, '.aitrail.yml'), 'policy:\n  deny: ["qwen/*"]\n');
    // A package.json without an `aitrail` key is another tool's: not named.
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x' }));
    const status = aitrail(dir, ['status']);
    expect(status.stdout).toContain('Not read: .aitrail.yml looks meant as the config');
    expect(status.stdout).not.toContain('packages/x/');
  });
});
