import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { installPacked, ok, run } from '../helpers/e2e.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';

// The README's "Quick start (in your project)" run line by line, as written, in a fresh clone with
// the packed tarball installed (`npm i -D aitrail` is installPacked; `git commit` gets a change staged
// first): each line exits 0, and the commit records what the line's comment says.
const README = resolve(fileURLToPath(import.meta.url), '../../../README.md');

function quickStart(): string[] {
  const section = readFileSync(README, 'utf8').split('## Quick start (in your project)\n')[1]!.split('\n## ')[0]!;
  return section.split('```sh\n')[1]!.split('\n```')[0]!.split('\n');
}

it("the README's quick start runs as written on a fresh clone: every line exits 0, the commit records the trailer its comment names", () => {
  const server = makeRepo({ bare: true });
  const seed = makeRepo();
  seed.write('package.json', '{ "name": "app", "version": "1.0.0", "private": true }\n');
  seed.write('.gitignore', 'node_modules/\nai.html\n');
  seed.commit('chore: start\n', { 'src/a.js': 'a\n' });
  seed.git(['tag', 'v1']);
  seed.commit('feat: b\n', { 'src/b.js': 'b\n' });
  seed.git(['tag', 'v2']);
  seed.git(['push', '-q', server.dir, 'main', '--tags']);
  const dir = join(tempDir(), 'app');
  seed.git(['clone', '-q', server.dir, dir]);
  const env = { HOME: tempDir() };
  const lines = quickStart();
  expect(lines[0]).toBe('npm i -D aitrail');
  installPacked(dir);
  for (const line of lines.slice(1)) {
    if (line.startsWith('git commit ')) {
      run(dir, 'sh', ['-c', 'echo c >> src/b.js && git add src/b.js']);
      const trailer = /# → (.*)$/.exec(line)![1]!.trim();
      ok(run(dir, 'sh', ['-c', line], env));
      expect(ok(run(dir, 'git', ['log', '-1', '--format=%(trailers:only,unfold)'])).stdout.trim()).toBe(trailer);
      continue;
    }
    ok(run(dir, 'sh', ['-c', line], env));
  }
});
