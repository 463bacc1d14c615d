import type { RuleMatcher } from '../core/types.js';
import type { ConfigProblem } from './config-error.js';
import { escapeText, quote } from './config-error.js';
import { compileRulePattern } from './rule-pattern.js';

/** Longest accepted detection pattern (the schema says the same; checked here before compiling). */
export const MAX_PATTERN_LENGTH = 500;

/** Most rules (the schema's `maxItems`; checked here too: rules past it are never compiled). */
export const MAX_RULES = 500;

/**
 * Most instructions all patterns may compile to together: every rule runs on every commit, each
 * character of its text moving up to that many threads. 10,000 keeps a commit's worst case near
 * what 500 one-character rules already cost (about 1 s for 500 × 4,096 characters).
 */
export const MAX_RULES_PROGRAM = 10_000;

/**
 * Every `detect.rules[i].pattern` must compile, case-insensitively, in a linear-time engine
 * (RE2 syntax: no backreferences, no lookaround), so no repository's pattern can hang a command
 * or a hook; the `$n` group references in its `agent`/`model` must exist in it. Each rule that
 * compiles gets its matcher attached (non-enumerable `matcher`: detection runs only that).
 * The engine is loaded only when there are rules. No I/O; ignores shapes the schema already rejects.
 */
export function checkPatterns(data: unknown, file: string): ConfigProblem[] {
  const rules = (data as { detect?: { rules?: unknown } } | null)?.detect?.rules;
  if (!isObject(data) || !Array.isArray(rules)) return [];
  const problems: ConfigProblem[] = [];
  let program = 0;
  rules.slice(0, MAX_RULES).forEach((rule: unknown, index) => {
    if (!isObject(rule) || typeof rule.pattern !== 'string') return;
    const pattern = rule.pattern;
    if (pattern.length === 0 || pattern.length > MAX_PATTERN_LENGTH) return;
    if (program > MAX_RULES_PROGRAM) return; // said once already: no more compiling
    const compiled = compileRulePattern(pattern);
    program += compiled.size ?? 0; // a pattern refused for its size counts too: compiling it was the cost
    if ('unsupported' in compiled) {
      const reason = escapeText(compiled.unsupported).slice(0, 220);
      problems.push({ file, path: `/detect/rules/${index}/pattern`, found: quote(pattern), expected: `a regular expression that runs in linear time (RE2 syntax): ${reason}` });
      return;
    }
    if (program > MAX_RULES_PROGRAM) {
      const expected = `detect.rules together at most ${MAX_RULES_PROGRAM} instructions (the rules up to this one compile to ${program}): fewer or simpler patterns`;
      problems.push({ file, path: `/detect/rules/${index}/pattern`, found: quote(pattern), expected });
      return;
    }
    const { groups } = compiled;
    let referencesOk = true;
    for (const field of ['agent', 'model'] as const) {
      const value = rule[field];
      if (typeof value !== 'string') continue;
      for (const match of value.matchAll(/\$([0-9])/g)) {
        const group = Number(match[1]);
        if (group === 0 || group > groups) {
          const have = groups === 1 ? '1 group' : `${groups} groups`;
          const allowed = groups === 0 ? 'no group reference: the pattern has no ( ) group' : groups === 1 ? '$1 only: the pattern has 1 group' : `group references $1…$${groups} only: the pattern has ${have}`;
          problems.push({ file, path: `/detect/rules/${index}/${field}`, found: quote(value), expected: allowed });
          referencesOk = false;
          break;
        }
      }
    }
    if (referencesOk) attachMatcher(rule, compiled.matcher);
  });
  return problems;
}

function attachMatcher(rule: Record<string, unknown>, matcher: RuleMatcher): void {
  Object.defineProperty(rule, 'matcher', { value: matcher, enumerable: false, configurable: true, writable: false });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
