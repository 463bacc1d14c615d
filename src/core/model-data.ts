// The model catalog data (src/core/data/models.json), typed and indexed. No rules live here;
// see catalog.ts for the format and model-name.ts for how names are normalised.
import data from './data/models.json' with { type: 'json' };

export interface Family {
  /** Leading word of a model name: `claude`, `gpt`, `o3`, `qwen`. */
  word: string;
  /** Canonical vendor: `anthropic`. */
  vendor: string;
}

interface VendorEntry {
  families: string[];
  names: string[];
}

const vendors = data.vendors as Record<string, VendorEntry>;

/** Every canonical vendor, e.g. `anthropic`, `meta-llama`, `z-ai`. */
export const VENDORS: readonly string[] = Object.keys(vendors);

// The tables below are built with plain loops, not flatMap/spread/Object.entries chains: those made
// ~60 KB of short-lived arrays at load, in every process (every commit hook), a third of what tipped
// a model-named hook into a young-generation garbage collection that `node -e 0` never pays (row 1223).

/** Family words, longest first so `codellama` wins over `llama`, `chatgpt` over `gpt`. */
export const FAMILIES: readonly Family[] = familiesOf(vendors);

/** Ways of writing a vendor (`xai`, `zhipu`, `deepseek-ai`) → canonical vendor. */
export const VENDOR_NAMES: ReadonlyMap<string, string> = vendorNamesOf(vendors);

function familiesOf(table: Record<string, VendorEntry>): Family[] {
  const families: Family[] = [];
  for (const vendor in table) {
    for (const word of table[vendor]!.families) families.push({ word, vendor });
  }
  // Array.prototype.sort is stable: equal lengths keep the data file's order, as before.
  return families.sort((a, b) => b.word.length - a.word.length);
}

function vendorNamesOf(table: Record<string, VendorEntry>): Map<string, string> {
  const names = new Map<string, string>();
  for (const vendor in table) {
    names.set(vendor, vendor);
    for (const name of table[vendor]!.names) names.set(name, vendor);
  }
  return names;
}

/** Routing prefixes of LiteLLM, OpenRouter, clouds and local runners (`vertex_ai`, `ollama`). */
export const ROUTERS: ReadonlySet<string> = new Set(data.routers);

/** Agent and product names that are not models (`claude-code`, `cursor`), normalised. */
export const AGENTS: readonly string[] = data.agents;

/** Catalogued ids with no version that a vendor points at its newest model of a line (`deepseek/deepseek-chat`): the models it has been, and a later one's id. */
export const FLOATING: ReadonlyMap<string, { members: readonly string[]; later: string }> = entriesWithoutComment(data.floating as unknown as Record<string, { members: string[]; later: string }>, (entry) => entry);

/** The entries of a data file's table but its `$comment`, each mapped by `value`. */
function entriesWithoutComment<T, U>(table: Record<string, T>, value: (entry: T) => U): Map<string, U> {
  const out = new Map<string, U>();
  for (const key in table) if (key !== '$comment') out.set(key, value(table[key]!));
  return out;
}

/** Built-in models: canonical id → aliases, as written in the data file. */
export const MODEL_ALIASES: Readonly<Record<string, readonly string[]>> = data.models;

/** Short names per agent (`any` = every agent): `opus` → `anthropic/claude-opus`. Keys as written (lowercase slugs). */
export const SHORT_NAMES: ReadonlyMap<string, ReadonlyMap<string, string>> = entriesWithoutComment(data.shortNames as unknown as Record<string, Record<string, string>>, (names) =>
  entriesWithoutComment(names, (id) => id),
);
