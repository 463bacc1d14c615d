// Session 47, task k: what a person's commit and amend make dash parse and try in the message hooks' shims,
// cut without changing a decision.
// row 843: the generated case patterns escaped every character but letters and digits (`\@`, `\.`, `\-`):
//   a byte more each for dash to parse, and a backslash its matcher steps over at every place of the text.
//   They now escape only what the shell or the pattern reads otherwise; `.` stays a literal dot, `@` an at sign,
//   in dash, bash and busybox sh.
// row 844: aitrail_quiet's author test parsed its second `case` (~2 KB of model-author alternatives, tried only for
//   an author with a digit before its `<`) at each message hook; it now sets aitrail_dn and the fast path's next
//   top-level line tries them, which dash and bash parse only when they reach it. Real commits and amends: the same
//   authors start node as before (a model's name with a digit), a person with a digit in the name still starts none.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tryGit } from '../helpers/enforce-repos.js';
import { laterThanNow } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { MESSAGE_HOOKS } from '../helpers/shim-identity-case.js';

const hook = (name: string) => readFileSync(new URL(`../../hooks/${name}`, import.meta.url), 'utf8');

/** The long `case` lines (signature texts) of a hook. */
const longCaseLines = (name: string) => hook(name).split('\n').filter((line) => /case \S+ in /.test(line) && line.length > 1000);

const shells: string[][] = [['sh'], ['bash', '--norc', '--noprofile', '--posix']];
if (spawnSync('busybox', ['sh', '-c', 'exit 0']).status === 0) shells.push(['busybox', 'sh']);

describe("row 843: the shims' case patterns escape only what sh reads otherwise", () => {
  it('no long case pattern of a message hook holds a backslash before @ . - / : + _ , =', () => {
    for (const name of MESSAGE_HOOKS) {
      const lines = longCaseLines(name);
      expect(lines.length, name).toBeGreaterThan(0);
      for (const line of lines) expect(line.match(/\\[-@./:+_,=]/g) ?? [], name).toEqual([]);
    }
  });

  it.each(shells.map((shell) => [shell.join(' '), shell] as const))("%s: aitrail_quiet's author patterns read `.` and `@` literally", (_name, shell) => {
    const line = hook('commit-msg')
      .split('\n')
      .find((text) => text.startsWith('  case "$aitrail_i" in '))!;
    expect(line).toContain('*@[gG][oO][oO][gG][lL][eE].[cC][oO][mM]*');
    const first = /^ {2}case "\$aitrail_i" in (.*?)\) return 1 ;;/.exec(line)![1];
    const script = ['LC_ALL=C; export LC_ALL', 'while IFS= read -r aitrail_i; do', `  case "$aitrail_i" in ${first}) echo 1 ;; *) echo 0 ;; esac`, 'done'].join('\n');
    const subjects = ['Jane <jane@google.com>', 'Jane <jane@googleXcom>', 'Jane <janeXgoogle.com>', 'Jane <jane@GOOGLE.COM>', 'Jane Doe <jane@example.com>', 'x <noreply@aider.chat>', 'x <noreplyXaiderXchat>'];
    const run = spawnSync(shell[0]!, [...shell.slice(1), '-c', script], { input: `${subjects.join('\n')}\n`, encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim().split('\n')).toEqual(['1', '0', '0', '1', '0', '1', '0']);
  });
});

describe("row 844: the author's model-author test waits for the line after the fast path", () => {
  it("aitrail_quiet's body holds no model-author alternative; the top-level line after its call does", () => {
    for (const name of ['prepare-commit-msg', 'commit-msg', 'applypatch-msg', 'pre-applypatch']) {
      const text = hook(name);
      const start = text.indexOf('aitrail_quiet() {');
      const body = text.slice(start, text.indexOf('\n}\n', start));
      expect(start, name).toBeGreaterThan(0);
      expect(body, name).not.toContain('[0-9]*\\<*) case');
      expect(body, name).toContain('*[0-9]*\\<*) aitrail_dn=1 ;;');
      // prepare-commit-msg: an amend that keeps HEAD's message reaches the lines that keep HEAD's id (session 50 d: amend-source-s50d.test.ts) before the author's line.
      expect(text, name).toMatch(/\nif [^\n]*aitrail_quiet "\$1"[^\n]*; then \[ -n "\$aitrail_dn" \] \|\|(?: \[ "\$\{2-\}:\$\{3-\}" = commit:HEAD \] \|\|)? exit 0; aitrail_dq=1; fi\n(?:\[ -z "\$aitrail_dq" \] \|\| \[ -n "\$aitrail_dn" \] \|\| \{\n[\s\S]*?\n\}\n)?\[ -z "\$aitrail_dq" \] \|\| case "\$aitrail_i" in \*\[[a-z][A-Z]\][^\n]*\*\\<\*\) ;; \*\) exit 0 ;; esac\n/);
    }
  });

  it("real commits and amends: a model's name with a digit starts node, a person's name with one does not", () => {
    const { repo, env, started } = hookedRepo();
    const starts = () => readFileSync(started, 'utf8').split('\n').filter(Boolean).length;
    const commit = (author: string, args: string[]) => {
      const before = starts();
      repo.write('a.txt', `${Math.random()}\n`);
      repo.git(['add', '-A']);
      const [name, email] = author.split(' <');
      const dated = { ...env, GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email!.slice(0, -1), GIT_AUTHOR_DATE: laterThanNow(), GIT_COMMITTER_DATE: laterThanNow() };
      const made = tryGit(repo.dir, ['commit', '-q', ...args], { env: dated });
      expect(made.code, made.stderr).toBe(0);
      return starts() > before;
    };
    expect(commit('Jane Doe <jane@example.com>', ['-m', 'fix: plain'])).toBe(false);
    expect(commit('Jane Doe 2 <jane2@example.com>', ['-m', 'fix: a digit in the name'])).toBe(false);
    expect(commit('Jane Doe 2 <jane2@example.com>', ['--amend', '-m', 'fix: a digit in the name, amended'])).toBe(false);
    for (const author of ['Gpt 5 <bot@example.com>', 'Qwen3-Coder <coder@example.com>', 'Mistral-2.5 <noreply@example.com>']) {
      expect({ author, started: commit(author, ['-m', `feat: by ${author}`]) }).toEqual({ author, started: true });
    }
    expect(commit('Jane Doe <jane@example.com>', ['-m', 'fix: plain again'])).toBe(false);
  });
});
