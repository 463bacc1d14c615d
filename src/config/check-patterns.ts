import type { RuleMatcher } from '../core/types.js';
import type { ConfigProblem } from './config-error.js';
import { escapeText, quote } from './config-error.js';
import { compileRulePattern } from './rule-pattern.js';

/** Longest accepted detection pattern (the schema says the same; checked here before compiling). */
export const MAX_PATTERN_LENGTH = 500;

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
  rules.forEach((rule: unknown, index) => {
    if (!isObject(rule) || typeof rule.pattern !== 'string') return;
    const pattern = rule.pattern;
    if (pattern.length === 0 || pattern.length > MAX_PATTERN_LENGTH) return;
    const compiled = compileRulePattern(pattern);
    if ('unsupported' in compiled) {
      const reason = escapeText(compiled.unsupported).slice(0, 160);
      problems.push({ file, path: `/detect/rules/${index}/pattern`, found: quote(pattern), expected: `a regular expression that runs in linear time (RE2 syntax): ${reason}` });
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
