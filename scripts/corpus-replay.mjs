#!/usr/bin/env node
// Replays the labelled attribution corpus (test/fixtures/attribution-corpus.json) through the
// built `aitrail log --format json` and reports precision/recall of the AI flag, exact-model
// accuracy and every mismatch. The commits are written with `git fast-import`, so author,
// committer and message bytes are exactly the corpus's.
//
//   node scripts/corpus-replay.mjs [--corpus <file>] [--bin <aitrail.js>] [--json] [--keep]
//
// Exit code: 0 when the replay ran (whatever the figures), 3 when it could not run.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Environment for git and aitrail: no user/system git config, no agent markers of this machine. */
export function cleanEnv(base = process.env) {
  const env = { ...base, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C' };
  for (const key of Object.keys(env)) {
    if (/^(CLAUDECODE|CLAUDE_CODE_.*|CURSOR_.*|CODEX_.*|GEMINI_CLI|QWEN_CODE|AI_AGENT|AGENT|OPENCODE|GOOSE_.*|CLINE_.*|AITRAIL.*|HUSKY.*|GIT_(AUTHOR|COMMITTER)_.*|AMP_.*|CRUSH|AUGMENT_AGENT|COPILOT_.*)$/.test(key)) delete env[key];
  }
  return env;
}

function identityLine(kind, who, time) {
  if (/[<>\n]/.test(who.name) || /[<>\n]/.test(who.email)) throw new Error(`${kind} ${JSON.stringify(who)} cannot be written by fast-import`);
  return `${kind} ${who.name} <${who.email}> ${time} +0000\n`;
}

/** The fast-import stream: one linear commit per entry, each touching its own file. */
export function fastImportStream(entries) {
  const parts = [];
  entries.forEach((entry, index) => {
    const mark = index + 1;
    const time = 1_700_000_000 + index * 60;
    const message = Buffer.from(entry.message, 'utf8');
    const content = Buffer.from(`${entry.id}\n`, 'utf8');
    parts.push(Buffer.from(`commit refs/heads/main\nmark :${mark}\n${identityLine('author', entry.author, time)}${identityLine('committer', entry.committer ?? entry.author, time)}data ${message.length}\n`, 'utf8'));
    parts.push(message);
    parts.push(Buffer.from(`\n${mark > 1 ? `from :${mark - 1}\n` : ''}M 100644 inline corpus/${String(mark).padStart(4, '0')}.txt\ndata ${content.length}\n`, 'utf8'));
    parts.push(content);
    parts.push(Buffer.from('\n', 'utf8'));
  });
  return Buffer.concat(parts);
}

/** A real repository holding the corpus; returns the directory and entry id → commit sha. */
export function buildRepo(entries, env) {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'aitrail-corpus-')));
  const git = (args, input) => execFileSync('git', args, { cwd: dir, env, input, encoding: 'utf8', maxBuffer: 1 << 28 });
  git(['init', '-q', '-b', 'main']);
  const marksFile = join(dir, '.git', 'corpus-marks');
  execFileSync('git', ['fast-import', '--quiet', `--export-marks=${marksFile}`], { cwd: dir, env, input: fastImportStream(entries) });
  git(['reset', '-q', '--hard', 'main']);
  const shaById = new Map();
  for (const line of readFileSync(marksFile, 'utf8').split('\n')) {
    const match = /^:(\d+) ([0-9a-f]{40,64})$/.exec(line);
    if (match) shaById.set(entries[Number(match[1]) - 1].id, match[2]);
  }
  return { dir, shaById };
}

/** `aitrail log --format json` over the whole history. */
export function runLog(dir, bin, env) {
  const result = spawnSync(process.execPath, [bin, 'log', '--format', 'json'], { cwd: dir, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`aitrail log exited ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

const list = (value) => (value === undefined ? [] : [value].flat());

/** Models as a comparable set: 'unknown' only when nothing else is known. */
export function modelSet(models) {
  const known = [...new Set(models)].filter((model) => model !== 'unknown').sort();
  return known.length > 0 ? known : ['unknown'];
}

/** Compare every entry with what aitrail logged for its commit. */
export function score(entries, logged, shaById) {
  const bySha = new Map(logged.map((commit) => [commit.sha, commit]));
  const rows = entries.map((entry) => {
    const commit = bySha.get(shaById.get(entry.id));
    if (!commit) throw new Error(`aitrail log did not list the commit of ${entry.id}`);
    const attributions = commit.attributions ?? [];
    const got = {
      ai: commit.ai === true,
      agents: [...new Set(attributions.map((a) => a.agent))].sort(),
      models: modelSet(attributions.map((a) => a.model)),
      evidence: attributions.flatMap((a) => list(a.evidence)),
    };
    const expected = entry.label;
    const expectedModels = expected.ai ? modelSet(list(expected.model)) : [];
    const expectedAgents = list(expected.agent).filter((agent) => agent !== 'unknown');
    const modelOk = expected.ai && got.ai && expectedModels.join(' ') === got.models.join(' ');
    const agentOk = expected.ai && got.ai && expectedAgents.every((agent) => got.agents.includes(agent));
    let kind = null;
    if (expected.ai && !got.ai) kind = 'false-negative';
    else if (!expected.ai && got.ai) kind = 'false-positive';
    else if (expected.ai && !modelOk) kind = 'wrong-model';
    return { entry, got, expectedModels, expectedAgents, modelOk, agentOk, kind };
  });

  const tp = rows.filter((r) => r.entry.label.ai && r.got.ai);
  const fp = rows.filter((r) => !r.entry.label.ai && r.got.ai);
  const fn = rows.filter((r) => r.entry.label.ai && !r.got.ai);
  const ratio = (a, b) => (b === 0 ? 1 : a / b);
  const overall = {
    entries: rows.length,
    positives: rows.filter((r) => r.entry.label.ai).length,
    negatives: rows.filter((r) => !r.entry.label.ai).length,
    truePositives: tp.length,
    falsePositives: fp.length,
    falseNegatives: fn.length,
    precision: ratio(tp.length, tp.length + fp.length),
    recall: ratio(tp.length, tp.length + fn.length),
    modelAccuracy: ratio(tp.filter((r) => r.modelOk).length, tp.length),
    modelCorrect: tp.filter((r) => r.modelOk).length,
    agentAccuracy: ratio(tp.filter((r) => r.agentOk).length, tp.length),
  };

  const perAgent = {};
  for (const r of rows.filter((row) => row.entry.label.ai)) {
    for (const agent of list(r.entry.label.agent)) {
      const slot = (perAgent[agent] ??= { entries: 0, flagged: 0, modelCorrect: 0, agentCorrect: 0 });
      slot.entries += 1;
      if (r.got.ai) slot.flagged += 1;
      if (r.modelOk) slot.modelCorrect += 1;
      if (r.agentOk) slot.agentCorrect += 1;
    }
  }
  for (const slot of Object.values(perAgent)) {
    slot.recall = ratio(slot.flagged, slot.entries);
    slot.modelAccuracy = ratio(slot.modelCorrect, slot.flagged);
  }
  const negatives = {};
  for (const r of rows.filter((row) => !row.entry.label.ai)) {
    const slot = (negatives[r.entry.label.category] ??= { entries: 0, flaggedAi: 0 });
    slot.entries += 1;
    if (r.got.ai) slot.flaggedAi += 1;
  }
  const describe = (r) => ({
    id: r.entry.id,
    kind: r.kind,
    expected: r.entry.label.ai ? `${r.expectedAgents.join('+') || 'unknown'}: ${r.expectedModels.join(', ')}` : 'human',
    got: r.got.ai ? `${r.got.agents.join('+')}: ${r.got.models.join(', ')}` : 'human',
    evidence: r.got.evidence,
  });
  const mismatches = rows.filter((r) => r.kind).map(describe);
  const wrongAgents = rows.filter((r) => !r.kind && r.entry.label.ai && r.got.ai && !r.agentOk).map((r) => ({ ...describe(r), kind: 'wrong-agent' }));
  return { overall, perAgent, negatives, mismatches, wrongAgents };
}

const pct = (value) => `${(value * 100).toFixed(1)}%`;

export function renderText(report) {
  const { overall: o } = report;
  const lines = [];
  lines.push(`corpus: ${o.entries} commits (${o.positives} AI, ${o.negatives} human)`);
  lines.push(`AI flag: precision ${pct(o.precision)} (${o.falsePositives} false positives), recall ${pct(o.recall)} (${o.falseNegatives} missed)`);
  lines.push(`exact model among true positives: ${pct(o.modelAccuracy)} (${o.modelCorrect}/${o.truePositives}); agent named: ${pct(o.agentAccuracy)}`);
  lines.push('', 'per agent (expected)          commits  flagged  recall  exact model');
  for (const [agent, s] of Object.entries(report.perAgent).sort((a, b) => b[1].entries - a[1].entries || a[0].localeCompare(b[0]))) {
    lines.push(`  ${agent.padEnd(28)} ${String(s.entries).padStart(7)}  ${String(s.flagged).padStart(7)}  ${pct(s.recall).padStart(6)}  ${pct(s.modelAccuracy).padStart(6)} (${s.modelCorrect}/${s.flagged})`);
  }
  lines.push('', 'hard negatives by kind        commits  flagged AI');
  for (const [category, s] of Object.entries(report.negatives)) lines.push(`  ${category.padEnd(28)} ${String(s.entries).padStart(7)}  ${String(s.flaggedAi).padStart(10)}`);
  for (const kind of ['false-positive', 'false-negative', 'wrong-model']) {
    const group = report.mismatches.filter((m) => m.kind === kind);
    lines.push('', `${kind} (${group.length})`);
    for (const m of group) lines.push(`  ${m.id}: expected ${m.expected}; got ${m.got}${m.evidence.length ? ` [${m.evidence.join(' | ')}]` : ''}`);
  }
  lines.push('', `wrong or missing agent, model right (${report.wrongAgents.length})`);
  for (const m of report.wrongAgents) lines.push(`  ${m.id}: expected ${m.expected}; got ${m.got}`);
  return lines.join('\n') + '\n';
}

export function replay({ corpus = join(ROOT, 'test/fixtures/attribution-corpus.json'), bin = join(ROOT, 'bin/aitrail.js'), keep = false } = {}) {
  const { entries } = JSON.parse(readFileSync(corpus, 'utf8'));
  const env = cleanEnv();
  const { dir, shaById } = buildRepo(entries, env);
  try {
    return { ...score(entries, runLog(dir, bin, env), shaById), repo: keep ? dir : undefined };
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

function main(argv) {
  const options = {};
  let json = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--corpus' || arg === '--bin') {
      const value = argv[(i += 1)];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      options[arg.slice(2)] = resolve(value);
    } else if (arg === '--out') {
      options.out = resolve(argv[(i += 1)] ?? '');
    } else throw new Error(`unknown argument '${arg}' (use --corpus, --bin, --json, --keep, --out)`);
  }
  const report = replay(options);
  const text = json ? JSON.stringify(report, null, 2) + '\n' : renderText(report);
  if (options.out) writeFileSync(options.out, text);
  else process.stdout.write(text);
  if (report.repo) process.stderr.write(`repository kept at ${report.repo}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`corpus-replay: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 3;
  }
}
