import { FAMILIES, ROUTERS, VENDOR_NAMES } from '../core/model-data.js';
import { isAgentName } from '../core/model-name.js';
import { literalModelId } from '../core/policy/glob-matcher.js';
import type { ConfigProblem } from './config-error.js';
import { quote } from './config-error.js';

/**
 * Why a model glob can match no model id, or null. Ids are `vendor/model` in `[a-z0-9._-]`, one `/`,
 * the vendor that made the model (never where it ran: `openrouter/qwen/qwen3-coder:free` is
 * `qwen/qwen3-coder`). A glob with an empty segment (`qwen/`, `/qwen/*`, `qwen//*`), a router or
 * runner for its vendor (`openrouter/*`, `ollama/*`, `bedrock/anthropic/*`), more than one `/`, or a
 * `:`, `@`, `+` or `,` outside a class or brace list (`qwen/*:free`, `qwen/*,deepseek/*`) matched
 * nothing: a deny denied nothing and an allow refused every model, without a word; so did an
 * agent's name alone (`claude-code`, `copilot`: ids name models, not the agents that ran them). A glob without
 * glob characters that names a model otherwise than its id (`anthropic/claude-opus-4-6`,
 * `qwen/qwen3-coder:free`) is read as that model (glob-matcher.ts literalModelId).
 */
export function deadModelGlobReason(glob: string): string | null {
  const body = glob.replace(/^!+/, '');
  const segments = body.split('/');
  const first = segments[0]!.toLowerCase();
  if (segments.length === 1 && /^[a-z0-9._-]+$/.test(first) && isAgentName(first) && !VENDOR_NAMES.has(first) && !FAMILIES.some((family) => family.word === first)) {
    return `an agent's name, ${quote(first)}, which no model id holds (allow and deny name models: write the models that agent may not use, such as "qwen/*")`;
  }
  if (segments.length > 1 && ROUTERS.has(first) && !VENDOR_NAMES.has(first)) return `${quote(first)} for a vendor, which is where a model runs, not who made it (ids name the maker: write "qwen/*", not "openrouter/qwen/*")`;
  if (segments.some((segment) => segment === '')) return 'an empty segment (a model id is vendor/model: write "qwen/*" for every Qwen model, or "qwen")';
  if (literalModelId(body) !== null) return null;
  const outside = body.replace(/\[[^\]]*\]|\{[^}]*\}/g, '');
  const stray = /[:@+,]/.exec(outside);
  if (outside.split('/').length > 2 && stray?.[0] !== ',') return 'more than one "/" (a model id is vendor/model, with one "/")';
  if (stray) return `${quote(stray[0])} outside a class or brace list, which no model id holds (ids are letters, digits, . _ - and one /${stray[0] === ',' ? '; write each glob as its own item' : '; the route\'s variant such as :free is not recorded'})`;
  return null;
}

/**
 * A brace range picomatch reads otherwise than written, or null (row 886): it reads `{a..b}` of one character each side
 * as the class `[a-b]`, but `{15..19}` as the text `15..19` with each `.` any character (it matches `15.119`, not Opus 15-19),
 * `{4..16}` as `16..4`, `{1..5..2}` and `{4..6,x}` as garbled classes: a deny of Opus 15 to 19 denied none of them, an
 * allow refused them, without a word. The same for a file glob (`files`, `blame.include`/`exclude`; check-file-globs.ts): a path
 * rule `src/v{10..12}/**` protected none of `src/v10`-`src/v12`, a blame exclude left them in.
 */
export function misreadRangeReason(glob: string): string | null {
  // An escaped character (`src/\{15..19\}/**`: a folder so named) and a class are characters of a name, not a brace;
  // each is blanked to its own length, so a brace found is quoted as written.
  const braces = glob.replace(/\\[\s\S]/g, '__').replace(/\[[^\]]*\]/g, (klass) => '_'.repeat(klass.length));
  for (const found of braces.matchAll(/\{[^{}]*\}/g)) {
    const brace = glob.slice(found.index, found.index + found[0].length);
    if (found[0].includes('..') && !/^\{[^{}.,]\.\.[^{}.,]\}$/.test(brace)) {
      return `the brace range ${quote(brace)}, which picomatch reads as other text than the range (only one character each side, such as {4..6}, is a range)`;
    }
  }
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Every model glob of a config (`policy.allow`, `policy.deny`, `policy.paths[].allow`, `.deny`)
 * must be able to match a model id (deadModelGlobReason). No I/O; ignores shapes the schema rejects.
 */
export function checkModelGlobs(data: unknown, file: string): ConfigProblem[] {
  if (!isObject(data) || !isObject(data.policy)) return [];
  const { policy } = data;
  const lists: [string, unknown][] = [['/policy/allow', policy.allow], ['/policy/deny', policy.deny]];
  if (Array.isArray(policy.paths)) {
    policy.paths.forEach((rule: unknown, index) => {
      if (isObject(rule)) lists.push([`/policy/paths/${index}/allow`, rule.allow], [`/policy/paths/${index}/deny`, rule.deny]);
    });
  }
  const problems: ConfigProblem[] = [];
  for (const [pointer, globs] of lists) {
    if (!Array.isArray(globs)) continue;
    globs.forEach((glob: unknown, index) => {
      if (typeof glob !== 'string' || glob === '') return;
      const reason = deadModelGlobReason(glob);
      if (reason !== null) problems.push({ file, path: `${pointer}/${index}`, found: `${quote(glob)}, which holds ${reason}`, expected: 'a glob that can match a model id (vendor/model), such as "qwen/*"' });
      const range = reason === null ? misreadRangeReason(glob) : null;
      if (range !== null) problems.push({ file, path: `${pointer}/${index}`, found: `${quote(glob)}, which holds ${range}`, expected: 'a class or a brace list, such as "anthropic/claude-opus-1[5-9]" or "anthropic/claude-opus-{15,16,17,18,19}"' });
    });
  }
  return problems;
}
