/** Settings files parsed as data only (never code), each parser tolerant of nothing but its own format. */

/** Deep enough for any agent's settings; deeper is no settings file. */
const MAX_DEPTH = 64;

/**
 * JSON with comments and trailing commas (JSONC: OpenCode's opencode.jsonc, VS Code-style files):
 * comments outside strings become a space, a comma before `}` or `]` is dropped. Linear time.
 */
export function stripJsonComments(text: string): string {
  const out: string[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '"') {
      let end = index + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      out.push(text.slice(index, end + 1));
      index = end + 1;
    } else if (char === '/' && text[index + 1] === '/') {
      const end = text.indexOf('\n', index);
      index = end < 0 ? text.length : end;
      out.push(' ');
    } else if (char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      index = end < 0 ? text.length : end + 2;
      out.push(' ');
    } else {
      if (char === '}' || char === ']') {
        let back = out.length - 1;
        while (back >= 0 && /^\s*$/.test(out[back]!)) back -= 1;
        if (back >= 0 && out[back] === ',') out[back] = '';
      }
      out.push(char);
      index += 1;
    }
  }
  return out.join('');
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Strict JSON text → its data, or undefined: Claude Code's settings, a file it skips whole when it
 * is not JSON (a comment, a trailing comma), so a repository's such file names no model here either.
 */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(withoutBom(text));
  } catch {
    return undefined;
  }
}

/** JSON or JSONC text → its data, or undefined when it is neither. */
export function parseJsonc(text: string): unknown {
  try {
    return JSON.parse(stripJsonComments(withoutBom(text)));
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
 * (a mapping, or the first of a list of mappings having it), merges within merges too. Each mapping
 * is looked at once (aliases share them: a fan of merges of merges is not walked exponentially).
 */
export function yamlStringAt(data: unknown, key: string, seen = new Set<object>()): string | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data) || seen.has(data) || seen.size > 4096) return undefined;
  seen.add(data);
  if (Object.hasOwn(data, key) || !Object.hasOwn(data, '<<')) return stringAt(data, key);
  const merged = (data as Record<string, unknown>)['<<'];
  for (const source of Array.isArray(merged) ? merged : [merged]) {
    const found = yamlStringAt(source, key, seen);
    if (found !== undefined || (source !== null && typeof source === 'object' && Object.hasOwn(source, key))) return found;
  }
  return undefined;
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
