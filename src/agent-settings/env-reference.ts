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
  return value.replace(/\$(?:(\w+)|\{([^}]+)\})/g, (reference, bare: string | undefined, braced: string | undefined) => {
    const name = bare ?? braced ?? '';
    const named = Object.hasOwn(env, name) ? env[name] : undefined;
    return typeof named === 'string' && namesModel(named.trim(), agent) ? named.trim() : reference;
  });
}
