import { describe, expect, it } from 'vitest';
import { checkJson } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';
import { aitrail, gitRun, messageOf } from '../helpers/hooks.js';
import { type Case, expectLog } from '../helpers/log-cases.js';

/** A project that keeps Claude's Fable and Mythos tiers out (a preview its licence does not cover). */
const POLICY = 'policy:\n  deny: ["anthropic/claude-fable*", "anthropic/claude-mythos*"]\n  unknownModel: warn\n  undeclared: warn\n';

/**
 * Claude Code's floating alias `fable` (`claude --model fable`, `ANTHROPIC_MODEL=fable`, `fable[1m]`:
 * code.claude.com's model configuration, "the fable alias resolves to Fable 5 … and to Fable 5.2
 * everywhere else") and the tiers named alone in a declaration (`Assisted-by: Cursor:Fable`, a
 * project's file header; `claude-code:mythos`, as SDKs' `:mythos` shorthand writes it) read as no
 * model, as `opus` and `sonnet` never did: a Fable or Mythos commit passed a deny of those tiers
 * with only an unknown-model warning.
 */
const DECLARED: Case[] = [
  ['feat: cache\n\nAssisted-by: Cursor:Fable\n', ['cursor:anthropic/claude-fable']],
  ['feat: cache\n\nAssisted-by: claude-code:fable\n', ['claude-code:anthropic/claude-fable']],
  ['feat: cache\n\nAssisted-by: claude-code:mythos\n', ['claude-code:anthropic/claude-mythos']],
  ['feat: cache\n\nAssisted-by: Cursor:Fable（G37 W5 license_gaps）\n', ['cursor:anthropic/claude-fable']],
  // Another thing named Fable (the F# compiler) followed by ordinary words stays no model, as `Opus codec` does.
  ['chore: regenerate the bindings\n\nGenerated-by: Fable compiler\n', ['unknown:unknown']],
];

function hooked(config: string) {
  const repo = makeRepo();
  repo.commit('initial\n', { '.aitrailrc.yml': config });
  expect(aitrail(repo.dir, ['init', '--mode', 'git']).status).toBe(0);
  return repo;
}

describe("Claude's Fable and Mythos tiers named alone", () => {
  it('log reads a declared Fable or Mythos as that tier of Claude', () => {
    expectLog(DECLARED);
  });

  it('Claude Code with ANTHROPIC_MODEL=fable (or fable[1m]) records and is refused as Claude Fable', () => {
    for (const model of ['fable', 'fable[1m]']) {
      const repo = hooked(POLICY);
      const commit = gitRun(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'With the alias'], { CLAUDECODE: '1', ANTHROPIC_MODEL: model });
      expect(commit.status, commit.stderr).not.toBe(0);
      expect(commit.stderr).toMatch(/anthropic\/claude-fable/);
      const open = hooked('policy:\n  unknownModel: deny\n');
      const recorded = gitRun(open.dir, ['commit', '-q', '--allow-empty', '-m', 'With the alias'], { CLAUDECODE: '1', ANTHROPIC_MODEL: model });
      expect(recorded.status, recorded.stderr).toBe(0);
      expect(messageOf(open.dir)).toBe('With the alias\n\nAssisted-by: claude-code:anthropic/claude-fable\n');
    }
  });

  it('check refuses the declared tiers under the deny', () => {
    const repo = makeRepo();
    const base = repo.commit('chore: policy\n', { '.aitrailrc.yml': POLICY });
    const shas = DECLARED.slice(0, 4).map(([message], index) => repo.commit(message, { [`f${index}.txt`]: `${index}\n` }));
    const { code, json } = checkJson(repo.dir, `${base}..HEAD`);
    expect(code).toBe(1);
    expect([...new Set(json.violations.map((violation) => violation.sha))].sort()).toEqual([...shas].sort());
  });
});
