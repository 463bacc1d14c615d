// The kernel's coding-assistants policy has `Assisted-by:` name the tools used beside the agent
// (`AGENT_NAME:MODEL_VERSION [TOOL1] [TOOL2]`), and people write the tools alone; projects' `Generated-by:`
// names the generator of a file. A value of tools only names no AI; a model or agent beside them still does.
import { describe, expect, it } from 'vitest';
import { checkJson } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';
import { type Case, expectLog, HUMAN } from '../helpers/log-cases.js';

const TOOLS = [
  'Assisted-by: semcode',
  'Assisted-by: b4',
  'Assisted-by: scan-build',
  'Assisted-by: pahole drgn bpftool perf',
  'Assisted-by: kunit, kselftest and virtme-ng',
  'Assisted-by: KCSAN kmemleak gcov',
  'Assisted-by: quilt',
  'Assisted-by: git bisect',
  'Assisted-by: GNU Autoconf 2.72',
  'Assisted-by: cbindgen 0.27.0 (https://github.com/mozilla/cbindgen)',
  'Generated-by: gperf',
  'Generated-by: re2c',
  'Generated-by: moc',
  'Generated-by: glib-mkenums',
  'Generated-by: wayland-scanner',
  'Generated-by: Xcode',
];

const HISTORY: Case[] = [
  ...TOOLS.map((line): Case => [`fix: a change\n\n${line}\n`, []]),
  // AI stays AI: an AI word, an agent, a pair beside a tool, a tool beside a model, a link to an agent's repository, an unknown name.
  ['fix: a change\n\nAssisted-by: LLM\n', ['unknown:unknown']],
  ['fix: a change\n\nAssisted-by: Claude\n', ['claude-code:unknown']],
  ['fix: a change\n\nAssisted-by: Claude:claude-opus-4-7 semcode\n', ['claude-code:anthropic/claude-opus-4.7']],
  ['fix: a change\n\nAssisted-by: perf Qwen3-Coder\n', ['unknown:qwen/qwen3-coder']],
  ['fix: a change\n\nGenerated-by: Claude Code\n', ['claude-code:unknown']],
  ['fix: a change\n\nAssisted-by: cbindgen (https://github.com/anthropics/claude-code)\n', ['claude-code:unknown']],
  ['fix: a change\n\nGenerated-by: gperf and FooAgent\n', ['unknown:unknown']],
  ['fix: a change\n\nAssisted-by: GNU\n', ['unknown:unknown']],
];

describe('tool-only Assisted-by and Generated-by lines', () => {
  it('log reads the tools as no AI and every AI value as before', () => {
    expectLog(HISTORY);
  });

  it('check passes the tool-only commits under unknownModel: deny and refuses the AI ones', () => {
    const repo = makeRepo();
    const base = repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n  unknownModel: deny\n' });
    const shas = HISTORY.map(([message], index) => repo.commit(message, { [`f${index}.txt`]: `${index}\n` }, HUMAN));
    const { code, json } = checkJson(repo.dir, `${base}..HEAD`);
    expect(code).toBe(1);
    const refused = new Set(json.violations.filter((violation) => violation.severity === 'error').map((violation) => violation.sha));
    expect(shas.slice(0, TOOLS.length).filter((sha) => refused.has(sha))).toEqual([]);
    // Qwen's commit is refused by deny, the unknown-model ones by unknownModel: deny.
    const ai = HISTORY.slice(TOOLS.length).map(([, expected]) => expected);
    const expectRefused = shas.slice(TOOLS.length).filter((_, index) => ai[index]!.some((a) => a.endsWith(':unknown') || a.includes('qwen/')));
    expect(expectRefused.every((sha) => refused.has(sha))).toBe(true);
  });
});
