/** Shared data shapes of the pure core. No I/O lives here. */

/** One trailer as git reads it: key exactly as written (no separator), value unfolded and trimmed. */
export interface Trailer {
  key: string;
  value: string;
}

/** Which signal said a commit is AI-assisted, e.g. `trailer Co-authored-by: Claude Opus 4.6 <noreply@anthropic.com>`. */
export type Evidence = string;

/** One model (and the agent that drove it) that contributed to a commit. */
export interface Attribution {
  /** Agent slug: `claude-code`, `aider`, `cursor`, … or `unknown`. */
  agent: string;
  /** Canonical `vendor/model` id, or `unknown` when the agent is certain but the model is not. */
  model: string;
  /** Every signal that supports this attribution, human-readable. */
  evidence: Evidence[];
  /** True when a declared trailer (ours: `Assisted-by` / configured key) carries it. */
  declared: boolean;
  /**
   * The message holds more declarations than detection reads (its caps on lines, values and
   * lookups): what it read is here, the rest is not known. `check` and the hooks refuse such a
   * commit whatever the policy says (rule `unread-declarations`): a denied model past the caps never passes.
   */
  unread?: true;
  /**
   * An `unknown` model said in so many words (row 894): aitrail's own trailer `<agent>:unknown`, or a reading
   * of the agent's settings that found a gateway or router choosing the model. Never folded into the same
   * agent's named models: a gateway's unknown beside a named lead model is two models, not one.
   */
  stated?: true;
  /**
   * The changed paths this attribution concerns, when narrower than the whole commit: a model
   * known only from a git-ai note wrote lines in these files only. Absent = every changed path.
   */
  paths?: string[];
}

export interface Identity {
  name: string;
  email: string;
}

/** The facts of one commit that detection reads. */
export interface CommitSignals {
  subject: string;
  /** Whole message (subject + body), as stored. */
  message: string;
  trailers: Trailer[];
  author: Identity;
  committer: Identity;
  /**
   * The messages of the signed tags a merge commit's `mergetag` headers embed (`git merge <tag>`),
   * without their signatures (row 920): what the tagger declared of the merged history.
   */
  mergeTags?: readonly string[];
  /**
   * Set when a report did not read the commit whole (row 966): its message past the bound
   * reports read (16 MiB of UTF-8), or a merge's object past it (its `mergetag` headers unread);
   * `most`: that bound as read (AITRAIL_SIZE_CAPS_DIVISOR lowers it: row 1073), 16 MiB when absent.
   * `together` (row 1107): its message large, after the report's large messages reached `most` bytes
   * together (`bytes`, the sum with it).
   */
  tooLarge?: { part: 'message' | 'object' | 'together'; bytes: number; most?: number };
}

/** What `aitrail use` stores under the git directory. */
export interface Session {
  model: string;
  agent?: string;
  /** ISO timestamp. Absent only in files of older versions: a working day after `setAt`. */
  expiresAt?: string;
  setAt: string;
}

/** Signals only available while a commit is being made. */
export interface CommitTimeSignals {
  env: Record<string, string | undefined>;
  session?: Session | undefined;
  /** `GIT_AUTHOR_NAME` etc. when set, else the configured identity. */
  author?: Identity | undefined;
  /** Agent slug → the model its own settings files name, read only for the agents committing now. */
  settings?: Readonly<Record<string, SettingsModel>> | undefined;
}

/** The model an agent's settings files name (Claude Code's settings.json, Codex's config.toml…), as the agent resolves them. */
export interface SettingsModel {
  /** The model as written; empty when the settings name only `also` models (goose's config.yaml with a lead model and no GOOSE_MODEL). */
  model: string;
  /** Where it was read: `settings ~/.claude/settings.json model="…"`. */
  evidence: string;
  /** Variables the agent reads before its settings (`ANTHROPIC_MODEL`): one set, the settings are not in force. */
  overriddenBy?: string[];
  /** Variables the agent reads only when its settings name no model (Qwen Code's `OPENAI_MODEL`): while they do, these name none. */
  replaces?: string[];
  /** The API the settings send the model to (Codex's provider `base_url`), with its evidence prefix. */
  endpoint?: { url: string; evidence: string };
  /**
   * More models the settings name that the agent writes code with (goose's `GOOSE_LEAD_MODEL`,
   * `GOOSE_PLANNER_MODEL`), each hidden by its own variables (the agent reads them first): in force
   * whatever the variables say of `model`.
   */
  also?: { model: string; evidence: string; overriddenBy: string[]; unread?: true }[];
  /**
   * A router picks the model whatever the agent asks for (claude-code-router at its local port): the
   * models the agent names (its model variables, their aliases' mappings, its subagent variable, its
   * `--model`) are not what runs and are not recorded; `model` and `also` are what the router sends to.
   */
  routed?: true;
  /**
   * With `routed`: the agent itself resolved the name asked for to `model` (Gemini CLI's own model aliases and
   * overrides, row 995), no router or gateway: the models beside (subagents', the session's) are what they name, kept.
   */
  resolved?: true;
}

export type Tristate = 'allow' | 'warn' | 'deny';

export interface PathRule {
  files: string[];
  allow?: string[];
  deny?: string[];
  requireTrailers?: string[];
}

export interface PolicyConfig {
  allow?: string[];
  deny?: string[];
  unknownModel?: Tristate;
  undeclared?: Tristate;
  paths?: PathRule[];
}

export type DetectField =
  | 'authorName'
  | 'authorEmail'
  | 'committerName'
  | 'committerEmail'
  | 'subject'
  | 'body'
  | 'trailer';

export interface DetectRule {
  field: DetectField;
  /** Trailer key, only with field `trailer` (case-insensitive). */
  key?: string;
  /** Case-insensitive regular expression; `$1`… in agent/model refer to its groups. */
  pattern: string;
  agent?: string;
  model?: string;
  /**
   * The pattern compiled for a linear-time engine, attached (non-enumerable: never serialised)
   * when the config is loaded. Detection runs only this, never a backtracking RegExp.
   */
  readonly matcher?: RuleMatcher;
}

/** A compiled `detect.rules` pattern: the first match's groups (`[0]` = the whole match; an unmatched group is `undefined`), or `null`. */
export type RuleMatcher = (text: string) => readonly (string | undefined)[] | null;

export interface DetectConfig {
  rules?: DetectRule[];
  aliases?: Record<string, string>;
}

export interface BlameConfig {
  include?: string[];
  exclude?: string[];
}

export interface TrailerConfig {
  key?: string;
}

export interface Config {
  /** The JSON Schema of the file, for editors (`./node_modules/aitrail/schema.json`); ignored. */
  $schema?: string;
  trailer?: TrailerConfig;
  policy?: PolicyConfig;
  detect?: DetectConfig;
  blame?: BlameConfig;
  notes?: NotesConfig;
}

/** Line-level notes (git-ai Authorship Logs in refs/notes/ai). */
export interface NotesConfig {
  /** Whether pre-push also pushes refs/notes/ai (default true). */
  push?: boolean;
}

/** A config after loading: the data plus where it came from (`null` = built-in defaults). */
export interface LoadedConfig {
  config: Config;
  filepath: string | null;
  /** Files at the root that look meant as the config under a name aitrail does not read (`.aitrail.yml`), each with its way on; read where a command reports the policy in force. */
  misnamed?: readonly { name: string; hint: string }[];
}
