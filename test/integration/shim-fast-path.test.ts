import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import corpus from '../fixtures/attribution-corpus.json' with { type: 'json' };
import holdout from '../fixtures/attribution-holdout.json' with { type: 'json' };
import { detectAtCommitTime } from '../../src/core/detect.js';
import { commentCharFor } from '../../src/hooks/comment-char.js';
import { signatures } from '../../src/core/detect/signatures.js';
import { messageKeys } from '../../src/core/fast-path-layout.js';
import { onlyRecordedTrailers } from '../../src/core/record-trailers.js';
import { envNames } from '../../src/install/fast-path-signals.js';
import { huskyBlockBody, huskyLib } from '../../src/install/husky-block.js';
import { BIN } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';
import { prng } from '../helpers/trailer-messages.js';
import { quietFunction, stampedRepo } from '../helpers/shim-fast-path.js';

const HOOKS = join(import.meta.dirname, '..', '..', 'hooks');

interface Case {
  id: string;
  message: string;
  author: { name: string; email: string };
  env?: Record<string, string>;
}

/** What the node hooks would do with this commit (their own functions, same inputs): record a trailer, or judge it. Comment lines read both ways ('\x01': none). */
function nodeActs(c: Case): boolean {
  return ['#', '\x01'].some(
    (commentChar) =>
      detectAtCommitTime(c.message, { env: { ...c.env }, author: c.author, commentChar }, { detect: {}, trailerKey: 'Assisted-by' }).length > 0 ||
      onlyRecordedTrailers(c.message, 'Assisted-by', commentChar),
  );
}

const HUMAN = { name: 'Alice Smith', email: 'alice@example.com' };
const INVISIBLE = ['\u200b', '\u00ad', '\u2060', '\ufeff', '\u200d'];
const fullwidth = (ch: string) => (/[!-~]/.test(ch) ? String.fromCodePoint(ch.codePointAt(0)! + 0xfee0) : ch);

/** The Markdown decorations of a key the readers take (markdownKeyText), one a key line in turn. */
const MARKDOWN_KEYS: ((key: string) => string)[] = [(key) => `**${key}**:`, (key) => `- ${key}:`, (key) => `<strong>${key}</strong>:`, (key) => `[${key}](https://example.com/x):`];
let decorated = 0;

/** Each corpus commit spelled the ways an attacker (or a tool) would: case, invisible characters, fullwidth letters, spacing, CRLF, random mixes. */
function variants(entry: Case, ai: boolean, rand: () => number): Case[] {
  const { message, author } = entry;
  const at = (suffix: string, changes: Partial<Case>): Case => ({ ...entry, id: `${entry.id} ${suffix}`, ...changes });
  const mixed = (text: string) =>
    [...text]
      .map((ch) => {
        const roll = rand();
        if (roll < 0.3) return ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase();
        if (roll < 0.33) return `${INVISIBLE[Math.floor(rand() * INVISIBLE.length)]}${ch}`;
        if (roll < 0.35) return fullwidth(ch);
        return ch;
      })
      .join('');
  const out = [
    at('upper', { message: message.toUpperCase(), author: { name: author.name.toUpperCase(), email: author.email.toUpperCase() } }),
    at('mixed', { message: mixed(message), author: { name: mixed(author.name), email: author.email } }),
    at('message only', { author: HUMAN }),
  ];
  if (!ai) return out;
  return [
    ...out,
    at('zero-width keys', { message: message.replace(/-by:/gi, '-\u200bby:'), author: HUMAN }),
    at('soft hyphen keys', { message: message.replace(/(\w)-(\w)/g, '$1\u00ad-$2'), author: HUMAN }),
    at('fullwidth keys', { message: message.replace(/^([A-Za-z-]+):/gm, (_, key: string) => `${[...key].map(fullwidth).join('')}:`), author: HUMAN }),
    at('spaced keys', { message: message.replace(/^([A-Za-z-]+):[ \t]*/gm, '$1 :\t'), author: HUMAN }),
    // Keys written as words, as the readers take them (row 93): `Assisted_by:`, `Co authored  by:`.
    at('underscored keys', { message: message.replace(/^([A-Za-z]+(?:-[A-Za-z]+)+):/gm, (_, key: string) => `${key.replace(/-/g, '_')}:`), author: HUMAN }),
    at('worded keys', { message: message.replace(/^([A-Za-z]+(?:-[A-Za-z]+)+):/gm, (_, key: string) => `${key.replace(/-/g, '  ')}:`), author: HUMAN }),
    // Keys as Markdown shows them (a pull request's description kept by a squash merge), each key line
    // in one of the decorations the readers take, in turn: `**Assisted-by**:`, `- Assisted-by:`,
    // `<strong>Assisted-by</strong>:`, `[Assisted-by](https://…):`.
    at('markdown keys', { message: message.replace(/^([A-Za-z]+(?:-[A-Za-z]+)+):/gm, (_, key: string) => MARKDOWN_KEYS[(decorated += 1) % MARKDOWN_KEYS.length]!(key)), author: HUMAN }),
    // Each key line as a two-cell Markdown table row (tableRowText reads `| Assisted-by | … |`).
    at('markdown table', { message: message.replace(/^([A-Za-z]+(?:-[A-Za-z]+)+):[ \t]*(.*)$/gm, (_, key: string, value: string) => `| ${key} | ${value} |`), author: HUMAN }),
    at('crlf', { message: message.replace(/\n/g, '\r\n'), author: HUMAN }),
    at('nul', { message: message.replace('\n', '\0\n'), author: HUMAN }),
    at('author only', { message: 'Fix it\n' }),
  ];
}

function generated(entries: readonly (Case & { label?: { ai?: boolean } })[]): Case[] {
  const rand = prng(12);
  const cases = entries.flatMap((entry) => variants(entry, entry.label?.ai !== false, rand));
  // Every trailer key detection reads, with values each kind of key takes, in the trailer block and in the body.
  const sig = signatures() as unknown as Record<string, unknown>;
  const keys = Object.entries(sig).flatMap(([name, value]) => (name.endsWith('Keys') && value instanceof Set ? [...(value as Set<string>)] : []));
  for (const key of ['Assisted-by', ...keys]) {
    for (const value of ['claude-code:anthropic/claude-opus-4.6', 'yes (Claude Opus 4.6)', 'Claude <noreply@anthropic.com>', 'Cursor', 'qwen3-coder']) {
      cases.push({ id: `key ${key}: ${value}`, message: `Fix it\n\n${key}: ${value}\n`, author: HUMAN });
      for (const joint of ['_', ' ', '__', '_ ']) cases.push({ id: `key ${key.replace(/-/g, joint)}: ${value}`, message: `Fix it\n\n${key.replace(/-/g, joint)}: ${value}\n`, author: HUMAN });
      cases.push({ id: `body ${key}: ${value}`, message: `Fix it\n\n${key}: ${value}\nmore prose after it\n`, author: HUMAN });
    }
  }
  for (const name of envNames()) {
    for (const value of ['1', 'true', 'agent-exec', 'claude-code', 'amp', 'anthropic/claude-opus-4.6', '']) cases.push({ id: `env ${name}=${value}`, message: 'Fix it\n', author: HUMAN, env: { [name]: value } });
  }
  const identities = [
    ['Claude', 'noreply@anthropic.com'],
    ['Claude Opus 4.6 (1M context)', 'NoReply@Anthropic.com'],
    ['claude[bot]', '209825114+claude[bot]@users.noreply.github.com'],
    ['Alice (aider)', 'alice@example.com'],
    ['Alice\t(aider)', 'alice@example.com'],
    ['aider (gpt-4o)', 'aider@aider.chat'],
    ['Copilot', '198982749+Copilot@users.noreply.github.com'],
    ['Cursor Agent', 'cursoragent@cursor.com'],
    ['gpt-5-codex', 'noreply@openai.com'],
    ['Ｃｌａｕｄｅ', 'noreply@anthropic.com'],
    ['Claude', `noreply@anthro\u200bpic.com`],
    ['Kilo Code', 'noreply@kilocode.ai'],
  ];
  for (const [name, email] of identities) cases.push({ id: `author ${name} <${email}>`, message: 'Fix it\n', author: { name: name!, email: email! } });
  return cases;
}

/** `text` as one single-quoted sh word. */
const shQuote = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;

describe('shim fast path: never skips a commit node would record or refuse', () => {
  it('over the attribution corpus, the holdout and generated spellings, commit-msg starts node for every commit node would act on', () => {
    // The stamp the real node hook leaves after a human commit (no config file here).
    const repo = stampedRepo();

    const entries = [...(corpus as unknown as { entries: Case[] }).entries, ...(holdout as unknown as { entries: Case[] }).entries];
    const control: Case = { id: 'control', message: 'Fix the parser\n\nDetails.\n', author: HUMAN };
    const cases = [control, ...entries, ...generated(entries)];
    // One sh runs the shim's own fast-path function (the very text of hooks/commit-msg) for every
    // case, each with only its own variables set (env -i; each case unsets its own after it): the
    // shim starts node exactly when it fails.
    // A case the same as an earlier one (message, author and environment: all the shim reads here; ~1,200 of them, a
    // 'message only' of a person's commit, a key two signature lists share) is not run again: it answers as that one.
    const lines = [quietFunction(readFileSync(join(HOOKS, 'commit-msg'), 'utf8'))];
    const firstOf = new Map<string, number>();
    const sameAs = cases.map((c, index) => {
      const key = JSON.stringify([c.message, c.author.name, c.author.email, Object.entries(c.env ?? {})]);
      const first = firstOf.get(key);
      if (first === undefined) firstOf.set(key, index);
      return first ?? index;
    });
    expect(cases.length - firstOf.size).toBeGreaterThan(500);
    cases.forEach((c, index) => {
      if (sameAs[index] !== index) return;
      writeFileSync(join(repo.dir, '.git', `CASE_${index}`), c.message);
      const env = { GIT_AUTHOR_NAME: c.author.name, GIT_AUTHOR_EMAIL: c.author.email, ...c.env };
      const names = Object.keys(env);
      expect(names.filter((name) => ['PATH', 'IFS', 'HOME', 'PWD'].includes(name)), c.id).toEqual([]);
      const assignments = Object.entries(env).map(([key, value]) => `${key}=${shQuote(value)}`).join(' ');
      lines.push(`${assignments}; export ${names.join(' ')}; aitrail_quiet .git/CASE_${index} || echo ${index}; unset ${names.join(' ')}`);
    });
    // Each author again without it in the environment (a merge's or a revert's hooks): the shim asks
    // `git var GIT_AUTHOR_IDENT`, as node does, so the identity comes from the config
    // (GIT_CONFIG_PARAMETERS, quoted as git quotes it); the control's message, so the author decides.
    // Every author once, but of those only a 'mixed' spelling has (random case, some with an invisible or fullwidth
    // character: ~1,000 of ~1,900, one git var each) one in four of each kind (session 52, review b: ~1.5 s of CPU);
    // each author whole is still read this way as written and uppercased, and every spelling through the environment above.
    const authors = new Map<string, Case['author']>();
    for (const c of cases) if (!c.id.endsWith(' mixed')) authors.set(`${c.author.name}\0${c.author.email}`, c.author);
    const mixedOnly = { ascii: 0, other: 0 };
    for (const c of cases) {
      const key = `${c.author.name}\0${c.author.email}`;
      if (!c.id.endsWith(' mixed') || authors.has(key)) continue;
      const kind = /^[ -~]*$/.test(key.replace('\0', ' ')) ? 'ascii' : 'other';
      if (mixedOnly[kind]++ % 4 === 0) authors.set(key, c.author);
    }
    expect(Math.min(mixedOnly.ascii, mixedOnly.other)).toBeGreaterThan(100);
    const viaConfig: Case[] = [...authors.values()].map((author) => ({ id: `git var: ${author.name} <${author.email}>`, message: control.message, author }));
    const sq = (text: string) => `'${text.replace(/'/g, "'\\''").replace(/!/g, "'\\!'")}'`;
    viaConfig.forEach((c, at) => {
      const parameters = `${sq(`user.name=${c.author.name}`)} ${sq(`user.email=${c.author.email}`)}`;
      lines.push(`GIT_CONFIG_PARAMETERS=${shQuote(parameters)}; export GIT_CONFIG_PARAMETERS; aitrail_quiet .git/CASE_0 || echo ${cases.length + at}; unset GIT_CONFIG_PARAMETERS`);
    });
    writeFileSync(join(repo.dir, 'driver.sh'), `${lines.join('\n')}\n`);
    const run = spawnSync('env', ['-i', 'PATH=/usr/bin:/bin', 'sh', 'driver.sh'], { cwd: repo.dir, encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(run.stderr).toBe('');
    const started = new Set(run.stdout.split('\n').filter(Boolean).map(Number));
    const ran = (index: number) => started.has(index < cases.length ? sameAs[index]! : index);

    // What node would do with each commit the shim skipped (only those are asked below: a started one is neither a miss
    // nor a human commit that skipped), read once, and once for the same message, author and environment (nodeActs reads
    // only those): ~1,200 of the ~16,000 cases repeat one.
    const known = new Map<string, boolean>();
    const actsOnce = (c: Case) => {
      const key = JSON.stringify([c.message, c.author.name, c.author.email, Object.entries(c.env ?? {})]);
      let acted = known.get(key);
      if (acted === undefined) known.set(key, (acted = nodeActs(c)));
      return acted;
    };
    const acts = cases.map((c, index) => !ran(index) && actsOnce(c));
    const configActs = viaConfig.map(actsOnce);
    const misses = cases.filter((c, index) => acts[index] && !ran(index)).map((c) => c.id);
    expect(misses).toEqual([]);
    const configMisses = viaConfig.filter((c, at) => configActs[at] && !ran(cases.length + at)).map((c) => c.id);
    expect(configMisses).toEqual([]);
    // The identities really came through git var: the human one skips node, agents' identities do not.
    expect(viaConfig.length).toBeGreaterThan(1000);
    expect(ran(cases.length + viaConfig.findIndex((c) => c.author === HUMAN || (c.author.name === HUMAN.name && c.author.email === HUMAN.email)))).toBe(false);
    expect(viaConfig.filter((c, at) => configActs[at] && ran(cases.length + at)).length).toBeGreaterThan(10);
    // The fast path is real: the control and most human commits of the corpus skip node.
    expect(ran(0)).toBe(false);
    const humans = cases.filter((c, index) => !acts[index] && !ran(index)).length;
    expect(humans).toBeGreaterThan(200);
  });

  it('comment lines: skipped only where node reads the message without them (core.commentChar surely #), and never a line node reads', () => {
    const repo = makeRepo();
    repo.commit('start\n', { 'a.txt': 'a\n' });
    writeFileSync(join(repo.dir, '.git', 'COMMIT_EDITMSG'), 'Plain\n');
    const home = join(repo.dir, '.git', 'home');
    mkdirSync(home);
    // No config file git reads names commentChar: node's own decision, with the environment the shim gets.
    const env = { HOME: home, GIT_CONFIG_NOSYSTEM: '1', PATH: '/usr/bin:/bin' };
    expect(commentCharFor(repo.dir, 'x\n', { gitDir: join(repo.dir, '.git'), env })).toBe('#');
    const first = spawnSync(process.execPath, [BIN, 'hook', 'commit-msg', '.git/COMMIT_EDITMSG'], { cwd: repo.dir, env: { ...env, PATH: process.env.PATH, GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.com' }, encoding: 'utf8' });
    expect(first.status, first.stderr).toBe(0);
    const template = '# Please enter the commit message for your changes. Lines starting\n# with \'#\' will be ignored.\n#\n# On branch main\n# Changes to be committed:\n#\tmodified:   a.txt\n#\tnew file:   caf\u00e9.txt\n#\n';
    const entries = [...(corpus as unknown as { entries: Case[] }).entries, ...(holdout as unknown as { entries: Case[] }).entries];
    const cases: Case[] = [];
    for (const entry of entries) {
      const commented = entry.message.replace(/^/gm, '#').replace(/#$/, '');
      cases.push({ id: `${entry.id} as comments`, message: `Fix it\n\n${commented}${template}`, author: HUMAN });
      cases.push({ id: `${entry.id} under the template`, message: `${entry.message}\n${template}`, author: HUMAN });
      cases.push({ id: `${entry.id} indented comments`, message: `Fix it\n\n${entry.message.replace(/^/gm, ' #')}`, author: HUMAN });
    }
    const lines = [quietFunction(readFileSync(join(HOOKS, 'commit-msg'), 'utf8'))];
    cases.forEach((c, index) => {
      writeFileSync(join(repo.dir, '.git', `CASE_${index}`), c.message);
      lines.push(`GIT_AUTHOR_NAME=${shQuote(c.author.name)} GIT_AUTHOR_EMAIL=${shQuote(c.author.email)}; export GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL; aitrail_quiet .git/CASE_${index} || echo ${index}`);
    });
    writeFileSync(join(repo.dir, 'driver.sh'), `${lines.join('\n')}\n`);
    const run = spawnSync('env', ['-i', ...Object.entries(env).map(([key, value]) => `${key}=${value}`), 'sh', 'driver.sh'], { cwd: repo.dir, encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(run.stderr).toBe('');
    const started = new Set(run.stdout.split('\n').filter(Boolean).map(Number));
    const actsWithHash = (c: Case) => detectAtCommitTime(c.message, { env: {}, author: c.author, commentChar: '#' }, { detect: {}, trailerKey: 'Assisted-by' }).length > 0 || onlyRecordedTrailers(c.message, 'Assisted-by', '#');
    expect(cases.filter((c, index) => !started.has(index) && actsWithHash(c)).map((c) => c.id)).toEqual([]);
    // Commented out whole, every corpus message skips node (git drops it).
    const skipped = (suffix: string) => cases.filter((c, index) => c.id.endsWith(suffix) && !started.has(index)).length;
    expect(skipped(' as comments')).toBe(entries.length);
    // Written out under the template, the people's commits the message texts do not flag skip node too (a Signed-off-by, an accent still start it).
    expect(skipped(' under the template')).toBeGreaterThan(100);
  });

  it('aitrail_same (the config compared with its stamped copy by the shell itself) says "same" exactly when the bytes are, NUL bytes aside', () => {
    const repo = makeRepo();
    const shim = readFileSync(join(HOOKS, 'commit-msg'), 'utf8');
    const at = shim.indexOf('aitrail_same() {');
    const same = shim.slice(at, shim.indexOf('\n}\n', at) + 3);
    // Past COMPARE_BYTES it hands the files to aitrail_cmp (PATH's cmp outside the work tree).
    const cmpAt = shim.indexOf('aitrail_cmp() {');
    const cmp = shim.slice(cmpAt, shim.indexOf('\n}\n', cmpAt) + 3);
    const base = 'policy:\n  deny: ["qwen/*"]\n';
    const big = `${'# padding line of a long config\n'.repeat(400)}policy: {}\n`;
    const variants = [base, base.slice(0, -1), `${base}\n`, base.replace('qwen', 'Qwen'), base.replace('\n', '\r\n'), `\n${base}`, base.replace('  ', ' \t'), '', '\n', 'x', big, big.replace('policy: {}', 'policy: []'), `${big.slice(0, 5000)}X${big.slice(5001)}`, `${big}\n`, base.replace('deny', 'dény'), 'a\\b\n', 'a\\\\b\n'];
    const pairs = variants.flatMap((a) => variants.map((b): [string, string] => [a, b]));
    const lines = [same, cmp];
    pairs.forEach(([a, b], index) => {
      writeFileSync(join(repo.dir, `a${index}`), a);
      writeFileSync(join(repo.dir, `b${index}`), b);
      lines.push(`if aitrail_same a${index} b${index}; then echo ${index}; fi`);
    });
    // A NUL byte: the shell's read drops it (documented: such a config is invalid for node anyway).
    writeFileSync(join(repo.dir, 'nul'), base.replace('qwen', 'q\0wen'));
    writeFileSync(join(repo.dir, 'plain'), base);
    lines.push('if aitrail_same nul plain; then echo nul; fi');
    writeFileSync(join(repo.dir, 'same.sh'), `${lines.join('\n')}\n`);
    for (const shell of ['sh', 'bash']) {
      const run = spawnSync(shell, ['-e', 'same.sh'], { cwd: repo.dir, encoding: 'utf8', env: { PATH: '/usr/bin:/bin', LC_ALL: 'C' } });
      expect(run.stderr, shell).toBe('');
      const said = new Set(run.stdout.split('\n').filter(Boolean));
      const wrong = pairs.flatMap(([a, b], index) => (said.has(String(index)) !== (a === b) ? [JSON.stringify([a.slice(0, 40), b.slice(0, 40)])] : []));
      expect(wrong, shell).toEqual([]);
      expect(said.has('nul'), shell).toBe(true);
    }
  });

  it('the shims look for every trailer key detection reads (each *Keys list of the signatures)', () => {
    const sig = signatures() as unknown as Record<string, unknown>;
    const lists = Object.entries(sig).filter(([name, value]) => name.endsWith('Keys') && value instanceof Set);
    expect(lists.length).toBeGreaterThanOrEqual(6);
    const keys = messageKeys();
    for (const [name, set] of lists) for (const key of set as Set<string>) expect(keys, name).toContain(key.toLowerCase());
  });

  it('when the fast path says "start node", aitrail gets the locale it was given (set, empty or unset): the git shim, and the husky block under husky\'s sh -e', () => {
    const repo = makeRepo();
    repo.commit('start\n', { 'a.txt': 'a\n', '.gitignore': 'node_modules\n' });
    // A stand-in for the installed aitrail (untracked, as npm installs it): it prints what it got.
    const bin = join(repo.dir, 'node_modules', '.bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'aitrail'), '#!/bin/sh\nprintf "%s|%s|%s\\n" "${LC_ALL+set}" "${LC_ALL-}" "$*"\n', { mode: 0o755 });
    writeFileSync(join(repo.dir, '.git', 'COMMIT_EDITMSG'), 'Fix it\n');
    // .husky/commit-msg as `aitrail init` writes it, run the way husky 9 runs it (sh -e, aitrail on the PATH of node_modules/.bin).
    writeFileSync(join(repo.dir, 'husky-commit-msg'), `${huskyBlockBody('commit-msg')}`);
    // The shared lines it sources (row 874), beside it as init writes them.
    writeFileSync(join(repo.dir, 'aitrail.sh'), huskyLib().text);
    const base = { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: repo.dir, GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.com' };
    const runs = [
      ['sh', join(HOOKS, 'commit-msg')],
      ['sh', '-e', 'husky-commit-msg'],
    ];
    // With an agent variable, and without one (no stamp yet: node must check the config first).
    for (const agent of [{ AITRAIL_MODEL: 'qwen/qwen3-coder' }, {}]) {
      for (const [command, ...args] of runs) {
        for (const [locale, expected] of [
          [undefined, '||hook commit-msg .git/COMMIT_EDITMSG'],
          ['', 'set||hook commit-msg .git/COMMIT_EDITMSG'],
          ['C.UTF-8', 'set|C.UTF-8|hook commit-msg .git/COMMIT_EDITMSG'],
        ] as const) {
          const env = { ...base, ...agent, ...(locale === undefined ? {} : { LC_ALL: locale }) };
          const run = spawnSync(command!, [...args, '.git/COMMIT_EDITMSG'], { cwd: repo.dir, env, encoding: 'utf8' });
          const label = `${args.join(' ')} LC_ALL=${locale} ${JSON.stringify(agent)}`;
          expect(run.stderr, label).toBe('');
          expect(run.stdout, label).toBe(`${expected}\n`);
          expect(run.status, label).toBe(0);
        }
      }
    }
  });

  it('prepare-commit-msg, commit-msg and the husky block share the one generated fast path', () => {
    // The function; prepare-commit-msg calls it unless a rebase's fold step already needs node.
    const block = (text: string) => text.slice(text.indexOf('aitrail_quiet() {'), text.indexOf('\n}\n', text.indexOf('aitrail_quiet() {')) + 3);
    const shim = block(readFileSync(join(HOOKS, 'commit-msg'), 'utf8'));
    expect(shim.length).toBeGreaterThan(1000);
    expect(block(readFileSync(join(HOOKS, 'prepare-commit-msg'), 'utf8'))).toBe(shim);
    // husky mode: once, in the shared .husky/aitrail.sh both blocks source (row 874); pre-push's gates call none.
    const lib = huskyLib().text;
    expect(block(lib)).toBe(shim);
    expect(lib.split('aitrail_quiet() {')).toHaveLength(2);
    expect(huskyBlockBody('commit-msg')).toContain('aitrail_run_commit_msg "$@"');
    expect(huskyBlockBody('prepare-commit-msg')).toContain('aitrail_run_prepare_commit_msg "$@"');
    expect(lib.slice(lib.indexOf('aitrail_gate_pre_push() {'), lib.indexOf('[ "${h-}" = pre-push ]'))).not.toContain('aitrail_quiet');
  });
});
