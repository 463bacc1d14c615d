import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { laterThanNow, makeRepo, TEST_GIT_ENV, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { npmInstalledRepo, shipBinary, vendoredAitrailRepo } from '../helpers/shim-fast-path.js';

/**
 * The git-mode shims never run code the repository ships, also when an untracked
 * node_modules/.bin/aitrail leads through links into a folder git tracks (src/install/shim-source.ts
 * ledIntoTrackedLines): npm's links for a `file:` dependency, a node_modules that is a link, a .bin
 * that is a link, pnpm's sh wrapper of a `link:` dependency. git's answer for the path as written
 * (nothing tracked under node_modules) let the repository's vendor/aitrail run at every agent commit.
 */
const PATH = '/usr/local/bin:/usr/bin:/bin';

/** A repository committing vendor/aitrail (a package whose bin leaves `marker` and says nothing), node_modules ignored. */
const hostile = () => vendoredAitrailRepo('aitrail-linked-bin-');

function agentCommit(repo: TestRepo): ReturnType<typeof spawnSync> {
  repo.write('a.txt', `${Math.random()}\n`);
  repo.git(['add', 'a.txt']);
  return spawnSync('git', ['commit', '-q', '-m', 'AI change'], { cwd: repo.dir, env: { ...TEST_GIT_ENV, PATH, AITRAIL_MODEL: 'qwen/qwen3-coder' }, encoding: 'utf8' });
}

function refused(repo: TestRepo, marker: string): void {
  // Twice: the second commit's hooks may read the note that git tracks nothing under node_modules.
  for (let i = 0; i < 2; i++) {
    const result = agentCommit(repo);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/aitrail: commit blocked: node_modules\/\.bin\/aitrail comes from the repository/);
    expect(existsSync(marker)).toBe(false);
  }
}

describe('an untracked node_modules/.bin/aitrail that leads into a folder git tracks', () => {
  it("npm's links for a `file:` dependency (npm install --ignore-scripts): refused, the repository's code never runs", () => {
    const { repo, marker } = hostile();
    mkdirSync(join(repo.dir, 'node_modules', '.bin'), { recursive: true });
    symlinkSync('../vendor/aitrail', join(repo.dir, 'node_modules', 'aitrail'));
    symlinkSync('../aitrail/bin/aitrail', join(repo.dir, 'node_modules', '.bin', 'aitrail'));
    refused(repo, marker);
    // init judges it as the hooks do (src/install/binary-reachable.ts): it warns that they will find no aitrail.
    const again = spawnSync(process.execPath, [BIN, 'init', '--mode', 'git'], { cwd: repo.dir, env: { ...TEST_GIT_ENV, PATH }, encoding: 'utf8' });
    expect(`${again.stdout}${again.stderr}`).toMatch(/the hooks will not find the aitrail binary/);
  });

  it('a node_modules that is a link to a folder the repository commits', () => {
    const { repo, marker } = hostile();
    mkdirSync(join(repo.dir, 'vendor', 'nm', '.bin'), { recursive: true });
    symlinkSync('../../aitrail/bin/aitrail', join(repo.dir, 'vendor', 'nm', '.bin', 'aitrail'));
    repo.git(['add', 'vendor/nm']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'vendor nm']);
    symlinkSync('vendor/nm', join(repo.dir, 'node_modules'));
    refused(repo, marker);
  });

  it("npm's own layout (.bin/aitrail -> ../aitrail/bin/aitrail.js) whose package's bin folder is a link into the repository", () => {
    const { repo, marker } = hostile();
    writeFileSync(join(repo.dir, 'vendor/aitrail/bin/aitrail.js'), `#!/bin/sh\ntouch '${marker}'\nexit 0\n`);
    chmodSync(join(repo.dir, 'vendor/aitrail/bin/aitrail.js'), 0o755);
    repo.git(['add', 'vendor']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'vendor bin']);
    mkdirSync(join(repo.dir, 'node_modules', 'aitrail'), { recursive: true });
    mkdirSync(join(repo.dir, 'node_modules', '.bin'));
    symlinkSync('../../vendor/aitrail/bin', join(repo.dir, 'node_modules', 'aitrail', 'bin'));
    symlinkSync('../aitrail/bin/aitrail.js', join(repo.dir, 'node_modules', '.bin', 'aitrail'));
    refused(repo, marker);
  });

  it('a node_modules/.bin that is a link into the repository', () => {
    const { repo, marker } = hostile();
    mkdirSync(join(repo.dir, 'node_modules'));
    symlinkSync('../vendor/aitrail/bin', join(repo.dir, 'node_modules', '.bin'));
    refused(repo, marker);
  });

  it("pnpm's sh wrapper of a `link:` dependency (exec node \"$basedir/../<package>/…\")", () => {
    const { repo, marker } = hostile();
    mkdirSync(join(repo.dir, 'node_modules', '.bin'), { recursive: true });
    symlinkSync('../vendor/aitrail', join(repo.dir, 'node_modules', 'other'));
    const wrapper = join(repo.dir, 'node_modules', '.bin', 'aitrail');
    writeFileSync(wrapper, '#!/bin/sh\nbasedir=$(dirname "$(echo "$0" | sed -e \'s,\\\\,/,g\')")\nif [ -x "$basedir/node" ]; then\n  exec "$basedir/node"  "$basedir/../other/bin/aitrail" "$@"\nelse\n  exec node  "$basedir/../other/bin/aitrail" "$@"\nfi\n');
    chmodSync(wrapper, 0o755);
    refused(repo, marker);
  });

  it("aitrail installed as npm does (links inside node_modules): an agent's commit is judged, a person's starts no node", () => {
    const repo = makeRepo({ dir: join(tempDir('aitrail-linked-bin-'), 'repo') });
    repo.commit('start\n', { '.gitignore': 'node_modules\n', 'a.txt': 'a\n', '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' });
    // node_modules/aitrail/bin/aitrail.js (npm's layout: the shims tell it without a process) notes each start, then runs the built CLI; .bin links to it as npm does.
    const started = join(repo.dir, '..', 'started');
    writeFileSync(started, '');
    mkdirSync(join(repo.dir, 'node_modules', 'aitrail', 'bin'), { recursive: true });
    mkdirSync(join(repo.dir, 'node_modules', '.bin'));
    writeFileSync(join(repo.dir, 'node_modules', 'aitrail', 'bin', 'aitrail.js'), `#!/bin/sh\nprintf '%s\\n' "$*" >>'${started}'\nexec '${process.execPath}' '${BIN}' "$@"\n`);
    chmodSync(join(repo.dir, 'node_modules', 'aitrail', 'bin', 'aitrail.js'), 0o755);
    symlinkSync('../aitrail/bin/aitrail.js', join(repo.dir, 'node_modules', '.bin', 'aitrail'));
    const init = spawnSync(process.execPath, [BIN, 'init', '--mode', 'git'], { cwd: repo.dir, env: TEST_GIT_ENV, encoding: 'utf8' });
    expect(init.status, init.stderr).toBe(0);
    for (let i = 0; i < 2; i++) {
      const denied = agentCommit(repo);
      expect(denied.status).not.toBe(0);
      expect(denied.stderr).toMatch(/qwen/);
      expect(denied.stderr).not.toMatch(/comes from the repository/);
    }
    const allowed = spawnSync('git', ['commit', '-q', '--allow-empty', '-m', 'AI change'], { cwd: repo.dir, env: { ...TEST_GIT_ENV, PATH, AITRAIL_MODEL: 'openai/gpt-5' }, encoding: 'utf8' });
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:openai/gpt-5');
    writeFileSync(started, '');
    const person = spawnSync('git', ['commit', '-q', '--allow-empty', '-m', 'fix typo'], { cwd: repo.dir, env: { ...TEST_GIT_ENV, PATH, GIT_AUTHOR_DATE: laterThanNow() }, encoding: 'utf8' });
    expect(person.status, person.stderr).toBe(0);
    expect(readFileSync(started, 'utf8')).toBe('');
  });
});

describe('the note that git tracks nothing under node_modules, dated after now', () => {
  it('a note dated later than now (a clock set back since, or `touch -d`) is not trusted: a binary a checkout brings is refused', () => {
    const repo = npmInstalledRepo('aitrail-linked-bin-');
    const marker = join(repo.dir, '..', 'pwned');
    expect(agentCommit(repo).status).toBe(0);
    const note = join(repo.dir, '.git', 'aitrail', 'fast-path', 'node-modules-untracked');
    expect(readFileSync(note, 'utf8')).toBe(`untracked\n${repo.dir}\n`);
    // The note dated an hour ahead (the clock was, when it was written), then a branch that commits node_modules/.bin/aitrail is checked out.
    const later = new Date(Date.now() + 3_600_000);
    utimesSync(note, later, later);
    repo.git(['checkout', '-q', '-b', 'evil']);
    shipBinary(repo, marker);
    repo.git(['commit', '-q', '--no-verify', '-m', 'ship it']);
    utimesSync(note, later, later);
    const result = agentCommit(repo);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/aitrail: commit blocked: node_modules\/\.bin\/aitrail comes from the repository/);
    expect(existsSync(marker)).toBe(false);
  });
});
