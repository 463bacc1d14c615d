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

/** Family words, longest first so `codellama` wins over `llama`, `chatgpt` over `gpt`. */
export const FAMILIES: readonly Family[] = Object.entries(vendors)
  .flatMap(([vendor, entry]) => entry.families.map((word) => ({ word, vendor })))
  .sort((a, b) => b.word.length - a.word.length);

/** Ways of writing a vendor (`xai`, `zhipu`, `deepseek-ai`) → canonical vendor. */
export const VENDOR_NAMES: ReadonlyMap<string, string> = new Map(
  Object.entries(vendors).flatMap(([vendor, entry]) => [vendor, ...entry.names].map((name) => [name, vendor] as const)),
);

/** Routing prefixes of LiteLLM, OpenRouter, clouds and local runners (`vertex_ai`, `ollama`). */
export const ROUTERS: ReadonlySet<string> = new Set(data.routers);

/** Agent and product names that are not models (`claude-code`, `cursor`), normalised. */
export const AGENTS: readonly string[] = data.agents;

/** Catalogued ids with no version that a vendor points at its newest model of a line (`deepseek/deepseek-chat`): the models it has been, and a later one's id. */
export const FLOATING: ReadonlyMap<string, { members: readonly string[]; later: string }> = new Map(
  Object.entries(data.floating as Record<string, unknown>).filter((entry): entry is [string, { members: string[]; later: string }] => entry[0] !== '$comment'),
);

/** Built-in models: canonical id → aliases, as written in the data file. */
export const MODEL_ALIASES: Readonly<Record<string, readonly string[]>> = data.models;

/** Short names per agent (`any` = every agent): `opus` → `anthropic/claude-opus`. Keys as written (lowercase slugs). */
export const SHORT_NAMES: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map(
  Object.entries(data.shortNames as Record<string, unknown>)
    .filter((entry): entry is [string, Record<string, string>] => entry[0] !== '$comment')
    .map(([agent, names]) => [agent, new Map(Object.entries(names))] as const),
);
