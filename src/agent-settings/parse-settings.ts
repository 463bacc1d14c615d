/** Settings files parsed as data only (never code), each parser tolerant of nothing but its own format. */

/** Deep enough for any agent's settings; deeper is no settings file. */
const MAX_DEPTH = 64;

/**
 * JSON with comments and trailing commas (JSONC: OpenCode's opencode.jsonc, VS Code-style files):
 * comments outside strings become a space, a comma before `}` or `]` is dropped. Linear time, and
 * the text is copied in runs (a megabyte of `]`, one at a time, took 200 ms).
 */
export function stripJsonComments(text: string): string {
  const out: string[] = [];
  let start = 0; // the first character not yet copied
  // The comma no character but space or a comment follows yet: where it is in the text (not yet copied), or in `out`.
  let commaAt = -1;
  let commaOut = -1;
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === 0x22) {
      let end = index + 1;
      while (end < text.length && text.charCodeAt(end) !== 0x22) end += text.charCodeAt(end) === 0x5c ? 2 : 1;
      commaAt = commaOut = -1;
      index = end + 1;
    } else if (code === 0x2f && (text.charCodeAt(index + 1) === 0x2f || text.charCodeAt(index + 1) === 0x2a)) {
      if (commaAt >= 0) {
        out.push(text.slice(start, commaAt), ',');
        commaOut = out.length - 1;
        start = commaAt + 1;
        commaAt = -1;
      }
      const line = text.charCodeAt(index + 1) === 0x2f;
      const end = line ? text.indexOf('\n', index) : text.indexOf('*/', index + 2);
      out.push(text.slice(start, index), ' ');
      start = index = end < 0 ? text.length : line ? end : end + 2;
    } else {
      if (code === 0x2c) {
        commaAt = index;
        commaOut = -1;
      } else if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) {
        if (code === 0x7d || code === 0x5d) {
          if (commaAt >= 0) {
            out.push(text.slice(start, commaAt));
            start = commaAt + 1;
          } else if (commaOut >= 0) out[commaOut] = '';
        }
        commaAt = commaOut = -1;
      }
      index += 1;
    }
  }
  out.push(text.slice(start));
  return out.join('');
}

/**
 * JSON text with each array or object nested deeper than {@link MAX_DEPTH} (strings skipped) put as
 * `0`, to its matching bracket (or the end): a settings file never nests so deep, and JSON.parse takes
 * half a second on a megabyte of `[` (a committed file read by every agent commit, several times
 * over); but the agent's own JSON.parse reads such a file whole, its top-level `model` too, so it is
 * read here without what lies too deep (`{"model": "x", "pad": [[[…]]]}` names `x`). Linear, copied in runs.
 */
export function shallowJson(text: string): string {
  let depth = 0;
  let out: string[] | null = null;
  let copied = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x22) {
      // A string: to its closing quote, escapes skipped.
      for (index += 1; index < text.length && text.charCodeAt(index) !== 0x22; index += 1) if (text.charCodeAt(index) === 0x5c) index += 1;
    } else if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > MAX_DEPTH) {
        // To the bracket closing this one: what it holds is put as `0`.
        const start = index;
        let inner = 1;
        for (index += 1; index < text.length && inner > 0; index += 1) {
          const next = text.charCodeAt(index);
          if (next === 0x22) {
            for (index += 1; index < text.length && text.charCodeAt(index) !== 0x22; index += 1) if (text.charCodeAt(index) === 0x5c) index += 1;
          } else if (next === 0x5b || next === 0x7b) inner += 1;
          else if (next === 0x5d || next === 0x7d) inner -= 1;
        }
        (out ??= []).push(text.slice(copied, start), '0');
        copied = index;
        index -= 1;
        depth -= 1;
      }
    } else if (code === 0x5d || code === 0x7d) {
      depth -= 1;
    }
  }
  if (out === null) return text;
  out.push(text.slice(copied));
  return out.join('');
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Strict JSON text → its data, or undefined: Claude Code's settings, a file it skips whole when it
 * is not JSON (a comment, a trailing comma), so a repository's such file names no model here either;
 * what nests deeper than any settings file is read as `0` ({@link shallowJson}).
 */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(shallowJson(withoutBom(text)));
  } catch {
    return undefined;
  }
}

/** JSON or JSONC text → its data, or undefined when it is neither (what nests deeper than a settings file read as `0`: {@link shallowJson}). */
export function parseJsonc(text: string): unknown {
  const json = shallowJson(stripJsonComments(withoutBom(text)));
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/** TOML (Codex's config.toml) → its data, or undefined; smol-toml, loaded only when a Codex commit reads one. */
export async function parseToml(text: string): Promise<unknown> {
  const { parse } = await import('smol-toml');
  try {
    return parse(withoutBom(text), { maxDepth: MAX_DEPTH });
  } catch {
    return undefined;
  }
}

/**
 * YAML (aider's .aider.conf.yml) → its data, or undefined: js-yaml's safe load, data only, with the
 * types PyYAML's SafeLoader (aider's, through configargparse) reads besides the core schema's
 * (`!!binary`, `!!set`, `!!timestamp`…: a file holding one is still aider's). Merge keys (`<<`) stay
 * keys: {@link yamlStringAt} reads them without copying (a file of merges would copy without bound).
 */
export async function parseYaml(text: string): Promise<unknown> {
  const yaml = await import('js-yaml');
  // Their values are never read: each is kept as written.
  const kept = ([['scalar', 'binary'], ['scalar', 'timestamp'], ['mapping', 'set'], ['sequence', 'omap'], ['sequence', 'pairs']] as const).map(
    ([kind, tag]) => new yaml.Type(`tag:yaml.org,2002:${tag}`, { kind, construct: (data: unknown) => data }),
  );
  try {
    return yaml.load(withoutBom(text), { schema: yaml.CORE_SCHEMA.extend(kept), json: true });
  } catch {
    return undefined;
  }
}

/**
 * The string at `key` of a YAML mapping as PyYAML reads it: its own key, else the `<<` merge's
 * (a mapping, or the first of a list of mappings having it), merges within merges too. Each mapping's
 * answer is kept (aliases share them: a fan of merges of merges is not walked exponentially).
 */
export function yamlStringAt(data: unknown, key: string): string | undefined {
  const found = yamlEntry(data, key, new Set());
  return found && stringAt(found, 'value');
}

/**
 * The value at `key` of a YAML mapping as PyYAML's `safe_load` gives it, merges read as {@link yamlStringAt} reads
 * them (aider's `.aider.model.settings.yml` entries and their `extra_params`: row 924), or undefined.
 */
export function yamlValueAt(data: unknown, key: string): unknown {
  return yamlEntry(data, key, new Set())?.value;
}

/** What a mapping's `key` resolved to, merges read, once per mapping and key (aliases share mappings). */
const yamlResolved = new WeakMap<object, Map<string, { value: unknown } | undefined>>();

/**
 * `{ value }` when the mapping `data` holds `key`, its own or through its `<<` merges, else undefined. Each mapping's
 * answer is kept ({@link yamlResolved}), so a file of entries each merging the end of a chain of 4,096 merges is read
 * in linear time (before, 71,000 such entries in a megabyte took 103 s); a merge back into a mapping being read (which
 * PyYAML cannot load) or deeper than 4,096 merges is read as not holding the key.
 */
function yamlEntry(data: unknown, key: string, active: Set<object>): { value: unknown } | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data) || active.has(data) || active.size > 4096) return undefined;
  const kept = yamlResolved.get(data);
  if (kept?.has(key)) return kept.get(key);
  let found: { value: unknown } | undefined;
  if (Object.hasOwn(data, key)) found = { value: (data as Record<string, unknown>)[key] };
  else if (Object.hasOwn(data, '<<')) {
    active.add(data);
    const merged = (data as Record<string, unknown>)['<<'];
    for (const source of Array.isArray(merged) ? merged : [merged]) if ((found = yamlEntry(source, key, active)) !== undefined) break;
    active.delete(data);
  }
  if (kept) kept.set(key, found);
  else yamlResolved.set(data, new Map([[key, found]]));
  return found;
}

/** The value at `keys` when it is a non-empty string (own keys only: `__proto__` is a key like any other). */
export function stringAt(data: unknown, ...keys: string[]): string | undefined {
  const value = valueAt(data, ...keys);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The value at `keys` (own properties of objects, not arrays), or undefined. */
export function valueAt(data: unknown, ...keys: string[]): unknown {
  let value = data;
  for (const key of keys) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
