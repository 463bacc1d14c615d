import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';

interface Totals {
  lines: number;
  ai: number;
  human: number;
  byModel: Record<string, number>;
}

const AI = 'Assisted-by: claude-code:anthropic/claude-opus-4.6';

/** blame's totals, without and with the cache (both must say the same). */
function totals(repo: TestRepo, args: string[] = []): Totals {
  const once = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache', ...args]);
  expect(once.code, once.stderr).toBe(0);
  const cold = aitrail(repo.dir, ['blame', '--format', 'json', ...args]);
  const warm = aitrail(repo.dir, ['blame', '--format', 'json', ...args]);
  const report = JSON.parse(once.stdout) as { totals: Totals };
  expect(JSON.parse(cold.stdout)).toEqual(report);
  expect(JSON.parse(warm.stdout)).toEqual(report);
  const { lines, ai, human, byModel } = report.totals;
  return { lines, ai, human, byModel };
}

/** `git revert --no-edit <rev>` (git's own message: `This reverts commit <sha>.`), optionally with a trailer added. */
function revert(repo: TestRepo, rev: string, trailer?: string): string {
  repo.git(['revert', '--no-edit', rev]);
  if (trailer) repo.git(['commit', '--amend', '-q', '--no-verify', '--trailer', trailer, '--no-edit']);
  return repo.git(['rev-parse', 'HEAD']).trim();
}

describe('blame: reverts give lines back to the commits that wrote them', () => {
  it('a revert of a revert brings the AI lines back as AI; the revert itself, the human lines as human', () => {
    const repo = makeRepo();
    repo.commit('base\n', { 'f.txt': 'h1\nh2\nh3\nh4\n' });
    repo.git(['tag', 'v1']);
    const change = repo.commit(`ai change\n\n${AI}\n`, { 'f.txt': 'h1\nai2\nai3\nh4\nai5\n' });
    repo.git(['tag', 'v2']);
    expect(totals(repo)).toEqual({ lines: 5, ai: 3, human: 2, byModel: { 'anthropic/claude-opus-4.6': 3 } });
    const reverted = revert(repo, change);
    expect(totals(repo)).toEqual({ lines: 4, ai: 0, human: 4, byModel: {} });
    revert(repo, reverted);
    // The file is again exactly what the AI commit left: 3 of its 5 lines are the AI's.
    expect(totals(repo)).toEqual({ lines: 5, ai: 3, human: 2, byModel: { 'anthropic/claude-opus-4.6': 3 } });
    // Since v2 (the AI commit's release), nothing was introduced: the file is what v2 had.
    expect(totals(repo, ['--since', 'v2'])).toEqual({ lines: 0, ai: 0, human: 0, byModel: {} });
    expect(totals(repo, ['--since', 'v1'])).toEqual({ lines: 3, ai: 3, human: 0, byModel: { 'anthropic/claude-opus-4.6': 3 } });
  });

  it('an incremental report asks git about a revert once: a commit elsewhere reuses what the cache holds', () => {
    const repo = makeRepo();
    repo.commit('base\n', { 'f.txt': 'h1\nh2\nh3\nh4\n', 'g.txt': 'g1\n' });
    const change = repo.commit(`ai change\n\n${AI}\n`, { 'f.txt': 'h1\nai2\nai3\nh4\nai5\n' });
    revert(repo, revert(repo, change));
    const trace = join(tempDir('aitrail-trace-'), 'trace');
    const run = () => {
      const result = aitrail(repo.dir, ['blame', '--format', 'json'], { env: { GIT_TRACE: trace } });
      expect(result.code, result.stderr).toBe(0);
      const graftedBlames = readFileSync(trace, 'utf8').split('\n').filter((line) => /trace: built-in: git blame .* -S /.test(line)).length;
      return { totals: (JSON.parse(result.stdout) as { totals: Totals }).totals, graftedBlames };
    };
    const first = run();
    expect(first.totals).toMatchObject({ lines: 6, ai: 3 });
    expect(first.graftedBlames).toBeGreaterThan(0);
    repo.commit('elsewhere\n', { 'g.txt': 'g1\ng2\n' });
    const second = run();
    expect(second.totals).toMatchObject({ lines: 7, ai: 3 });
    // The revert chain of f.txt was followed once: the second report read it from the cache.
    expect(second.graftedBlames).toBe(first.graftedBlames);
    expect(JSON.parse(aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']).stdout).totals).toEqual(second.totals);
  });

  it("an agent's revert of a person's commit gives the person's old lines back to the person", () => {
    const repo = makeRepo();
    repo.commit('base\n', { 'f.txt': 'h1\nh2\nh3\nh4\n', 'g.txt': 'g1\n' });
    const change = repo.commit('human rewrite\n', { 'f.txt': 'h1\nx2\nx3\nh4\n' });
    repo.commit('unrelated\n', { 'g.txt': 'g1\ng2\n' });
    revert(repo, change, AI);
    // h2 and h3 are the base commit's again; the agent wrote no line.
    expect(totals(repo)).toEqual({ lines: 6, ai: 0, human: 6, byModel: {} });
  });

  it("a revert written in git's reference format (revert.reference, --reference: an abbreviated sha, subject and date) is followed too", () => {
    const repo = makeRepo();
    repo.commit('base\n', { 'f.txt': 'h1\nh2\n' });
    repo.commit(`ai helper\n\n${AI}\n`, { 'f.txt': 'h1\nh2\nai3\nai4\n' });
    const removal = repo.commit('remove helper, (for now), 2026\n', { 'f.txt': 'h1\nh2\n' });
    repo.git(['-c', 'revert.reference=true', 'revert', '--no-edit', removal]);
    repo.git(['commit', '--amend', '-q', '--no-verify', '-m', `Bring the helper back\n\n${repo.git(['log', '-1', '--format=%b']).trim()}\n`]);
    expect(repo.git(['log', '-1', '--format=%b'])).toMatch(new RegExp(`^This reverts commit ${removal.slice(0, 7)}[0-9a-f]* \\(remove helper, \\(for now\\), 2026, \\d{4}-\\d\\d-\\d\\d\\)\\.`));
    expect(totals(repo)).toEqual({ lines: 4, ai: 2, human: 2, byModel: { 'anthropic/claude-opus-4.6': 2 } });
  });

  it("a revert of a person's deletion of AI code brings the AI lines back as AI, moved lines included", () => {
    const repo = makeRepo();
    repo.commit('base\n', { 'f.txt': 'h1\nh2\n' });
    repo.commit(`ai helper\n\n${AI}\n`, { 'f.txt': 'h1\nh2\nai3\nai4\n' });
    repo.commit('more\n', { 'f.txt': 'h0\nh1\nh2\nai3\nai4\n' });
    const removal = repo.commit('remove helper\n', { 'f.txt': 'h0\nh1\nh2\n' });
    repo.commit('above\n', { 'f.txt': 'top\nh0\nh1\nh2\n' });
    revert(repo, removal);
    expect(totals(repo)).toEqual({ lines: 6, ai: 2, human: 4, byModel: { 'anthropic/claude-opus-4.6': 2 } });
  });
});

describe('blame: a backported revert follows the revert it copies', () => {
  it('cherry-pick -x of a revert that brings AI lines back: the release counts them as AI, not as the backporter\'s', () => {
    const repo = makeRepo();
    repo.commit('base\n', { 'f.txt': 'h1\nh2\n' });
    repo.git(['tag', 'v1.0']);
    repo.git(['branch', 'release']);
    repo.commit(`ai helper\n\n${AI}\n`, { 'f.txt': 'h1\nh2\nai3\nai4\n' });
    const removal = repo.commit('remove helper\n', { 'f.txt': 'h1\nh2\n' });
    const reapply = revert(repo, removal);
    expect(totals(repo)).toEqual({ lines: 4, ai: 2, human: 2, byModel: { 'anthropic/claude-opus-4.6': 2 } });
    // The revert, backported without the hooks: its message says `This reverts commit <removal>.`
    // (not in the release's history) and `(cherry picked from commit <reapply>)`.
    repo.git(['checkout', '-q', 'release']);
    repo.git(['cherry-pick', '-x', reapply]);
    repo.git(['tag', 'v1.0.1']);
    expect(totals(repo)).toEqual({ lines: 4, ai: 2, human: 2, byModel: { 'anthropic/claude-opus-4.6': 2 } });
    // A message that only claims it (a pick of a commit that reverts nothing): the lines stay its own.
    repo.git(['checkout', '-q', '-b', 'other', 'v1.0']);
    const claimed = repo.commit(`ai again\n\n${AI}\n`, { 'f.txt': 'h1\nh2\nai3\nai4\n' });
    repo.git(['checkout', '-q', 'release']);
    repo.git(['reset', '-q', '--hard', 'v1.0']);
    repo.commit(`bring it\n\nThis reverts commit ${removal}.\n\n(cherry picked from commit ${claimed})\n`, { 'f.txt': 'h1\nh2\nai3\nai4\n' });
    expect(totals(repo)).toEqual({ lines: 4, ai: 0, human: 4, byModel: {} });
  });
});

describe('blame: a cherry-pick -x made without the hooks keeps the line-level note of the commit it copies', () => {
  it('a backport of a noted AI commit counts the lines its note gives the AI, in blame and in the release trend', () => {
    const repo = makeRepo();
    repo.commit('base\n', { 'f.txt': 'h1\nh2\n' });
    repo.git(['tag', 'v1.0']);
    repo.git(['branch', 'release']);
    const feature = repo.commit(`feature\n\n${AI}\n`, { 'f.txt': 'h1\nh2\nai3\np4\nai5\np6\n' });
    // The agent wrote lines 3 and 5; the person wrote 4 and 6 in the same commit.
    addNote(repo, feature, gitAiNote({ 'f.txt': [session(NOTE_KEYS.claude, '3,5')] }));
    const main = totals(repo);
    expect(main).toEqual({ lines: 6, ai: 2, human: 4, byModel: { 'anthropic/claude-opus-4.6': 2 } });
    repo.git(['checkout', '-q', 'release']);
    repo.commit('release fix\n', { 'f.txt': 'r0\nh1\nh2\n' });
    // A backport bot (no aitrail hooks): git copies the message, trailer included, but no note.
    repo.git(['cherry-pick', '-x', feature]);
    repo.git(['tag', 'v1.0.1']);
    expect(totals(repo)).toEqual({ lines: 7, ai: 2, human: 5, byModel: { 'anthropic/claude-opus-4.6': 2 } });
    const trend = aitrail(repo.dir, ['trend', 'v1.0', 'v1.0.1', '--format', 'json', '--no-cache']);
    expect(trend.code, trend.stderr).toBe(0);
    expect((JSON.parse(trend.stdout) as { releases: { totals: Totals }[] }).releases[0]!.totals).toMatchObject({ lines: 5, ai: 2, human: 3 });
  });
});

describe('blame: vendored code is not the project\'s authorship', () => {
  it('files marked linguist-vendored are left out like linguist-generated ones, counted in the footer and the JSON', () => {
    const repo = makeRepo();
    const vendored = Array.from({ length: 40 }, (_, i) => `third party line ${i}\n`).join('');
    repo.commit('human: app and a vendored library\n', { 'src/app.ts': 'h1\nh2\n', 'vendor/lib/big.js': vendored, 'third_party/x.c': 'x\n', '.gitattributes': 'vendor/** linguist-vendored\nthird_party/** linguist-vendored=true\nvendor/lib/keep.js -linguist-vendored\n' });
    repo.commit(`ai: feature\n\n${AI}\n`, { 'src/app.ts': 'h1\nh2\nai3\nai4\n', 'vendor/lib/keep.js': 'k\n' });
    const result = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { totals: Totals; files: { path: string }[]; excluded: Record<string, number> };
    // The project's own lines: src/app.ts (4), .gitattributes (3), vendor/lib/keep.js (1, marked -linguist-vendored).
    expect(report.files.map((file) => file.path)).toEqual(['.gitattributes', 'src/app.ts', 'vendor/lib/keep.js']);
    expect(report.totals).toMatchObject({ lines: 8, ai: 3, human: 5 });
    expect(report.excluded).toMatchObject({ lockfiles: 0, generated: 0, vendored: 2 });
    const table = aitrail(repo.dir, ['blame', '--no-cache']);
    expect(table.stdout).toContain('2 vendored files (linguist-vendored in .gitattributes, or a package manager\'s copies)');
    // Named, they count again.
    const named = JSON.parse(aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache', '--include', 'vendor/lib/big.js']).stdout) as { totals: Totals };
    expect(named.totals).toMatchObject({ lines: 40, ai: 0 });
  });
});

describe('blame: files kept in Git LFS are not lines anyone wrote', () => {
  const pointer = (seed: string, size: number) => `version https://git-lfs.github.com/spec/v1\noid sha256:${seed.repeat(64 / seed.length)}\nsize ${size}\n`;

  it('a Git LFS pointer (what git holds for a file kept in LFS) is left out, counted in excluded.lfs and the footers, in every run', () => {
    const repo = makeRepo();
    repo.commit('human: app\n', { 'src/app.ts': 'h1\nh2\nh3\n', '.gitattributes': '*.png filter=lfs diff=lfs merge=lfs -text\n*.onnx filter=lfs diff=lfs merge=lfs -text\n' });
    // The agent adds a screenshot and a model through git-lfs: git stores the three-line pointers.
    repo.commit(`ai: screenshots and a model\n\n${AI}\n`, { 'docs/shot.png': pointer('ab', 48213), 'models/net.onnx': pointer('0f', 912345678), 'src/app.ts': 'h1\nh2\nh3\nai4\n' });
    repo.commit('human: another screenshot\n', { 'docs/other.png': pointer('cd', 1200) });
    // The project's own lines: src/app.ts (4, one the agent's) and .gitattributes (2).
    expect(totals(repo)).toEqual({ lines: 6, ai: 1, human: 5, byModel: { 'anthropic/claude-opus-4.6': 1 } });
    const whole = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']).stdout;
    const report = JSON.parse(whole) as { files: { path: string }[]; excluded: Record<string, number> };
    expect(report.files.map((file) => file.path)).toEqual(['.gitattributes', 'src/app.ts']);
    expect(report.excluded).toMatchObject({ lfs: 3, binary: 0 });
    expect(aitrail(repo.dir, ['blame', '--no-cache']).stdout).toContain('3 Git LFS pointers');
    expect(aitrail(repo.dir, ['blame', '--no-cache', '--format', 'markdown']).stdout).toContain('3 Git LFS pointers');
    // Shards merge to the whole, byte for byte.
    const dir = tempDir('aitrail-lfs-shards-');
    const parts = [1, 2].map((index) => {
      const file = join(dir, `part-${index}.json`);
      writeFileSync(file, aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache', '--shard', `${index}/2`]).stdout);
      return file;
    });
    expect(aitrail(repo.dir, ['blame', '--merge', ...parts, '--format', 'json']).stdout).toBe(whole);
    // A file that only looks a little like one (prose about LFS) is counted.
    repo.commit('human: notes\n', { 'docs/lfs.md': 'version https://git-lfs.github.com/spec/v1\nis the spec we use\n' });
    expect(totals(repo)).toMatchObject({ lines: 8, ai: 1 });
  });
});

describe('blame: code a generator wrote is not the project\'s authorship, marked or not', () => {
  it('a Go file headed `// Code generated … DO NOT EDIT.` and protobuf output are left out as generated, as GitHub Linguist reads them; -linguist-generated or naming it counts it', () => {
    const repo = makeRepo();
    const generatedGo = `// Code generated by protoc-gen-go. DO NOT EDIT.\n// source: api.proto\n\npackage api\n\n${Array.from({ length: 30 }, (_, i) => `var X${i} = ${i}\n`).join('')}`;
    const generatedPy = `# -*- coding: utf-8 -*-\n# Generated by the protocol buffer compiler.  DO NOT EDIT!\n# source: api.proto\n${Array.from({ length: 20 }, (_, i) => `X${i} = ${i}\n`).join('')}`;
    repo.commit('human: server\n', { 'server/main.go': 'package main\n\nfunc main() {}\n' });
    // The agent adds a handler and runs the generators (go generate, protoc): 56 generated lines beside 3 of its own.
    repo.commit(`ai: api\n\n${AI}\n`, {
      'api/api.pb.go': generatedGo,
      'py/api_pb2.py': generatedPy,
      'server/handler.go': 'package main\n\nfunc handle() {}\n',
      // Prose that mentions the marker below the code is not a generator's header.
      'server/doc.go': `package main\n\n${Array.from({ length: 45 }, (_, i) => `// note ${i}\n`).join('')}// Code generated by hand. DO NOT EDIT.\n`,
      // Yarn's Plug'n'Play loader, written by \`yarn install\` in a zero-install repository.
      'web/.pnp.cjs': `#!/usr/bin/env node\n/* eslint-disable */\n${Array.from({ length: 40 }, (_, i) => `const p${i} = ${i};\n`).join('')}`,
      'web/.pnp.loader.mjs': 'export {};\nexport const x = 1;\n',
    });
    expect(totals(repo)).toEqual({ lines: 54, ai: 51, human: 3, byModel: { 'anthropic/claude-opus-4.6': 51 } });
    const report = JSON.parse(aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']).stdout) as { files: { path: string }[]; excluded: Record<string, number> };
    expect(report.files.map((file) => file.path)).toEqual(['server/doc.go', 'server/handler.go', 'server/main.go']);
    expect(report.excluded).toMatchObject({ generated: 4 });
    // Named on the command line or by an include glob naming it, it counts again.
    expect(totals(repo, ['--include', 'api/api.pb.go'])).toMatchObject({ lines: 35, ai: 35 });
    // The repository says it is not generated: counted.
    repo.commit('human: count the api\n', { '.gitattributes': 'api/*.pb.go -linguist-generated\n' });
    expect(totals(repo)).toMatchObject({ lines: 90, ai: 86 });
  });
});

describe('blame: dependencies committed by a package manager are not the project\'s authorship, marked or not', () => {
  it("`go mod vendor`'s vendor/ (beside its modules.txt) and a committed node_modules/ are left out as vendored, as GitHub Linguist reads them; -linguist-vendored or naming them counts them", () => {
    const repo = makeRepo();
    const lib = (name: string, count: number) => Array.from({ length: count }, (_, i) => `// ${name} ${i}\n`).join('');
    repo.commit('human: server\n', { 'go.mod': 'module example.com/app\n', 'main.go': 'package main\n\nfunc main() {}\n' });
    // The agent adds a dependency and runs `go mod vendor`; an action's build commits node_modules.
    repo.commit(`ai: use a library\n\n${AI}\n`, {
      'main.go': 'package main\n\nimport "github.com/x/y"\n\nfunc main() { y.Do() }\n',
      'vendor/modules.txt': '# github.com/x/y v1.0.0\n## explicit\ngithub.com/x/y\n',
      'vendor/github.com/x/y/y.go': lib('y', 20),
      'action/node_modules/left-pad/index.js': lib('left-pad', 10),
      // `yarn set version` commits Yarn itself.
      '.yarn/releases/yarn-4.1.0.cjs': lib('yarn', 30),
      // A directory the project itself calls vendor (no modules.txt): its own code, counted.
      'web/vendor/billing.js': lib('billing', 4),
    });
    // Counted: go.mod (1), main.go (5, 3 of them the agent's), web/vendor/billing.js (4, the agent's).
    expect(totals(repo)).toEqual({ lines: 10, ai: 7, human: 3, byModel: { 'anthropic/claude-opus-4.6': 7 } });
    const report = JSON.parse(aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']).stdout) as { files: { path: string }[]; excluded: Record<string, number> };
    expect(report.files.map((file) => file.path)).toEqual(['go.mod', 'main.go', 'web/vendor/billing.js']);
    expect(report.excluded).toMatchObject({ vendored: 4 });
    expect(totals(repo, ['--include', 'vendor/github.com/x/y/y.go'])).toMatchObject({ lines: 20, ai: 20 });
    repo.commit('human: count node_modules\n', { '.gitattributes': 'action/node_modules/** -linguist-vendored\n' });
    expect(totals(repo)).toMatchObject({ lines: 21, ai: 17 });
  });

  it('a vendor/ directory whose path holds a line break does not stop the report (git cat-file cannot be asked of it): counted as the project\'s own', () => {
    const repo = makeRepo();
    repo.commit(`ai: odd names\n\n${AI}\n`, { 'a\nb/vendor/modules.txt': '# m\n', 'a\nb/vendor/x.go': 'package x\n', 'k.go': 'package k\n' });
    expect(totals(repo)).toEqual({ lines: 3, ai: 3, human: 0, byModel: { 'anthropic/claude-opus-4.6': 3 } });
  });
});
