import { execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { copiedRepo } from '../helpers/hooked-repo.js';
import { aitrail, gitRun, messageOf } from '../helpers/hooks.js';

const OPUS = { AITRAIL_MODEL: 'anthropic/claude-opus-4.6', AITRAIL_AGENT: 'claude-code' };
const OPUS_LINE = 'Assisted-by: claude-code:anthropic/claude-opus-4.6';

let repo: TestRepo;
beforeEach(() => {
  // Made once per file and copied (test/helpers/hooked-repo.ts): init's node run once, not per test.
  repo = copiedRepo('record-hook', () => {
    const original = makeRepo();
    original.commit('initial\n', { 'a.txt': 'a\n' });
    const init = aitrail(original.dir, ['init', '--mode', 'git']);
    expect(init.status, init.stderr).toBe(0);
    return original;
  });
});

function commit(args: string[], env: NodeJS.ProcessEnv = {}, input = '') {
  const result = gitRun(repo.dir, ['commit', '-q', '--allow-empty', ...args], env, input);
  expect(result.status, result.stderr).toBe(0);
  return result;
}

function editor(script: string): string {
  const path = join(tempDir('aitrail-editor-'), 'editor.sh');
  writeFileSync(path, `#!/bin/sh\n${script}\n`);
  chmodSync(path, 0o755);
  return path;
}

describe('prepare-commit-msg records the model', () => {
  it('-m with AITRAIL_MODEL/AITRAIL_AGENT adds one trailer in a new block', () => {
    commit(['-m', 'Add a feature'], OPUS);
    expect(messageOf(repo.dir)).toBe(`Add a feature\n\n${OPUS_LINE}\n`);
  });

  it('records under --no-verify too (git still runs prepare-commit-msg)', () => {
    commit(['--no-verify', '-m', 'Quick fix'], OPUS);
    expect(messageOf(repo.dir)).toBe(`Quick fix\n\n${OPUS_LINE}\n`);
  });

  it('-F: a sign-off block gets the trailer inside it and nothing else changes', () => {
    const message = 'Fix the parser\n\nA body line  with  odd   spacing.\n\nSigned-off-by: Ann Dev <ann@example.com>\n';
    commit(['--no-verify', '--cleanup=verbatim', '-F', '-'], OPUS, message);
    expect(messageOf(repo.dir)).toBe(`${message}${OPUS_LINE}\n`);
  });

  it('amend (source commit) twice never duplicates the line', () => {
    commit(['--no-verify', '-m', 'Subject'], OPUS);
    commit(['--no-verify', '--amend', '--no-edit'], OPUS);
    commit(['--no-verify', '--amend', '-C', 'HEAD'], OPUS);
    expect(messageOf(repo.dir)).toBe(`Subject\n\n${OPUS_LINE}\n`);
  });

  it('a human commit is left byte for byte as written', () => {
    const message = 'Human work\n\nTrailing spaces stay  \nKey: value\n';
    commit(['--no-verify', '--cleanup=verbatim', '-F', '-'], {}, message);
    expect(messageOf(repo.dir)).toBe(message);
  });

  it('AITRAIL=0 records nothing', () => {
    commit(['--no-verify', '-m', 'Off'], { ...OPUS, AITRAIL: '0' });
    expect(messageOf(repo.dir)).toBe('Off\n');
  });

  it('Claude Code environment with its co-author line: trailer joins the existing block', () => {
    const message = 'Refactor\n\nCo-Authored-By: Claude Opus 4.6 <noreply@anthropic.com>\n';
    commit(['--no-verify', '-F', '-'], { CLAUDECODE: '1' }, message);
    expect(messageOf(repo.dir)).toBe(`${message}${OPUS_LINE}\n`);
  });

  it('aider-style author name under --no-verify', () => {
    commit(['--no-verify', '-m', 'aider: tweak'], { GIT_AUTHOR_NAME: 'Jane (aider)', AITRAIL_MODEL: 'deepseek/deepseek-chat' });
    expect(messageOf(repo.dir)).toMatch(/\n\nAssisted-by: aider:deepseek\/deepseek-chat\n$/);
  });

  it('template source: trailer added, comments stripped by git as usual', () => {
    const template = join(tempDir(), 'template.txt');
    writeFileSync(template, 'Ticket: ABC-1 title\n\n# Describe the change\n');
    commit(['--no-verify', '-t', template], { ...OPUS, GIT_EDITOR: 'true' });
    expect(messageOf(repo.dir)).toBe(`Ticket: ABC-1 title\n\n${OPUS_LINE}\n`);
  });

  it('editor source with a verbose diff: the trailer stays above the scissors line', () => {
    repo.write('b.txt', 'b\n');
    gitRun(repo.dir, ['add', 'b.txt']);
    commit(['--no-verify', '-v'], { ...OPUS, GIT_EDITOR: editor(`sed -i '1s/^/Add b/' "$1"`) });
    expect(messageOf(repo.dir)).toBe(`Add b\n\n${OPUS_LINE}\n`);
  });

  it('core.commentChar is respected', () => {
    gitRun(repo.dir, ['config', 'core.commentChar', ';']);
    commit(['--no-verify'], { ...OPUS, GIT_EDITOR: editor(`sed -i '1s/^/Semicolons/' "$1"`) });
    expect(messageOf(repo.dir)).toBe(`Semicolons\n\n${OPUS_LINE}\n`);
  });

  it('core.commentChar set to one byte that is not UTF-8 (git 2.39 takes any one byte): recorded and checked as with #, a person\'s message goes through', () => {
    appendFileSync(join(repo.dir, '.git', 'config'), Buffer.concat([Buffer.from('[core]\n\tcommentChar = '), Buffer.from([0xe9]), Buffer.from('\n')]));
    // With the editor: git's comment lines start with the byte (the message is not UTF-8), and git drops them.
    commit([], { ...OPUS, GIT_EDITOR: editor(`sed -i '1s/^/Latin/' "$1"`) });
    expect(messageOf(repo.dir)).toBe(`Latin\n\n${OPUS_LINE}\n`);
    commit(['-m', 'Plain'], OPUS);
    expect(messageOf(repo.dir)).toBe(`Plain\n\n${OPUS_LINE}\n`);
    // node itself (not only the shims' fast path) passes a person's message holding the comment lines.
    const file = join(repo.dir, '.git', 'COMMIT_EDITMSG');
    writeFileSync(file, Buffer.concat([Buffer.from('By hand\n\n'), Buffer.from([0xe9]), Buffer.from(' Please enter the commit message for your changes.\n')]));
    for (const hook of ['prepare-commit-msg', 'commit-msg']) {
      const run = aitrail(repo.dir, ['hook', hook, '.git/COMMIT_EDITMSG'], { GIT_AUTHOR_NAME: 'Test Human', GIT_AUTHOR_EMAIL: 'human@example.com', GIT_EDITOR: 'vi' });
      expect({ hook, status: run.status, stderr: run.stderr }).toEqual({ hook, status: 0, stderr: '' });
    }
    const co = commit([], { GIT_EDITOR: editor(`sed -i '1s/^/Pair work\\n\\nCo-authored-by: Claude <noreply@anthropic.com>/' "$1"`) });
    // Written in the editor, after prepare-commit-msg: commit-msg reads the trailer among git's comment lines and says it is undeclared.
    expect(co.stderr).toMatch(/\[undeclared\]: .*trailer Co-authored-by: "Claude <noreply@anthropic.com>"/);
    expect(messageOf(repo.dir)).toBe('Pair work\n\nCo-authored-by: Claude <noreply@anthropic.com>\n');
  });

  it('merge and squash sources', () => {
    gitRun(repo.dir, ['checkout', '-q', '-b', 'topic']);
    repo.write('t.txt', 't\n');
    gitRun(repo.dir, ['add', 't.txt']);
    commit(['--no-verify', '-m', 'topic work']);
    gitRun(repo.dir, ['checkout', '-q', 'main']);
    repo.write('m.txt', 'm\n');
    gitRun(repo.dir, ['add', 'm.txt']);
    commit(['--no-verify', '-m', 'main work']);
    const merge = gitRun(repo.dir, ['merge', '--no-ff', '--no-verify', '-q', '--no-edit', 'topic'], OPUS);
    expect(merge.status, merge.stderr).toBe(0);
    expect(messageOf(repo.dir)).toBe(`Merge branch 'topic'\n\n${OPUS_LINE}\n`);

    gitRun(repo.dir, ['checkout', '-q', '-b', 'squashed', 'main~1']);
    expect(gitRun(repo.dir, ['merge', '--squash', '-q', 'topic']).status).toBe(0);
    commit(['--no-verify'], { ...OPUS, GIT_EDITOR: 'true' });
    expect(messageOf(repo.dir)).toMatch(new RegExp(`^Squashed commit of the following:[\\s\\S]*\\n\\n${OPUS_LINE}\\n$`));
  });

  it('the configured trailer key is used', () => {
    writeFileSync(join(repo.dir, '.aitrailrc.json'), '{"trailer": {"key": "Generated-by"}}\n');
    commit(['--no-verify', '-m', 'ASF style'], OPUS);
    expect(messageOf(repo.dir)).toBe('ASF style\n\nGenerated-by: claude-code:anthropic/claude-opus-4.6\n');
  });

  it('an invalid config warns on one line and never blocks; the default key is recorded', () => {
    writeFileSync(join(repo.dir, '.aitrailrc.json'), '{"trailer": {"key": 5}}\n');
    const result = commit(['--no-verify', '-m', 'Still commits'], OPUS);
    expect(result.stderr).toMatch(/aitrail: warning: .*invalid config/);
    expect(result.stderr.trim().split('\n').filter((line) => line.includes('warning'))).toHaveLength(1);
    expect(messageOf(repo.dir)).toBe(`Still commits\n\n${OPUS_LINE}\n`);
  });

  it('hostile AITRAIL_AGENT cannot inject lines', () => {
    commit(['--no-verify', '-m', 'Hostile'], { AITRAIL_MODEL: 'anthropic/claude-opus-4.6', AITRAIL_AGENT: 'x\nSigned-off-by: Mallory <m@evil>' });
    const message = messageOf(repo.dir);
    expect(message).not.toContain('Mallory');
    expect(message.split('\n').filter((line) => line.startsWith('Assisted-by:')).length).toBeLessThanOrEqual(1);
  });

  it('a non-UTF-8 message keeps every byte', () => {
    gitRun(repo.dir, ['config', 'i18n.commitEncoding', 'ISO-8859-1']);
    const bytes = Buffer.from('Caf\xe9 latin1\n', 'latin1');
    const file = join(tempDir(), 'msg');
    writeFileSync(file, bytes);
    commit(['--no-verify', '--cleanup=verbatim', '-F', file], OPUS);
    const raw = execFileSync('git', ['cat-file', 'commit', 'HEAD'], { cwd: repo.dir });
    const body = raw.subarray(raw.indexOf('\n\n') + 2);
    expect(body.equals(Buffer.concat([bytes, Buffer.from(`\n${OPUS_LINE}\n`)]))).toBe(true);
  });

  it('the hook run by hand twice on the same file adds the line once', () => {
    const file = join(repo.dir, '.git', 'COMMIT_EDITMSG');
    writeFileSync(file, 'Manual\n');
    for (let i = 0; i < 2; i += 1) expect(aitrail(repo.dir, ['hook', 'prepare-commit-msg', '.git/COMMIT_EDITMSG', 'message'], OPUS).status).toBe(0);
    expect(gitRun(repo.dir, ['interpret-trailers', '--parse', file]).stdout).toBe(`${OPUS_LINE}\n`);
  });

  it('never blocks: an unreadable message file only warns', () => {
    const result = aitrail(repo.dir, ['hook', 'prepare-commit-msg', 'no/such/file', 'message'], OPUS);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^aitrail: warning: .*\(commit not blocked\)\n$/);
  });
});

describe('quitting the editor on an empty message still aborts', () => {
  it('commit-msg refuses a message that holds only the recorded trailer, as git would an empty one', () => {
    const head = repo.git(['rev-parse', 'HEAD']);
    const result = gitRun(repo.dir, ['commit', '-q', '--allow-empty'], { ...OPUS, GIT_EDITOR: 'true' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/Aborting commit due to empty commit message/);
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
  });

  it('a -m message whose subject starts with the comment char (#123 fix) commits, as git keeps it', () => {
    const withoutAitrail = gitRun(repo.dir, ['commit', '-q', '--allow-empty', '-m', '#122 plain'], { AITRAIL: '0' });
    expect(withoutAitrail.status, withoutAitrail.stderr).toBe(0);
    const result = gitRun(repo.dir, ['commit', '-q', '--allow-empty', '-m', '#123 fix the thing'], OPUS);
    expect(result.status, result.stderr).toBe(0);
    expect(messageOf(repo.dir)).toBe(`#123 fix the thing\n\n${OPUS_LINE}\n`);
    const verbatim = gitRun(repo.dir, ['commit', '-q', '--allow-empty', '--cleanup=verbatim', '-m', '#124 keep'], OPUS);
    expect(verbatim.status, verbatim.stderr).toBe(0);
    expect(messageOf(repo.dir)).toBe(`#124 keep\n\n${OPUS_LINE}\n`); // no blank lines ahead of the subject
    const empty = gitRun(repo.dir, ['commit', '-q', '--allow-empty', '-m', ''], OPUS);
    expect(empty.status).not.toBe(0);
    expect(empty.stderr).toMatch(/Aborting commit due to empty commit message/);
  });

  it('a sign-off alone does not count as content either; a real subject commits', () => {
    const head = repo.git(['rev-parse', 'HEAD']);
    expect(gitRun(repo.dir, ['commit', '-q', '-s', '--allow-empty'], { ...OPUS, GIT_EDITOR: 'true' }).status).not.toBe(0);
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
    commit([], { ...OPUS, GIT_EDITOR: editor(`sed -i '1s/^/Real subject/' "$1"`) });
    expect(messageOf(repo.dir)).toBe(`Real subject\n\n${OPUS_LINE}\n`);
  });
});

describe('quitting the editor on an unedited commit template still aborts', () => {
  function withTemplate(): string {
    const template = join(tempDir(), 'template.txt');
    writeFileSync(template, 'Ticket: ABC-\n\n# Why this change?\n');
    gitRun(repo.dir, ['config', 'commit.template', template]);
    return template;
  }

  it('commit-msg refuses a template that only got the recorded trailer, as git would the bare template', () => {
    withTemplate();
    const head = repo.git(['rev-parse', 'HEAD']);
    const withoutAitrail = gitRun(repo.dir, ['commit', '-q', '--allow-empty'], { ...OPUS, AITRAIL: '0', GIT_EDITOR: 'true' });
    expect(withoutAitrail.stderr).toMatch(/you did not edit the message/);
    const result = gitRun(repo.dir, ['commit', '-q', '--allow-empty'], { ...OPUS, GIT_EDITOR: 'true' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/Aborting commit; you did not edit the message/);
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
  });

  it('an edited template commits with the trailer; a later -m commit is not affected', () => {
    withTemplate();
    commit(['-v'], { ...OPUS, GIT_EDITOR: editor(`sed -i '1s/$/42 fix the parser/' "$1"`) });
    expect(messageOf(repo.dir)).toBe(`Ticket: ABC-42 fix the parser\n\n${OPUS_LINE}\n`);
    // A template commit made under --no-verify leaves nothing behind that could abort the next one.
    expect(gitRun(repo.dir, ['commit', '-q', '--allow-empty', '--no-verify'], { ...OPUS, GIT_EDITOR: editor(`sed -i '1s/$/43/' "$1"`) }).status).toBe(0);
    commit(['-m', 'Ticket: ABC-'], OPUS);
    expect(messageOf(repo.dir)).toBe(`Ticket: ABC-\n\n${OPUS_LINE}\n`);
  });
});

describe('a rebase replays commits without recording the model in use now', () => {
  it('human commits rebased under AITRAIL_MODEL stay human; their own trailers travel with them', () => {
    repo.git(['checkout', '-q', '-b', 'topic']);
    commit(['-m', 'human work'], { AITRAIL: '0' });
    commit(['-m', 'ai work'], OPUS);
    repo.git(['checkout', '-q', 'main']);
    commit(['--no-verify', '-m', 'upstream change'], { AITRAIL: '0' });
    repo.git(['checkout', '-q', 'topic']);
    const rebase = gitRun(repo.dir, ['rebase', '-q', 'main'], { ...OPUS, AITRAIL_MODEL: 'qwen/qwen3-coder' });
    expect(rebase.status, rebase.stderr).toBe(0);
    expect(messageOf(repo.dir, 'HEAD~1')).toBe('human work\n');
    expect(messageOf(repo.dir, 'HEAD')).toBe(`ai work\n\n${OPUS_LINE}\n`);
  });
});
