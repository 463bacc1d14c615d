import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claudeCode, cursor } from '../fixtures/agent-payloads.js';
import { makeRepo, tempDir, TEST_GIT_ENV, type TestRepo } from '../helpers/gitdir.js';
import { aitrail, BIN, gitRun } from '../helpers/hooks.js';

const USER_CLAUDE = `{
    "permissions": { "allow": ["Bash(npm test)"] },
    "hooks": {
        "PostToolUse": [
            { "matcher": "Edit", "hooks": [{ "type": "command", "command": "prettier --write \\"$FILE\\"" }] }
        ]
    }
}
`;
const USER_CURSOR = '{\n  "version": 1,\n  "hooks": {\n    "afterFileEdit": [{ "command": "./lint.sh" }],\n    "stop": [{ "command": "./notify.sh" }]\n  }\n}\n';

function repoWithAgents(): TestRepo {
  const repo = makeRepo();
  repo.commit('base', { '.claude/settings.json': USER_CLAUDE, '.cursor/hooks.json': USER_CURSOR, 'README.md': 'x\n' });
  return repo;
}

const read = (repo: TestRepo, path: string) => readFileSync(join(repo.dir, path), 'utf8');
const json = (repo: TestRepo, path: string) => JSON.parse(read(repo, path));

describe('aitrail init --agents', () => {
  it('adds the checkpoint hook to the agents configured here, keeping the user\'s entries; a second run changes nothing', () => {
    const repo = repoWithAgents();
    const first = aitrail(repo.dir, ['init', '--mode', 'git', '--agents']);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/updated\s+\.claude\/settings\.json/);
    expect(first.stdout).toMatch(/updated\s+\.cursor\/hooks\.json/);
    const claude = json(repo, '.claude/settings.json');
    expect(claude.permissions).toEqual({ allow: ['Bash(npm test)'] });
    expect(claude.hooks.PostToolUse[0]).toEqual({ matcher: 'Edit', hooks: [{ type: 'command', command: 'prettier --write "$FILE"' }] });
    for (const event of ['PreToolUse', 'PostToolUse']) {
      expect(claude.hooks[event].at(-1)).toEqual({ matcher: 'Edit|Write|MultiEdit|NotebookEdit', hooks: [{ type: 'command', command: expect.stringMatching(/aitrail checkpoint --agent claude-code$/) }] });
    }
    // The user's four-space indentation is kept.
    expect(read(repo, '.claude/settings.json')).toMatch(/^\{\n {4}"permissions"/);
    const cursor = json(repo, '.cursor/hooks.json');
    expect(cursor.hooks.stop).toEqual([{ command: './notify.sh' }]);
    expect(cursor.hooks.afterFileEdit).toEqual([{ command: './lint.sh' }, { command: expect.stringMatching(/aitrail checkpoint --agent cursor$/) }]);
    expect(existsSync(join(repo.dir, '.gemini'))).toBe(false);
    expect(repo.git(['config', '--get-all', 'notes.rewriteRef'])).toBe('refs/notes/a[i]');

    const before = [read(repo, '.claude/settings.json'), read(repo, '.cursor/hooks.json')];
    const second = aitrail(repo.dir, ['init', '--mode', 'git', '--agents']);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/unchanged\s+\.claude\/settings\.json — already installed/);
    expect([read(repo, '.claude/settings.json'), read(repo, '.cursor/hooks.json')]).toEqual(before);
    expect(repo.git(['config', '--get-all', 'notes.rewriteRef'])).toBe('refs/notes/a[i]');
  });

  it('named agents get a config file created; uninstall removes exactly our entries (files back byte for byte, created ones gone)', () => {
    const repo = repoWithAgents();
    const init = aitrail(repo.dir, ['init', '--mode', 'git', '--agents', 'claude-code,gemini-cli,codex']);
    expect(init.status, init.stderr).toBe(0);
    expect(json(repo, '.gemini/settings.json').hooks).toEqual({
      BeforeTool: [{ matcher: 'write_file|replace', hooks: [{ type: 'command', command: expect.stringMatching(/aitrail checkpoint --agent gemini-cli$/) }] }],
      AfterTool: [{ matcher: 'write_file|replace', hooks: [{ type: 'command', command: expect.stringMatching(/aitrail checkpoint --agent gemini-cli$/) }] }],
    });
    expect(json(repo, '.codex/hooks.json').hooks.PostToolUse[0].matcher).toBe('apply_patch');
    expect(read(repo, '.cursor/hooks.json')).toBe(USER_CURSOR);

    const uninstall = aitrail(repo.dir, ['uninstall']);
    expect(uninstall.status, uninstall.stderr).toBe(0);
    expect(read(repo, '.claude/settings.json')).toBe(USER_CLAUDE);
    expect(existsSync(join(repo.dir, '.gemini'))).toBe(false);
    expect(existsSync(join(repo.dir, '.codex'))).toBe(false);
    expect(repo.git(['status', '--porcelain'])).toBe('');
    expect(gitRun(repo.dir, ['config', '--get-all', 'notes.rewriteRef']).status).toBe(1);
  });

  it('a user edit made after init is kept by uninstall; only our hook goes', () => {
    const repo = repoWithAgents();
    expect(aitrail(repo.dir, ['init', '--mode', 'git', '--agents', 'claude-code']).status).toBe(0);
    const edited = json(repo, '.claude/settings.json');
    edited.permissions.allow.push('Bash(make)');
    repo.write('.claude/settings.json', `${JSON.stringify(edited, null, 4)}\n`);
    expect(aitrail(repo.dir, ['uninstall']).status).toBe(0);
    const after = json(repo, '.claude/settings.json');
    expect(after.permissions.allow).toEqual(['Bash(npm test)', 'Bash(make)']);
    expect(after.hooks).toEqual(JSON.parse(USER_CLAUDE).hooks);
  });

  it('an unknown agent name is a usage error (exit 2); a config that is not plain JSON, or a symlinked agent folder, is refused', () => {
    const repo = repoWithAgents();
    const unknown = aitrail(repo.dir, ['init', '--mode', 'git', '--agents', 'claude-code,vim']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown agent 'vim' for --agents; known: claude-code, gemini-cli, codex, cursor/);
    expect(read(repo, '.claude/settings.json')).toBe(USER_CLAUDE);
    // Refused before anything is installed: no git hook, no notes.rewriteRef.
    expect(existsSync(join(repo.dir, '.git', 'hooks', 'commit-msg'))).toBe(false);
    expect(gitRun(repo.dir, ['config', '--get-all', 'notes.rewriteRef']).stdout).toBe('');

    repo.write('.claude/settings.json', '{ // comment\n}\n');
    const elsewhere = tempDir('aitrail-elsewhere-');
    symlinkSync(elsewhere, join(repo.dir, '.gemini'));
    const refused = aitrail(repo.dir, ['init', '--mode', 'git', '--agents', 'claude-code,gemini-cli']);
    expect(refused.stdout).toMatch(/refused\s+\.claude\/settings\.json — .*not a plain JSON object/);
    expect(refused.stdout).toMatch(/refused\s+\.gemini\/settings\.json/);
    expect(read(repo, '.claude/settings.json')).toBe('{ // comment\n}\n');
    expect(existsSync(join(elsewhere, 'settings.json'))).toBe(false);
  });
});

describe('the hook command init --agents writes runs the project\'s aitrail, as the agent runs it', () => {
  it.each([
    ['claude-code', { CLAUDE_PROJECT_DIR: '' }, '.claude/settings.json', 'PostToolUse'],
    ['cursor', {}, '.cursor/hooks.json', 'afterFileEdit'],
  ])('%s: `sh -c <command>` from a sub-folder records the edit', (agent, extraEnv, file, event) => {
    const repo = makeRepo();
    repo.commit('base', { 'src/app.ts': 'a\n', [file]: '{}\n' });
    mkdirSync(join(repo.dir, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(BIN, join(repo.dir, 'node_modules', '.bin', 'aitrail'));
    expect(aitrail(repo.dir, ['init', '--mode', 'git', '--agents', agent]).status).toBe(0);
    const config = json(repo, file);
    const command: string = agent === 'cursor' ? config.hooks[event][0].command : config.hooks[event][0].hooks[0].command;
    expect(command).toBe(agent === 'cursor' ? '"$(git rev-parse --show-toplevel)"/node_modules/.bin/aitrail checkpoint --agent cursor' : '"$CLAUDE_PROJECT_DIR"/node_modules/.bin/aitrail checkpoint --agent claude-code');
    repo.write('src/app.ts', 'a\nagent line\n');
    const edit = { file: join(repo.dir, 'src/app.ts'), relative: 'src/app.ts', cwd: repo.dir, old: 'a', replacement: 'a\nagent line', transcript: '' };
    const payload = agent === 'cursor' ? cursor.post(edit) : claudeCode.post(edit);
    const env = { ...TEST_GIT_ENV, PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, ...Object.fromEntries(Object.entries(extraEnv).map(([key]) => [key, repo.dir])) };
    const run = spawnSync('sh', ['-c', command], { cwd: join(repo.dir, 'src'), env, input: JSON.stringify(payload), encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(readdirSync(join(repo.dir, '.git', 'aitrail', 'checkpoints'))).toHaveLength(1);
  });
});

describe('notes.rewriteRef', () => {
  it('init adds the glob refs/notes/a[i]: git copies the notes on amend, and never warns before a note exists; an earlier install\'s plain value is replaced, a user\'s own kept', () => {
    const repo = makeRepo();
    repo.commit('base', { 'a.txt': 'a\n' });
    expect(aitrail(repo.dir, ['init', '--mode', 'git']).status).toBe(0);
    expect(repo.git(['config', '--get-all', 'notes.rewriteRef'])).toBe('refs/notes/a[i]');
    // No note yet: an amend without hooks (AITRAIL=0) says nothing; with one, git copies it.
    const quiet = gitRun(repo.dir, ['commit', '-q', '--amend', '--allow-empty', '-m', 'amended'], { AITRAIL: '0' });
    expect(quiet.status, quiet.stderr).toBe(0);
    expect(quiet.stderr).toBe('');
    repo.git(['notes', '--ref=ai', 'add', '-m', 'a note', 'HEAD']);
    repo.git(['notes', '--ref=aix', 'add', '-m', 'another tool\'s', 'HEAD']);
    expect(gitRun(repo.dir, ['commit', '-q', '--amend', '--allow-empty', '-m', 'amended again'], { AITRAIL: '0' }).status).toBe(0);
    expect(repo.git(['notes', '--ref=ai', 'show', 'HEAD'])).toBe('a note');
    expect(gitRun(repo.dir, ['notes', '--ref=aix', 'show', 'HEAD']).status).not.toBe(0);

    // An earlier aitrail added the plain name (and said so in install.json): init replaces it, uninstall removes it.
    repo.git(['config', '--unset-all', 'notes.rewriteRef']);
    repo.git(['config', '--add', 'notes.rewriteRef', 'refs/notes/ai']);
    const again = aitrail(repo.dir, ['init', '--mode', 'git']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout + again.stderr).toMatch(/notes\.rewriteRef=refs\/notes\/ai, which aitrail had added, is now refs\/notes\/a\[i\]/);
    expect(repo.git(['config', '--get-all', 'notes.rewriteRef'])).toBe('refs/notes/a[i]');
    repo.git(['config', '--add', 'notes.rewriteRef', 'refs/notes/ai']);
    expect(aitrail(repo.dir, ['uninstall']).status).toBe(0);
    expect(gitRun(repo.dir, ['config', '--get-all', 'notes.rewriteRef']).status).toBe(1);

    // A value the user set: left alone by init and by uninstall.
    repo.git(['config', '--add', 'notes.rewriteRef', 'refs/notes/ai']);
    expect(aitrail(repo.dir, ['init', '--mode', 'git']).status).toBe(0);
    expect(repo.git(['config', '--get-all', 'notes.rewriteRef'])).toBe('refs/notes/ai');
    expect(aitrail(repo.dir, ['uninstall']).status).toBe(0);
    expect(repo.git(['config', '--get-all', 'notes.rewriteRef'])).toBe('refs/notes/ai');
  });
});
