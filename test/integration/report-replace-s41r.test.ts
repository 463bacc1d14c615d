import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blameJson, fileRows } from '../helpers/blame-json.js';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';

const QWEN = '\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n';

describe('blame: a cached report read with replace refs is never adopted by a run that reads the history as stored, or the other way', () => {
  // Qwen's commit, and a `git replace` that stands the person's first commit in for it: git shows a history without Qwen.
  function replaced() {
    const repo = makeRepo();
    const human = repo.commit('human\n', { 'a.ts': 'h1();\nh2();\n' });
    const qwen = repo.commit(`parser${QWEN}`, { 'a.ts': 'h1();\nh2();\nq1();\nq2();\nq3();\n' });
    repo.commit('human b\n', { 'b.ts': 'b();\n' });
    return { repo, human, qwen };
  }
  const rows = (dir: string, args: string[], env?: NodeJS.ProcessEnv) => {
    if (!env) return fileRows(blameJson(dir, args).files);
    const result = aitrail(dir, ['blame', ...args, '--format', 'json'], { env });
    expect(result.code, result.stderr).toBe(0);
    return fileRows((JSON.parse(result.stdout) as { files: Parameters<typeof fileRows>[0] }).files);
  };
  const stored = [
    ['a.ts', 5, 3],
    ['b.ts', 1, 0],
  ];
  const rewired = [
    ['a.ts', 5, 0],
    ['b.ts', 1, 0],
  ];

  it('core.useReplaceRefs=false in the config, set or unset after a cached run', () => {
    const { repo, human, qwen } = replaced();
    repo.git(['replace', qwen, human]);
    expect(rows(repo.dir, ['--no-cache'])).toEqual(rewired);
    expect(rows(repo.dir, [])).toEqual(rewired);
    // git told to read the objects as stored: Qwen's lines are Qwen's again, cached or not.
    repo.git(['config', 'core.useReplaceRefs', 'false']);
    expect(rows(repo.dir, ['--no-cache'])).toEqual(stored);
    expect(rows(repo.dir, [])).toEqual(stored);
    repo.git(['config', '--unset', 'core.useReplaceRefs']);
    expect(rows(repo.dir, [])).toEqual(rewired);
  });

  it('GIT_REPLACE_REF_BASE and GIT_GRAFT_FILE, set for one run', () => {
    const { repo, human, qwen } = replaced();
    // Replace refs kept in another namespace, read only where the variable names it.
    repo.git(['update-ref', 'refs/other-replace/' + qwen, human]);
    const base = { GIT_REPLACE_REF_BASE: 'refs/other-replace/' };
    expect(rows(repo.dir, [])).toEqual(stored);
    expect(rows(repo.dir, ['--no-cache'], base)).toEqual(rewired);
    expect(rows(repo.dir, [], base)).toEqual(rewired);
    expect(rows(repo.dir, [])).toEqual(stored);
    // A graft file outside the repository making the commit after Qwen's a child of the person's first.
    const grafts = join(tempDir(), 'grafts');
    const after = repo.git(['rev-parse', 'HEAD']).trim();
    writeFileSync(grafts, `${after} ${human}\n`);
    const graft = { GIT_GRAFT_FILE: grafts };
    expect(rows(repo.dir, ['--no-cache'], graft)).toEqual(rewired);
    expect(rows(repo.dir, [], graft)).toEqual(rewired);
    expect(rows(repo.dir, [])).toEqual(stored);
  });
});
