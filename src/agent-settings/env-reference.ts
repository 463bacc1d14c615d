import { canonicalModel, knownVendors, modelVendor } from '../core/catalog.js';

/**
 * A variable's value when it names a model of a vendor the catalog knows, else nothing: the
 * environment is not only the person's (aider loads a repository's `.env` into it), and a
 * repository's settings file may name any variable (`"model": "qwen/{env:GITHUB_TOKEN}"`), so a
 * reference must never write a secret into a commit's trailer (rows 76, 84, 337).
 */
export function namesModel(value: string, agent: string): string {
  const vendor = modelVendor(canonicalModel(value, {}, { agent, isModel: true }) ?? '');
  return vendor !== null && knownVendors().includes(vendor) ? value : '';
}

/**
 * `$NAME` and `${NAME}` in a settings string, as Gemini CLI (and its fork Qwen Code) resolve them
 * when they load each settings file (gemini-cli `packages/cli/src/utils/envVarResolver.ts`, one
 * pass, no shell, no recursion into the value): a set variable is its value, an unset one stays as
 * written. From the hook's environment only, and only a value that names a model (`namesModel`):
 * any other stays the reference as written, which names no model (`unknown`).
 */
export function resolvedReferences(value: string, env: Record<string, string | undefined>, agent: string): string {
  const modelOf = modelsOf(env, agent);
  return closedReplace(value, /\$(?:(\w+)|\{([^}]+)\})/g, /\$(\w+)/g, (reference, bare: string | undefined, braced: string | undefined) => modelOf(bare ?? braced ?? '') ?? reference);
}

/**
 * The variables of `env` that name a model (`namesModel`), trimmed unless `trim` is false, each
 * looked up once: a repository's settings value may repeat `$HOME` two hundred thousand times.
 */
export function modelsOf(env: Record<string, string | undefined>, agent: string, trim = true): (name: string) => string | undefined {
  const known = new Map<string, string | undefined>();
  return (name) => {
    if (!known.has(name)) {
      const value = Object.hasOwn(env, name) ? env[name] : undefined;
      const named = trim ? value?.trim() : value;
      known.set(name, named && namesModel(named, agent) ? named : undefined);
    }
    return known.get(name);
  };
}

/**
 * `text.replace(pattern, replace)` for a pattern whose references end at the first `}` after them
 * (`\{([^}]+)\}`), in linear time: after the last `}` none can end, and there only `open` (the
 * references needing no `}`, or none) is looked for. From each `${` with no `}` after it the regex
 * scanned to the text's end and failed: a megabyte of `${` took minutes.
 */
export function closedReplace(text: string, pattern: RegExp, open: RegExp | null, replace: (match: string, ...groups: (string | undefined)[]) => string): string {
  const end = text.lastIndexOf('}') + 1;
  const tail = text.slice(end);
  return text.slice(0, end).replace(pattern, replace) + (open ? tail.replace(open, replace) : tail);
}
