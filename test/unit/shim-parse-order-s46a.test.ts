// A person's commit and amend: what the shims make dash parse and try before the fast path ends them (session 46).
// 1. prepare-commit-msg defines aitrail_plain and aitrail_folded (a rebase fixup or squash step's test: ~11 KB of
//    patterns) after the fast path's exit, so a commit the fast path ends never parses them (dash reads a script a
//    command at a time); the fold step's decision is still taken, a few lines later (the fold integration tests).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const hook = (name: string) => readFileSync(new URL(`../../hooks/${name}`, import.meta.url), 'utf8');

describe("prepare-commit-msg: a fold step's functions come after the fast path's exit", () => {
  const body = hook('prepare-commit-msg');
  const exit = body.indexOf('aitrail_quiet "$1" && aitrail_fresh && aitrail_prepared "$1" "${2-}"; then exit 0; fi');

  it('the fast path ends the hook before aitrail_plain and aitrail_folded are defined', () => {
    expect(exit).toBeGreaterThan(0);
    for (const name of ['aitrail_plain() {', 'aitrail_folded() {']) {
      expect(body.indexOf(name)).toBeGreaterThan(exit);
      expect(body.indexOf(name)).toBe(body.lastIndexOf(name));
    }
  });

  it('the fold step is marked before the fast path (which it keeps from ending the hook) and decided after it', () => {
    expect(body.indexOf('aitrail_fold=2')).toBeGreaterThan(0);
    expect(body.indexOf('aitrail_fold=2')).toBeLessThan(exit);
    expect(body.slice(exit)).toMatch(/if \[ "\$aitrail_fold" = 2 \]; then\n[\s\S]*if aitrail_folded; then exit 0; fi\n[\s\S]*aitrail_fold=1\nfi\n/);
  });
});
