import data from '../data/signatures.json' with { type: 'json' };

/** The built-in signatures (src/core/data/signatures.json), compiled once on first use. */
export interface IdentitySignature {
  agent: string;
  name?: RegExp;
  email?: RegExp;
  defaultModel?: string;
  /** True when the entry only ever describes the commit author (aider's `Name (aider)`). */
  authorOnly: boolean;
}

export interface LineSignature {
  agent: string;
  pattern: RegExp;
  defaultModel?: string;
}

export interface EnvSignature {
  agent: string;
  when: [string, RegExp][];
  modelVars: string[];
  defaultModel?: string;
}

export interface Signatures {
  /** Lower-cased agent name or alias → slug. */
  agentNames: Map<string, string>;
  /** The first word of every agent name (`claude` of `claude code`): where a scan may find an agent. */
  agentFirstWords: Set<string>;
  /** Agent and model words that are also people's first names (`Claude`, `Devin`): not an agent on a person's co-author line. */
  personNames: Set<string>;
  /** A vendor or family word written without a model (`Qwen`) → the vendor, read as `vendor/unknown`. */
  vendorWords: Map<string, string>;
  /** Tools a declared value may list that are not AI (`coccinelle`, `protoc`). */
  nonAiTools: Set<string>;
  identities: IdentitySignature[];
  subjects: LineSignature[];
  bodyLines: LineSignature[];
  declaredKeys: Set<string>;
  /** Keys that say yes or no, then maybe what (`AI-Assisted: yes (Claude)`, `AI-Assisted: no`). */
  declaredFlagKeys: Set<string>;
  modelKeys: Set<string>;
  agentKeys: Set<string>;
  madeWithKeys: Set<string>;
  coAuthorKeys: Set<string>;
  env: EnvSignature[];
  genericAgentVars: string[];
  explicit: { modelVar: string; agentVar: string };
}

let compiled: Signatures | undefined;

const regex = (source: string) => new RegExp(source, 'iu');
const lowerSet = (keys: string[]) => new Set(keys.map((key) => key.toLowerCase()));

function line(entry: { agent: string; pattern: string; defaultModel?: string }): LineSignature {
  return { agent: entry.agent, pattern: regex(entry.pattern), ...(entry.defaultModel ? { defaultModel: entry.defaultModel } : {}) };
}

export function signatures(): Signatures {
  if (compiled) return compiled;
  const agentNames = new Map<string, string>();
  for (const [slug, names] of Object.entries(data.agents)) {
    agentNames.set(slug, slug);
    for (const name of names) agentNames.set(name.toLowerCase(), slug);
  }
  const agentFirstWords = new Set([...agentNames.keys()].map((name) => name.split(' ')[0] ?? name));
  compiled = {
    agentNames,
    agentFirstWords,
    personNames: lowerSet(data.personNames),
    vendorWords: new Map(Object.entries(data.vendorWords)),
    nonAiTools: lowerSet(data.nonAiTools),
    identities: data.identities.map((entry) => ({
      agent: entry.agent,
      ...(entry.name ? { name: regex(entry.name) } : {}),
      ...(entry.email ? { email: regex(entry.email) } : {}),
      ...('defaultModel' in entry && entry.defaultModel ? { defaultModel: entry.defaultModel } : {}),
      authorOnly: 'only' in entry && entry.only === 'author',
    })),
    subjects: data.subjects.map(line),
    bodyLines: data.bodyLines.map(line),
    declaredKeys: lowerSet(data.declaredKeys),
    declaredFlagKeys: lowerSet(data.declaredFlagKeys),
    modelKeys: lowerSet(data.modelKeys),
    agentKeys: lowerSet(data.agentKeys),
    madeWithKeys: lowerSet(data.madeWithKeys),
    coAuthorKeys: lowerSet(data.coAuthorKeys),
    env: data.env.map((entry) => ({
      agent: entry.agent,
      when: Object.entries(entry.when).map(([name, pattern]) => [name, regex(pattern)] as [string, RegExp]),
      modelVars: entry.modelVars,
      ...('defaultModel' in entry && entry.defaultModel ? { defaultModel: entry.defaultModel } : {}),
    })),
    genericAgentVars: data.genericAgentVars,
    explicit: data.explicit,
  };
  return compiled;
}
