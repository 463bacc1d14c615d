import type { ConfigProblem } from './config-error.js';
import { escapeText, quote } from './config-error.js';

/** Longest accepted detection pattern (the schema says the same; checked here before compiling). */
export const MAX_PATTERN_LENGTH = 500;

/**
 * Every `detect.rules[i].pattern` must compile as a case-insensitive JavaScript RegExp, and the
 * `$n` group references in its `agent`/`model` must exist in it. Pure; ignores shapes the
 * schema already rejects.
 */
export function checkPatterns(data: unknown, file: string): ConfigProblem[] {
  const rules = (data as { detect?: { rules?: unknown } } | null)?.detect?.rules;
  if (!isObject(data) || !Array.isArray(rules)) return [];
  const problems: ConfigProblem[] = [];
  rules.forEach((rule: unknown, index) => {
    if (!isObject(rule) || typeof rule.pattern !== 'string') return;
    const pattern = rule.pattern;
    if (pattern.length === 0 || pattern.length > MAX_PATTERN_LENGTH) return;
    let groups: number;
    try {
      groups = new RegExp(`${pattern}|`, 'i').exec('')!.length - 1;
    } catch (error) {
      const reason = escapeText(String((error as Error).message).replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '')).slice(0, 120);
      problems.push({ file, path: `/detect/rules/${index}/pattern`, found: quote(pattern), expected: `a valid JavaScript regular expression (${reason})` });
      return;
    }
    for (const field of ['agent', 'model'] as const) {
      const value = rule[field];
      if (typeof value !== 'string') continue;
      for (const match of value.matchAll(/\$([0-9])/g)) {
        const group = Number(match[1]);
        if (group === 0 || group > groups) {
          const have = groups === 1 ? '1 group' : `${groups} groups`;
          const allowed = groups === 0 ? 'no group reference: the pattern has no ( ) group' : groups === 1 ? '$1 only: the pattern has 1 group' : `group references $1…$${groups} only: the pattern has ${have}`;
          problems.push({ file, path: `/detect/rules/${index}/${field}`, found: quote(value), expected: allowed });
          break;
        }
      }
    }
  });
  return problems;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
