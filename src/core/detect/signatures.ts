import data from '../data/signatures.json' with { type: 'json' };
import FAST_PATH_TEXTS from '../data/fast-path-texts.generated.json' with { type: 'json' };
import INDEX from '../data/signature-index.generated.json' with { type: 'json' };
import { signatureRegExp } from './pattern-flags.js';

/** A signature's regular expression (without case, Unicode): compiled when first run. */
export type SignaturePattern = Pick<RegExp, 'test' | 'exec'>;

/** The built-in signatures (src/core/data/signatures.json), set up once on first use. */
export interface IdentitySignature {
  agent: string;
  name?: SignaturePattern;
  email?: SignaturePattern;
  defaultModel?: string;
  /** True when the entry only ever describes the commit author (aider's `Name (aider)`). */
  authorOnly: boolean;
  /** True when the entry only ever describes a co-author line (Amp's `Amp <amp@ampcode.com>`: as the commit author, its vendor's release automation). */
  coAuthorOnly: boolean;
}

export interface LineSignature {
  agent: string;
  pattern: SignaturePattern;
  /**
   * Texts (lower case) one of which every match holds (generated: src/install/fast-path-signals.ts
   * lineTexts()), or undefined when none could be read off the pattern. mayMatchLine() reads them.
   */
  texts?: readonly string[];
  /** Every text is ASCII (mayMatchLine then also checks lines outside ASCII). */
  asciiTexts?: boolean;
  /**
   * More sets of texts (lower case, ASCII), one text of each of which every match holds too
   * (generated: fast-path-signals.ts lineAlsoTexts(): Qwen Code's footer needs `qwen code` beside
   * `generated with `, which Claude Code's footer holds). mayMatchLine() reads them.
   */
  alsoTexts?: readonly (readonly string[])[];
  /** A body line's: the line before it (blank lines skipped) must match this too. */
  after?: SignaturePattern;
  defaultModel?: string;
}

export interface EnvSignature {
  agent: string;
  /** Variable and the pattern its value must match; no pattern matches an unset or empty variable (a unit test holds it). */
  when: [string, SignaturePattern][];
  /** Variables that void the marker when they match (OpenCode's `OPENCODE=1` inside Kilo CLI, which sets `KILO=1`). */
  unless?: [string, SignaturePattern][];
  modelVars: string[];
  defaultModel?: string;
}

/** Model variables an agent reads beside its marker's own (signatures.json `envModels`). */
export interface EnvModels {
  /** Alias (lower case) → the variables that map it, the first set wins. */
  aliases: Record<string, string[]>;
  /** Alias → the aliases it may stand for. */
  groups: Record<string, string[]>;
  /** The alias in use when no model variable is set. */
  unset?: string;
  /** Variables naming more models the agent writes code with. */
  also: string[];
  /** The variables naming the API the agent calls (first set wins), and the vendor whose model names it sends (`*`: any vendor's). */
  endpoint?: { vars: string[]; vendor: string };
  /** The model the agent sends its own provider in place of its model variable's: the first set of `vars`, read only while a variable of `with` is set (recorded beside). */
  wire?: { vars: string[]; with: string[] };
}

export interface Signatures {
  /** Lower-cased agent name or alias → slug. */
  agentNames: Map<string, string>;
  /** Co-author lines agents write on every commit, naming no model (read at build time: co-author-lines.generated.json). */
  coAuthorLines: readonly string[];
  /** The first word of every agent name (`claude` of `claude code`): where a scan may find an agent. */
  agentFirstWords: Set<string>;
  /** Agent and model words that are also people's first names (`Claude`, `Devin`): not an agent on a person's co-author line. */
  personNames: Set<string>;
  /**
   * Agent slug → the model it is read with when named without one (`Assisted-by: Qwen-Coder`): the
   * `defaultModel` its own signatures give (Qwen Code's co-author line, footer and marker: `qwen/unknown`),
   * for an agent whose signatures name one and no other.
   */
  agentModels: ReadonlyMap<string, string>;
  /** A vendor or family word written without a model (`Qwen`) → the vendor, read as `vendor/unknown`. */
  vendorWords: Map<string, string>;
  /** Tools a declared value may list that are not AI (`coccinelle`, `protoc`). */
  nonAiTools: Set<string>;
  identities: IdentitySignature[];
  /** Renovate's and Dependabot's accounts: their commits are read only by their trailer block. */
  dependencyBots: { name?: SignaturePattern; email?: SignaturePattern }[];
  subjects: LineSignature[];
  bodyLines: LineSignature[];
  declaredKeys: Set<string>;
  /** Keys that say yes or no, then maybe what (`AI-Assisted: yes (Claude)`, `AI-Assisted: no`). */
  declaredFlagKeys: Set<string>;
  modelKeys: Set<string>;
  /** Keys read for the model they name only beside another trailer that names AI (`Model:` under an agent's co-author line). */
  companionModels: Set<string>;
  agentKeys: Set<string>;
  madeWithKeys: Set<string>;
  coAuthorKeys: Set<string>;
  env: EnvSignature[];
  /** Agent slug → its model variables beyond the marker's own. */
  envModels: ReadonlyMap<string, EnvModels>;
  /** A vendor's own API host → the vendor. */
  endpoints: ReadonlyMap<string, string>;
  genericAgentVars: string[];
  /** A generic agent variable's value → the agent it names when it is no agent name (Kimi CLI's `AI_AGENT=kimi`). */
  genericAgentValues: ReadonlyMap<string, string>;
  explicit: { modelVar: string; agentVar: string };
}

let compiled: Signatures | undefined;

/**
 * Compiled on first use: a run reads few of the ~150 expressions (identities and lines are checked
 * for their texts first, a marker's variable for being set), and parsing them all cost a hook ~1.5 ms.
 */
class LazyPattern implements SignaturePattern {
  #compiled: RegExp | undefined;
  constructor(readonly source: string) {}
  #regex(): RegExp {
    this.#compiled ??= signatureRegExp(this.source);
    return this.#compiled;
  }
  test(text: string): boolean {
    return this.#regex().test(text);
  }
  exec(text: string): RegExpExecArray | null {
    return this.#regex().exec(text);
  }
}

const regex = (source: string): SignaturePattern => new LazyPattern(source);

/** Signatures.agentModels: each agent's one `defaultModel` over its identities, lines and markers (none when two differ), and the agents signatures.json's `agentModels` names as one vendor's alone (row 944). */
function agentModels(): ReadonlyMap<string, string> {
  const found = new Map<string, Set<string>>();
  for (const entry of [...data.identities, ...data.subjects, ...data.bodyLines, ...data.env] as { agent: string; defaultModel?: string }[]) {
    if (entry.defaultModel && entry.agent !== 'unknown') found.set(entry.agent, (found.get(entry.agent) ?? new Set()).add(entry.defaultModel));
  }
  const own = Object.entries(data.agentModels).filter(([agent]) => agent !== '$comment');
  return new Map([...[...found].filter(([, models]) => models.size === 1).map(([agent, models]): [string, string] => [agent, [...models][0]!]), ...own]);
}
const lowerSet = (keys: string[]) => new Set(keys.map((key) => key.toLowerCase()));
const LINE_TEXTS: Readonly<Record<string, readonly string[]>> = FAST_PATH_TEXTS.lines;
const LINE_ALSO_TEXTS: Readonly<Record<string, readonly (readonly string[])[]>> = FAST_PATH_TEXTS.lineAlso;

function line(entry: { agent: string; pattern: string; after?: string; defaultModel?: string }): LineSignature {
  const texts = Object.hasOwn(LINE_TEXTS, entry.pattern) ? LINE_TEXTS[entry.pattern] : undefined;
  const asciiTexts = texts?.every((text) => /^[\x00-\x7f]*$/.test(text)) ?? false;
  const alsoTexts = texts && Object.hasOwn(LINE_ALSO_TEXTS, entry.pattern) ? LINE_ALSO_TEXTS[entry.pattern] : undefined;
  return {
    agent: entry.agent,
    pattern: regex(entry.pattern),
    ...(texts ? { texts, asciiTexts } : {}),
    ...(alsoTexts ? { alsoTexts } : {}),
    ...(entry.after ? { after: regex(entry.after) } : {}),
    ...(entry.defaultModel ? { defaultModel: entry.defaultModel } : {}),
  };
}

/**
 * False when `signature` cannot match the line whose lineLower() is `lower`: it holds none of the
 * signature's texts. The expressions read without case, Unicode: a character matches a letter of
 * a text when both fold to the same, and the only characters outside ASCII that fold into ASCII
 * letters are U+212A (K, lower case `k`) and U+017F (ſ, folded `s`), which lineLower() maps. A
 * signature with a text outside ASCII is always run on a line outside ASCII.
 */
export function mayMatchLine(signature: LineSignature, lower: LineLower): boolean {
  if (signature.texts === undefined || (!lower.ascii && !signature.asciiTexts)) return true;
  return signature.texts.some((text) => lower.text.includes(text)) && (signature.alsoTexts ?? []).every((texts) => texts.some((text) => lower.text.includes(text)));
}

export interface LineLower {
  text: string;
  /** The line was printable ASCII. */
  ascii: boolean;
}

/** What mayMatchLine() takes for a line: its lower case, ſ read as s. */
export function lineLower(text: string): LineLower {
  const ascii = /^[\x20-\x7e]*$/.test(text);
  return { text: ascii ? text.toLowerCase() : text.toLowerCase().replaceAll('\u017f', 's'), ascii };
}

/**
 * Every agent name and alias (lower case) with its slug, and the first word of each: generated into
 * signature-index.generated.json (npm run build:shims) so that a hook builds two maps natively
 * instead of walking ~150 names (~0.5 ms); test/unit/shims-generated.test.ts holds it current.
 */
export function buildSignatureIndex(): { agentNames: [string, string][]; agentFirstWords: string[] } {
  const agentNames = new Map<string, string>();
  for (const [slug, names] of Object.entries(data.agents)) {
    agentNames.set(slug, slug);
    for (const name of names) agentNames.set(name.toLowerCase(), slug);
  }
  return { agentNames: [...agentNames], agentFirstWords: [...new Set([...agentNames.keys()].map((name) => name.split(' ')[0] ?? name))] };
}

export function signatures(): Signatures {
  if (compiled) return compiled;
  // Each field set up when first read (a getter that replaces itself with its value): a hook reads a
  // few of them (an agent's environment: env and genericAgentVars only; a model-naming message: no
  // identities, no nonAiTools), and building every one on the first call cost each such run ~1 ms.
  const lazy = <K extends keyof Signatures>(key: K, make: () => Signatures[K]) => ({
    get(this: Signatures): Signatures[K] {
      const value = make();
      Object.defineProperty(this, key, { value, enumerable: true });
      return value;
    },
    enumerable: true,
    configurable: true,
  });
  compiled = Object.defineProperties({} as Signatures, {
    agentNames: lazy('agentNames', () => new Map(INDEX.agentNames as [string, string][])),
    coAuthorLines: { value: data.coAuthorLines, enumerable: true },
    agentFirstWords: lazy('agentFirstWords', () => new Set(INDEX.agentFirstWords)),
    personNames: lazy('personNames', () => lowerSet(data.personNames)),
    agentModels: lazy('agentModels', agentModels),
    vendorWords: lazy('vendorWords', () => new Map(Object.entries(data.vendorWords))),
    nonAiTools: lazy('nonAiTools', () => lowerSet(data.nonAiTools)),
    // A person's name and address never get that far (identity.ts checks their texts first).
    identities: lazy('identities', () =>
      data.identities.map((entry) => ({
        agent: entry.agent,
        ...(entry.name ? { name: regex(entry.name) } : {}),
        ...(entry.email ? { email: regex(entry.email) } : {}),
        ...('defaultModel' in entry && entry.defaultModel ? { defaultModel: entry.defaultModel } : {}),
        authorOnly: 'only' in entry && entry.only === 'author',
        coAuthorOnly: 'only' in entry && entry.only === 'co-author',
      })),
    ),
    dependencyBots: lazy('dependencyBots', () =>
      data.dependencyBots.map((entry) => ({
        ...('name' in entry && entry.name ? { name: regex(entry.name) } : {}),
        ...('email' in entry && entry.email ? { email: regex(entry.email) } : {}),
      })),
    ),
    subjects: lazy('subjects', () => data.subjects.map(line)),
    bodyLines: lazy('bodyLines', () => data.bodyLines.map(line)),
    declaredKeys: lazy('declaredKeys', () => lowerSet(data.declaredKeys)),
    declaredFlagKeys: lazy('declaredFlagKeys', () => lowerSet(data.declaredFlagKeys)),
    modelKeys: lazy('modelKeys', () => lowerSet(data.modelKeys)),
    companionModels: lazy('companionModels', () => lowerSet(data.companionModels)),
    agentKeys: lazy('agentKeys', () => lowerSet(data.agentKeys)),
    madeWithKeys: lazy('madeWithKeys', () => lowerSet(data.madeWithKeys)),
    coAuthorKeys: lazy('coAuthorKeys', () => lowerSet(data.coAuthorKeys)),
    env: lazy('env', () =>
      data.env.map((entry) => ({
        agent: entry.agent,
        when: Object.entries(entry.when).map(([name, pattern]) => [name, regex(pattern)] as [string, SignaturePattern]),
        ...('unless' in entry && entry.unless ? { unless: Object.entries(entry.unless as Record<string, string | undefined>).flatMap(([name, pattern]) => (pattern === undefined ? [] : [[name, regex(pattern)] as [string, SignaturePattern]])) } : {}),
        modelVars: entry.modelVars,
        ...('defaultModel' in entry && entry.defaultModel ? { defaultModel: entry.defaultModel } : {}),
      })),
    ),
    envModels: lazy(
      'envModels',
      () =>
        new Map(
          Object.entries(data.envModels)
            .filter(([agent]) => agent !== '$comment')
            .map(([agent, entry]) => [agent, { aliases: {}, groups: {}, also: [], ...(entry as Partial<EnvModels>) }]),
        ),
    ),
    endpoints: lazy('endpoints', () => new Map(Object.entries(data.endpoints).filter(([host]) => host !== '$comment'))),
    genericAgentVars: { value: data.genericAgentVars, enumerable: true },
    genericAgentValues: lazy('genericAgentValues', () => new Map(Object.entries(data.genericAgentValues).filter(([value]) => value !== '$comment'))),
    explicit: { value: data.explicit, enumerable: true },
  });
  return compiled;
}
