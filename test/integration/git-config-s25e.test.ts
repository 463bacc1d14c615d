import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, type CliResult } from '../helpers/cli.js';
import { installHooks, tryGit } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo, tempDir, TEST_GIT_ENV } from '../helpers/gitdir.js';

// Rows 303, 304: a developer's or CI machine's own git configuration (system, global, an
// includeIf'd file, GIT_CONFIG_COUNT/GIT_CONFIG_PARAMETERS) changes no verdict and no figure.
// One small real history, every command once with a clean config and once with a config that
// sets every output-changing option at once; exit codes, stdout and stderr must be equal.
// Left out on purpose, as git's own features aitrail honours and documents: blame.ignoreRevsFile
// (named in `ignoredAi`, below) and mailmap.file / mailmap.blob (`--by author` names people as
// git's mailmap does).

const CONFIG = 'policy:\n  deny: ["qwen/*"]\n  paths:\n    - files: ["src/crypto/**"]\n      allow: []\n';
const CLAUDE = 'Assisted-by: claude-code:anthropic/claude-opus-4.6';
const QWEN = 'Assisted-by: qwen-code:qwen/qwen3-coder';
// An appended block whose last line repeats the file's last line: git's indent heuristic (its
// default) gives the commit lines 7-10, without it (diff.indentHeuristic=false) lines 8-11.
const SLIDE_BEFORE = ['if (a) {', '', '}', '  c();', '  b();', '  b();', 'x();'];
const SLIDE_AFTER = [...SLIDE_BEFORE, '  c();', '', '', 'x();'];
const DERIVE = 'export function deriveSessionKeyFromPassphrase(passphrase: string): string {\n  return passphrase.split("").reverse().join("-derived-");\n}\n';
const text = (lines: string[]) => `${lines.join('\n')}\n`;

/** Human and AI commits (allowed, denied, a path rule), a rename, a merge, git-ai notes, a .mailmap, a .git-blame-ignore-revs; a server with pre-receive. */
function history() {
  const server = makeRepo({ bare: true });
  const work = makeRepo();
  work.git(['remote', 'add', 'origin', server.dir]);
  work.commit('chore: policy\n', {
    '.aitrailrc.yml': CONFIG,
    '.mailmap': 'Mapped Person <mapped@example.com> <human@example.com>\n',
    'src/app.ts': 'export const a = 1;\nexport const b = 2;\nexport const c = 3;\n',
    'src/slide.js': text(SLIDE_BEFORE),
  });
  work.git(['tag', 'v1']);
  work.git(['push', '-q', 'origin', 'main']);
  work.git(['remote', 'set-head', 'origin', 'main']);
  installHooks(join(server.dir, 'hooks'), ['pre-receive']);
  const ai = work.commit(`feat: claude edit\n\n${CLAUDE}\n`, {
    'src/app.ts': 'export const a = 1;\nexport const b = 22;\nexport const c = 3;\nexport function f() {\n  return a + b;\n}\n',
    'src/caf\u00e9.ts': 'export const e = "\u00e9";\nexport const x = 1;\n',
  });
  work.git(['mv', 'src/app.ts', 'src/main.ts']);
  work.git(['commit', '-q', '-m', 'refactor: rename app to main']);
  const noted = work.commit('feat: helper\n', { 'src/helper.ts': 'export const h1 = 1;\nexport const h2 = 2;\nexport const h3 = 3;\n', 'src/slide.js': text(SLIDE_AFTER) });
  addNote(work, noted, gitAiNote({ 'src/helper.ts': [session(NOTE_KEYS.claude, '1-2')], 'src/slide.js': [session(NOTE_KEYS.claude, '7-10')] }));
  work.git(['checkout', '-q', '-b', 'side', 'v1']);
  work.commit(`feat: side\n\n${CLAUDE}\n`, { 'src/side.ts': 'export const s = 1;\nexport const t = 2;\n' });
  work.git(['checkout', '-q', 'main']);
  work.git(['merge', '-q', '--no-ff', '-m', 'merge side', 'side']);
  work.commit('chore: ignore formatting commits\n', { '.git-blame-ignore-revs': `${ai}\n` });
  work.git(['tag', 'v2']);
  work.git(['checkout', '-q', '-b', 'topic']);
  work.commit(`feat: more\n\n${CLAUDE}\n`, { 'src/more.ts': 'export const m = 1;\n' });
  work.commit(`feat: qwen\n\n${QWEN}\n`, { 'src/q.ts': 'export const q = 1;\n' });
  work.commit(`feat: derive\n\n${CLAUDE}\n`, { 'src/derive.ts': DERIVE });
  work.commit(`feat: crypto\n\n${CLAUDE}\n`, { 'src/crypto/key.ts': 'export const k = 1;\n' });
  // A person copies Claude's lines into the directory no model may touch: `git grep` finds them in the parent's tree.
  work.commit('refactor: derive keys in crypto\n', { 'src/crypto/derive.ts': `// derivation\n${DERIVE}` });
  work.git(['checkout', '-q', 'main']);
  // Staged for commit-msg (which reads the index): Qwen's change to a protected file.
  work.write('src/crypto/new.ts', 'export const n = 1;\n');
  work.git(['add', 'src/crypto/new.ts']);
  writeFileSync(join(work.dir, '.git', 'MSG'), `feat: staged\n\n${QWEN}\n`);
  return { server, work, ai };
}

type Runs = Record<string, CliResult>;

/** Every verdict and figure of aitrail on the history, in `env`. */
function everything(work: string, server: string, env: NodeJS.ProcessEnv): Runs {
  const topic = tryGit(work, ['rev-parse', 'topic']).stdout.trim();
  const push = tryGit(work, ['push', '--no-verify', 'origin', 'topic'], { env });
  return {
    log: aitrail(work, ['log', '--format', 'json', 'topic'], { env }),
    blame: aitrail(work, ['blame', '--format', 'json', '--no-cache'], { env }),
    blameAuthors: aitrail(work, ['blame', '--format', 'json', '--no-cache', '--by', 'author', '-M', '-C'], { env }),
    trend: aitrail(work, ['trend', 'v1', 'v2', 'topic', '--format', 'json', '--no-cache'], { env }),
    check: aitrail(work, ['check', 'v1..topic', '--format', 'json'], { env }),
    checkDefault: aitrail(work, ['check', '--format', 'json'], { env }),
    prePush: aitrail(work, ['hook', 'pre-push', 'origin', server], { env, input: `refs/heads/topic ${topic} refs/heads/topic ${'0'.repeat(40)}\n` }),
    commitMsg: aitrail(work, ['hook', 'commit-msg', '.git/MSG'], { env }),
    // git's own lines (its column widths, its sideband colours) are the user's to set; the server's are aitrail's.
    preReceive: { code: push.code, stdout: '', stderr: push.stderr.split('\n').filter((line) => line.startsWith('remote:')).join('\n').replace(/\x1b\[[0-9;]*m/g, '') },
  };
}

/** INI text of `entries` (values quoted: `;` and `#` start comments). */
function ini(entries: Record<string, string>): string {
  return Object.entries(entries)
    .map(([key, value]) => {
      const dot = key.lastIndexOf('.');
      return `[${key.slice(0, dot)}]\n\t${key.slice(dot + 1)} = "${value.replace(/["\\]/g, '\\$&')}"\n`;
    })
    .join('');
}

describe("the machine's own git config (rows 303, 304)", () => {
  it('changes no exit code, JSON or message of log, blame, trend, check, commit-msg, pre-push and pre-receive', () => {
    const { server, work } = history();
    // The fixture means what it says: the machine's diff.indentHeuristic=false moves the block git blame gives the noted commit.
    const blamed = (config: string[]) => tryGit(work.dir, [...config, 'blame', '-s', 'src/slide.js']).stdout.split('\n').slice(6, 11).map((line) => line.slice(0, 7));
    expect(blamed([])).not.toEqual(blamed(['-c', 'diff.indentHeuristic=false']));

    const clean = everything(work.dir, server.dir, {});
    expect(clean.check.code).toBe(1);
    expect(clean.prePush.code).toBe(1);
    expect(clean.commitMsg.code).toBe(1);
    expect(clean.preReceive.code).not.toBe(0);
    expect((JSON.parse(clean.blame.stdout) as { totals: { ai: number } }).totals.ai).toBe(14);

    const dir = tempDir('hostile-config-');
    const marker = join(dir, 'fsmonitor-ran');
    const fsmonitor = join(dir, 'fsmonitor.sh');
    writeFileSync(fsmonitor, `#!/bin/sh\nps -o args= -p $PPID >> '${marker}'\nexit 1\n`);
    chmodSync(fsmonitor, 0o755);
    writeFileSync(join(dir, 'system'), ini({ 'color.ui': 'always', 'color.diff': 'always', 'color.status': 'always', 'color.branch': 'always', 'color.grep': 'always', 'color.decorate': 'always', 'color.pager': 'true', 'pager.log': '/bin/false', 'pager.blame': '/bin/false', 'core.pager': '/bin/false', 'column.ui': 'always' }));
    writeFileSync(join(dir, 'included'), ini({ 'log.showSignature': 'true', 'log.decorate': 'full', 'log.abbrevCommit': 'true', 'log.follow': 'true', 'log.date': 'relative', 'log.mailmap': 'true', 'log.showRoot': 'false', 'log.abbrev': '5', 'format.pretty': 'oneline', 'format.notes': 'true', 'pretty.x': 'format:%H' }));
    writeFileSync(
      join(dir, 'global'),
      ini({
        'diff.renames': 'copies', 'diff.noprefix': 'true', 'diff.mnemonicPrefix': 'true', 'diff.external': '/bin/false', 'diff.relative': 'true', 'diff.renameLimit': '1', 'diff.context': '0', 'diff.suppressBlankEmpty': 'true', 'diff.ignoreSubmodules': 'all', 'diff.colorMoved': 'zebra', 'diff.orderFile': '/dev/null', 'diff.dirstat': 'lines',
        'core.quotePath': 'false', 'core.abbrev': '12', 'core.autocrlf': 'true', 'core.eol': 'crlf', 'core.safecrlf': 'true', 'core.precomposeUnicode': 'true', 'core.ignoreCase': 'true', 'core.commentChar': ';', 'core.whitespace': 'cr-at-eol', 'core.warnAmbiguousRefs': 'false', 'core.attributesFile': '/dev/null',
        'blame.markUnblamableLines': 'true', 'blame.showEmail': 'true', 'blame.coloring': 'highlightRecent', 'blame.blankBoundary': 'true', 'blame.showRoot': 'false', 'blame.date': 'relative',
        'notes.displayRef': 'refs/notes/*', 'notes.rewriteRef': 'refs/notes/*', 'core.notesRef': 'refs/notes/other',
        'i18n.logOutputEncoding': 'ISO-8859-1', 'i18n.commitEncoding': 'ISO-8859-1',
        'grep.patternType': 'perl', 'grep.lineNumber': 'true', 'grep.column': 'true', 'grep.fullName': 'false', 'grep.extendedRegexp': 'true', 'grep.fallbackToNoIndex': 'true',
        'status.showUntrackedFiles': 'no', 'status.relativePaths': 'false', 'status.short': 'true', 'status.branch': 'true',
        'advice.detachedHead': 'false', 'init.defaultBranch': 'trunk', 'transfer.fsckObjects': 'true', 'fetch.prune': 'true', 'safe.directory': '*',
        'tag.sort': '-version:refname', 'versionsort.suffix': '-rc', 'branch.sort': '-committerdate', 'push.followTags': 'true', 'submodule.recurse': 'true',
        'trailer.separators': ':#', 'trailer.ifexists': 'replace', 'trailer.where': 'start', 'gpg.program': '/bin/false',
        'alias.log': 'blame', 'alias.blame': 'log', 'alias.check': 'log',
      }) + `[includeIf "gitdir:/"]\n\tpath = ${join(dir, 'included')}\n`,
    );
    const hostile: NodeJS.ProcessEnv = {
      GIT_CONFIG_GLOBAL: join(dir, 'global'),
      GIT_CONFIG_SYSTEM: join(dir, 'system'),
      GIT_CONFIG_NOSYSTEM: '0',
      GIT_CONFIG_COUNT: '2',
      GIT_CONFIG_KEY_0: 'diff.algorithm',
      GIT_CONFIG_VALUE_0: 'histogram',
      GIT_CONFIG_KEY_1: 'core.fsmonitor',
      GIT_CONFIG_VALUE_1: fsmonitor,
      GIT_CONFIG_PARAMETERS: "'diff.indentheuristic'='false' 'blame.markignoredlines'='true'",
    };
    // Every layer of it is in force for git itself.
    const seen = tryGit(work.dir, ['config', '--show-scope', '--get-regexp', '^(color\\.ui|log\\.decorate|core\\.quotepath|diff\\.algorithm|diff\\.indentheuristic)$'], { env: hostile }).stdout;
    expect(seen.split('\n').filter((line) => line !== '').sort()).toEqual(['command\tdiff.algorithm histogram', 'command\tdiff.indentheuristic false', 'global\tcore.quotepath false', 'global\tlog.decorate full', 'system\tcolor.ui always']);

    const got = everything(work.dir, server.dir, hostile);
    for (const name of Object.keys(clean)) expect(got[name], name).toEqual(clean[name]);
    // Nothing of the machine's config ran: git calls the fsmonitor hook on every index read.
    expect(existsSync(marker)).toBe(false);
    expect(TEST_GIT_ENV.GIT_CONFIG_GLOBAL).toBe('/dev/null');
  });

  it("a machine's blame.ignoreRevsFile is honoured as git's own, and named (row 32)", () => {
    const { work, ai } = history();
    const clean = aitrail(work.dir, ['blame', '--format', 'json', '--no-cache']);
    const global = join(tempDir('ignore-revs-config-'), 'global');
    writeFileSync(global, '[blame]\n\tignoreRevsFile = .git-blame-ignore-revs\n');
    const ignored = aitrail(work.dir, ['blame', '--format', 'json', '--no-cache'], { env: { GIT_CONFIG_GLOBAL: global } });
    const report = JSON.parse(ignored.stdout) as { totals: { ai: number }; ignoredAi?: string[] };
    expect(report.ignoredAi).toEqual([ai]);
    expect(report.totals.ai).toBeLessThan((JSON.parse(clean.stdout) as { totals: { ai: number } }).totals.ai);
    expect(ignored.stderr).toContain(ai.slice(0, 12));
    expect(aitrail(work.dir, ['blame', '--format', 'json', '--no-cache', '--ignore-revs-file', ''], { env: { GIT_CONFIG_GLOBAL: global } }).stdout).toBe(clean.stdout);
  });
});
