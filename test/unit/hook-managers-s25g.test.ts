import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hookFileManager, hookManagers, hooksAtRisk, managerAdvice, namesAitrail } from '../../src/install/hook-managers.js';
import { tempDir } from '../helpers/gitdir.js';

/** The files of a work tree top, written into a fresh folder. */
function top(files: Record<string, string>): string {
  const dir = tempDir('aitrail-managers-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('hook managers (rows 308-310)', () => {
  it('namesAitrail: the shim of that very hook, or `aitrail hook <that hook>`', () => {
    expect(namesAitrail('node_modules/aitrail/hooks/commit-msg {1}', 'commit-msg')).toBe(true);
    expect(namesAitrail('web/node_modules/aitrail/hooks/pre-push "$@"', 'pre-push')).toBe(true);
    expect(namesAitrail('npx aitrail hook --quiet commit-msg "$1"', 'commit-msg')).toBe(true);
    // Another hook's shim, a prefix of the name, a mention in passing: not aitrail's commit-msg.
    expect(namesAitrail('node_modules/aitrail/hooks/prepare-commit-msg {0}', 'commit-msg')).toBe(false);
    expect(namesAitrail('node_modules/aitrail/hooks/commit-msg.old', 'commit-msg')).toBe(false);
    expect(namesAitrail('echo aitrail commit-msg', 'commit-msg')).toBe(false);
  });

  it('hookFileManager: lefthook and simple-git-hooks by the text they write, anything else is nobody\'s', () => {
    expect(hookFileManager('#!/bin/sh\nif [ "$LEFTHOOK" = "0" ]; then\n  exit 0\nfi\ncall_lefthook()\n{\n  lefthook "$@"\n}\ncall_lefthook run "commit-msg" "$@"\n')).toBe('lefthook');
    expect(hookFileManager('#!/bin/sh\nif [ "$SKIP_SIMPLE_GIT_HOOKS" = "1" ]; then\n    exit 0\nfi\nnpx commitlint --edit $1')).toBe('simple-git-hooks');
    expect(hookFileManager('#!/bin/sh\n# run lefthook run by hand\nexit 0\n')).toBe(null);
  });

  it('lefthook: jobs, commands, groups and scripts; a -local file that skips the job by name makes it skippable', async () => {
    const root = top({
      'lefthook.yml': [
        'prepare-commit-msg:',
        '  commands:',
        '    aitrail:',
        '      run: node_modules/aitrail/hooks/prepare-commit-msg {0}',
        'commit-msg:',
        '  jobs:',
        '    - name: checks',
        '      group:',
        '        jobs:',
        '          - name: aitrail',
        '            run: node_modules/aitrail/hooks/commit-msg {1}',
        'pre-push:',
        '  jobs:',
        '    - name: aitrail',
        '      script: aitrail',
        '      runner: sh',
        '      use_stdin: true',
        'post-commit:',
        '  jobs:',
        '    - run: echo done',
        '',
      ].join('\n'),
      '.lefthook/pre-push/aitrail': 'exec node_modules/aitrail/hooks/pre-push "$@"\n',
      'lefthook-local.yml': 'prepare-commit-msg:\n  commands:\n    aitrail:\n      skip: true\n',
    });
    const [lefthook] = await hookManagers(root, '');
    expect(lefthook).toMatchObject({ manager: 'lefthook', file: 'lefthook.yml' });
    expect(lefthook!.wiring['commit-msg']).toEqual({ wiring: 'runs' });
    expect(lefthook!.wiring['pre-push']).toEqual({ wiring: 'runs' });
    expect(lefthook!.wiring['prepare-commit-msg']?.wiring).toBe('skippable');
    // post-commit is lefthook's without aitrail; post-rewrite it does not name, so it leaves aitrail's shim alone.
    expect(hooksAtRisk(lefthook!)).toEqual(['post-commit']);
  });

  it('lefthook: a TOML config; a pre-push run: job is skippable, and a script that is not there runs nothing', async () => {
    const root = top({
      'lefthook.toml': '[commit-msg]\n[[commit-msg.jobs]]\nname = "aitrail"\nscript = "missing"\n\n[pre-push]\n[[pre-push.jobs]]\nrun = "node_modules/aitrail/hooks/pre-push {1} {2}"\nuse_stdin = true\n',
    });
    const [lefthook] = await hookManagers(root, '');
    expect(lefthook!.wiring['pre-push']?.wiring).toBe('skippable');
    expect(lefthook!.wiring['commit-msg']?.wiring).toBe('absent');
    expect(hooksAtRisk(lefthook!)).toEqual(['commit-msg']);
    const advice = managerAdvice(lefthook!, ['commit-msg'], 'web');
    expect(advice[0]).toMatch(/lefthook manages hooks here \(lefthook\.toml\), and its config names commit-msg without aitrail: .*then commits are not checked\./);
    expect(advice).toContain('        run: web/node_modules/aitrail/hooks/commit-msg {1}');
    expect(advice.join('\n')).not.toMatch(/pre-push/);
  });

  it('simple-git-hooks: deletes what its config does not name, unless preserveUnused; a package folder\'s config counts', async () => {
    const root = top({
      'web/package.json': JSON.stringify({ 'simple-git-hooks': { 'commit-msg': 'node_modules/aitrail/hooks/commit-msg "$@"', 'pre-commit': 'npx lint-staged', preserveUnused: ['post-commit', 'post-rewrite'] } }),
    });
    const [simple] = await hookManagers(root, 'web');
    expect(simple).toMatchObject({ manager: 'simple-git-hooks', file: 'web/package.json' });
    expect(hooksAtRisk(simple!)).toEqual(['prepare-commit-msg', 'pre-push', 'applypatch-msg', 'pre-applypatch', 'post-applypatch']);
    expect(simple!.wiring['pre-push']).toEqual({ wiring: 'absent', why: 'deletes it: web/package.json does not name it' });
    expect(managerAdvice(simple!, ['pre-push'], 'web')).toContain('  "pre-push": "web/node_modules/aitrail/hooks/pre-push \\"$@\\""');
    expect(await hookManagers(top({ 'package.json': '{ "name": "app" }' }), '')).toEqual([]);
  });
});
