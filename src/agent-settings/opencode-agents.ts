import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { quote } from '../core/detect/found.js';
import { parseJsonc, parseYaml, stringAt, valueAt } from './parse-settings.js';
import { inDir, readOwnFile, readRepoFile, shownPath, type SettingsPlace } from './settings-place.js';
import { AGENT_FILE_HEAD, AGENT_FOLDER_BYTES, plainModel, unreadFolder } from './agent-files.js';

/** Names listed in one directory of agent files; past these the config directory is `unread` (a refusal naming it). */
const MAX_NAMES = 4096;
/**
 * Agent files read in one config directory (`agent/`, `agents/`, `mode/`, `modes/` together), their
 * first {@link AGENT_FILE_HEAD} each and {@link AGENT_FOLDER_BYTES} together; past these (or past
 * {@link MAX_LISTINGS}, {@link MAX_DEPTH}) the directory is `unread`: OpenCode loads every file, and a
 * 65th past 64 decoys ran its agent on a denied model unseen.
 */
const MAX_FILES = 1024; // agent-files.ts' MAX_AGENT_FILES, written out: the two modules import each other
/** Directories listed in one config directory's `agent/`, `agents/`, `mode/`, `modes/` together. */
const MAX_LISTINGS = 64;
/** How deep `agents/**` is walked (OpenCode's glob has no bound; a team's tree is a level or two). */
const MAX_DEPTH = 4;
/** Agents of one config file looked at; past these the file is `unread` (a refusal naming it). */
const MAX_AGENTS = 256;
/**
 * An agent file's frontmatter parsed as YAML: a few keys (a description, a model, tools), some
 * hundred bytes. Past this it is not read (the directory is unread): 64 files of a megabyte of YAML keys
 * each (links to one file) took js-yaml 9 s, in each of an OpenCode commit's two hooks.
 */
const MAX_FRONTMATTER = 32 * 1024;

/**
 * OpenCode's hidden built-in agents (anomalyco/opencode `agent/agent.ts`): the session's title, its
 * summary and its compaction, none with a tool that writes a file.
 */
const WRITES_NO_CODE = new Set(['title', 'summary', 'compaction']);

/** Where an OpenCode-like agent keeps its config files and agent files, and its built-in agents. */
export interface AgentLayout {
  /** The global config folder's files, merged in this order (a later one winning). */
  globalFiles: readonly string[];
  /** A project directory's and a config folder's files, merged in this order. */
  files: readonly string[];
  /** The config folders of each project directory and of home, merged in this order: `.opencode`. */
  folders: readonly string[];
  /** Whether the work tree's top's folders are merged last (Kilo: `afs.up` from its directory), else first. */
  topLast: boolean;
  /** The variables: `<PREFIX>_CONFIG`, `_CONFIG_DIR`, `_CONFIG_CONTENT`, `_DISABLE_PROJECT_CONFIG`. */
  prefix: string;
  /** The built-in agents' modes; an agent a config adds is `all` unless it says. */
  natives: Readonly<Record<string, string>>;
  /** Names a config may give a built-in agent by (Kilo reads `build` as `code`). */
  aliases: Readonly<Record<string, string>>;
}

/** OpenCode's (anomalyco/opencode `config/config.ts`, `agent/agent.ts`). */
export const OPENCODE_AGENTS: AgentLayout = {
  globalFiles: ['config.json', 'opencode.json', 'opencode.jsonc'],
  files: ['opencode.json', 'opencode.jsonc'],
  folders: ['.opencode'],
  topLast: false,
  prefix: 'OPENCODE',
  natives: { build: 'primary', plan: 'primary', general: 'subagent', explore: 'subagent' },
  aliases: {},
};

/**
 * Kilo CLI's (Kilo-Org/kilocode `packages/opencode/src/config/config.ts`, `config/paths.ts`
 * `ConfigPaths.directories`: `.kilocode` and `.kilo` of each directory from its own up to the work
 * tree's top, then of home; `agent/agent.ts`: its `code` agent, `build` read as it).
 */
export const KILO_AGENTS: AgentLayout = {
  globalFiles: ['config.json', 'kilo.jsonc', 'kilo.json', 'opencode.jsonc', 'opencode.json'],
  files: ['kilo.jsonc', 'kilo.json', 'opencode.jsonc', 'opencode.json'],
  folders: ['.kilocode', '.kilo'],
  topLast: true,
  prefix: 'KILO',
  natives: { code: 'primary', plan: 'primary', debug: 'primary', orchestrator: 'primary', ask: 'primary', general: 'subagent', explore: 'subagent' },
  aliases: { build: 'code' },
};

/** One agent as a layer of OpenCode's config writes it: each field replaces the lower layers' (`mergeDeep`). */
interface AgentEntry {
  model?: { model: string; evidence: string };
  disable?: boolean;
  mode?: string;
}

type Substitute = (model: string) => string;

/** An agent's config object → the fields read here. */
function entryOf(value: unknown, evidence: (model: string) => string, substitute: Substitute): AgentEntry {
  const entry: AgentEntry = {};
  const written = stringAt(value, 'model');
  const model = written === undefined ? undefined : substitute(written);
  if (model) entry.model = { model, evidence: evidence(model) };
  const disable = valueAt(value, 'disable');
  if (typeof disable === 'boolean') entry.disable = disable;
  const mode = stringAt(value, 'mode');
  if (mode) entry.mode = mode;
  return entry;
}

function merge(into: Map<string, AgentEntry>, name: string, entry: AgentEntry): void {
  into.set(name, { ...into.get(name), ...entry });
}

/** The `agent` and `mode` maps of a config file's text (JSONC), each agent's fields; true when a map holds more than {@link MAX_AGENTS}. */
function fromConfig(text: string | null, shown: string, substitute: Substitute, agents: Map<string, AgentEntry>, modes: Map<string, AgentEntry>): boolean {
  if (text === null) return false;
  const data = parseJsonc(text);
  let cut = false;
  for (const [key, into] of [['agent', agents], ['mode', modes]] as const) {
    const map = valueAt(data, key);
    if (map === null || typeof map !== 'object' || Array.isArray(map)) continue;
    const names = Object.keys(map);
    if (names.length > MAX_AGENTS) cut = true;
    for (const name of names.slice(0, MAX_AGENTS)) {
      merge(into, name, entryOf((map as Record<string, unknown>)[name], (model) => `settings ${shown} ${key}.${name}.model=${quote(model)}`, substitute));
    }
  }
  return cut;
}

/** A markdown file's YAML frontmatter (between its first two `---` lines), or null. */
export function frontmatter(text: string): string | null {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  return match ? match[1]! : null;
}

/**
 * The `model:` a frontmatter names: as YAML, else (OpenCode quotes a value with a colon and reads it
 * again) the top-level `model:` line as written. Past {@link MAX_FRONTMATTER} or the directory's YAML
 * budget, only a frontmatter whose one `model` is a plain top-level line and that names no `name` (which
 * joins it to another agent) is read, from that line; null for another: not known (its `model:` line as
 * written missed `"model": x`, `model: >-`, `{model: x}`: 799), the directory is then unread.
 */
async function frontmatterData(yaml: string, budget: { yaml: number }): Promise<Record<string, unknown> | null> {
  // The directory's YAML budget: 64 full frontmatters (1024 files of 32 KiB of keys cost js-yaml seconds).
  if (yaml.length > MAX_FRONTMATTER || budget.yaml < yaml.length) {
    const model = yaml.toLowerCase().includes('name') ? undefined : plainModel(yaml);
    return model === undefined ? null : { model };
  }
  budget.yaml -= yaml.length;
  const data = await parseYaml(yaml);
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) return data as Record<string, unknown>;
  // `\S.*` then a trim: a lazy `(.+?)[ \t]*$` would cost quadratic time on a line of spaces.
  const line = /^model:[ \t]*(\S.*)$/m.exec(yaml);
  return line ? { model: line[1]!.trim().replace(/^(["'])(.*)\1$/, '$2') } : {};
}

/** `path` is a directory (links followed); false when missing, a loop or unreadable. */
function isDirectory(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
}

/**
 * `*.md` files under `dir` (relative to `base`), `agents/**` walked to {@link MAX_DEPTH}: at most {@link MAX_NAMES} names a directory, {@link MAX_LISTINGS} directories,
 * {@link MAX_FILES} files; `budget.cut` when one of these left a name unlooked at.
 */
function markdownFiles(base: string, dir: string, recursive: boolean, found: string[], budget: { listings: number; cut: boolean }, depth = 0): void {
  if (found.length >= MAX_FILES) return;
  let entries;
  try {
    // Most config directories hold no such directory: a stat that throws nothing costs less than a failed listing.
    if (!statSync(join(base, dir), { throwIfNoEntry: false })?.isDirectory()) return;
    if (budget.listings <= 0) {
      budget.cut = true;
      return;
    }
    budget.listings -= 1;
    entries = readdirSync(join(base, dir), { withFileTypes: true });
  } catch {
    return;
  }
  if (entries.length > MAX_NAMES) budget.cut = true;
  for (const entry of entries.slice(0, MAX_NAMES)) {
    const path = join(dir, entry.name);
    if (entry.name.endsWith('.md')) {
      if (found.length >= MAX_FILES) {
        budget.cut = true;
        return;
      }
      found.push(path);
    }
    // A directory named `team.md` (or a link to one) is walked too: the glob's `**` walks every directory (800); its name, pushed above, reads as no file.
    const linkedDir = entry.isSymbolicLink() && (!entry.name.endsWith('.md') || isDirectory(join(base, path)));
    if (recursive && (entry.isDirectory() || linkedDir)) {
      if (depth < MAX_DEPTH) markdownFiles(base, path, recursive, found, budget, depth + 1);
      else budget.cut = true;
    }
  }
}

/**
 * The agent files of one config directory (OpenCode's `config/agent.ts`: `{agent,agents}/**\/*.md`,
 * then `{mode,modes}/*.md`, each a primary agent), named by their path (`agents/team/coder.md` is
 * `team/coder`) or their frontmatter's `name`.
 */
async function fromDirectory(base: string, read: (path: string, head: number) => string | null, shown: (path: string) => string, substitute: Substitute, agents: Map<string, AgentEntry>): Promise<boolean> {
  const budget = { listings: MAX_LISTINGS, cut: false };
  const files: (readonly [dir: string, path: string, isMode: boolean])[] = [];
  for (const [dir, isMode] of [['agent', false], ['agents', false], ['mode', true], ['modes', true]] as const) {
    const found: string[] = [];
    markdownFiles(base, dir, !isMode, found, budget);
    files.push(...found.map((path) => [dir, path, isMode] as const));
  }
  if (files.length > MAX_FILES) budget.cut = true;
  files.splice(MAX_FILES);
  let bytes = AGENT_FOLDER_BYTES;
  const parsing = { yaml: 64 * MAX_FRONTMATTER };
  for (const [dir, path, isMode] of files) {
    // Each file's head (a file padded past a megabyte still names its model), all of them within one budget: a file it cuts is not read.
    const head = Math.min(AGENT_FILE_HEAD, bytes);
    if (head <= 0) return true;
    const text = read(path, head);
    const size = text === null ? 0 : Buffer.byteLength(text);
    bytes -= size;
    if (head < AGENT_FILE_HEAD && size >= head) return true;
    const yaml = text === null ? null : frontmatter(text);
    if (yaml === null) continue;
    const data = await frontmatterData(yaml, parsing);
    if (data === null) return true;
    const name = stringAt(data, 'name') ?? relative(dir, path).replace(/\.md$/, '').split('\\').join('/');
    const entry = entryOf(data, (model) => `settings ${shown(path)} model=${quote(model)}`, substitute);
    merge(agents, name, isMode ? { ...entry, mode: 'primary' } : entry);
  }
  return budget.cut;
}

/**
 * The models of OpenCode's agents, beside its top-level `model`: a message runs on its agent's model
 * before the top-level one (anomalyco/opencode `session/prompt.ts`: `input.model ?? ag.model ??`
 * the session's), the default agent is `build` (or `default_agent`, or `--agent`), the TUI switches
 * between primary agents, and the main agent calls subagents that run on their own model
 * (`tool/task.ts`). Read as `config/config.ts` merges them, lowest first: the global files, then
 * `OPENCODE_CONFIG`, the project's `opencode.json(c)`, each config directory's JSON and agent files
 * (`~/.config/opencode`, the project's `.opencode`, `~/.opencode`, `OPENCODE_CONFIG_DIR`; the
 * project's of each directory from the work tree's top down to OpenCode's working directory, `layers.dirs`),
 * `OPENCODE_CONFIG_CONTENT`, the managed files; then the deprecated `mode` map over `agent`. An agent
 * disabled, or one of the hidden title/summary/compaction agents, adds none; while the command line
 * names a model (`-m`: before every agent's), primary agents add none.
 */
export async function opencodeAgentModels(
  place: SettingsPlace,
  layers: { global: string; managed: string; substitute: Substitute; dirs: readonly string[] },
  commandLineModel: boolean,
  layout: AgentLayout = OPENCODE_AGENTS,
): Promise<{ model: string; evidence: string; overriddenBy: string[]; unread?: true }[]> {
  const { env } = place;
  const unread: string[] = [];
  const crowded: string[] = [];
  const agents = new Map<string, AgentEntry>();
  const modes = new Map<string, AgentEntry>();
  const own = (path: string) => {
    if (fromConfig(readOwnFile(path), shownPath(place, path), layers.substitute, agents, modes)) crowded.push(shownPath(place, path));
  };
  const repo = (path: string) => {
    if (fromConfig(readRepoFile(place, path), path, (model) => model, agents, modes)) crowded.push(path);
  };
  const projects = !env[`${layout.prefix}_DISABLE_PROJECT_CONFIG`]?.trim();
  const custom = env[`${layout.prefix}_CONFIG`]?.trim();
  const configDir = env[`${layout.prefix}_CONFIG_DIR`]?.trim();
  const ownDir = async (dir: string) => {
    if (await fromDirectory(dir, (path, head) => readOwnFile(join(dir, path), head), (path) => shownPath(place, join(dir, path)), layers.substitute, agents)) unread.push(shownPath(place, dir));
  };

  for (const name of layout.globalFiles) own(join(layers.global, name));
  if (custom && isAbsolute(custom)) own(custom);
  // The project's directories from the top down to the agent's working directory (`layers.dirs`, `''` the top), the nearest last.
  if (projects) for (const dir of layers.dirs) for (const name of layout.files) repo(inDir(dir, name));
  await ownDir(layers.global);
  if (projects) {
    for (const dir of layout.topLast ? layers.dirs.toReversed() : layers.dirs) {
      for (const folder of layout.folders) {
        for (const name of layout.files) repo(inDir(dir, join(folder, name)));
        const tree = (path: string) => inDir(dir, join(folder, path));
        if (await fromDirectory(join(place.root, dir, folder), (path, head) => readRepoFile(place, tree(path), head), tree, (model) => model, agents)) unread.push(inDir(dir, folder));
      }
    }
  }
  for (const dir of [...layout.folders.map((folder) => join(place.home, folder)), ...(configDir && isAbsolute(configDir) ? [configDir] : [])]) {
    for (const name of layout.files) own(join(dir, name));
    await ownDir(dir);
  }
  const inline = env[`${layout.prefix}_CONFIG_CONTENT`];
  if (inline?.trim() && fromConfig(inline, `env ${layout.prefix}_CONFIG_CONTENT`, layers.substitute, agents, modes)) crowded.push(`env ${layout.prefix}_CONFIG_CONTENT`);
  for (const name of layout.files) own(join(layers.managed, name));
  for (const [name, entry] of modes) merge(agents, name, { ...entry, mode: 'primary' });

  const models: { model: string; evidence: string; overriddenBy: string[]; unread?: true }[] = [];
  for (const [written, entry] of agents) {
    const name = Object.hasOwn(layout.aliases, written) ? layout.aliases[written]! : written;
    if (!entry.model || entry.disable || WRITES_NO_CODE.has(name)) continue;
    const mode = entry.mode ?? (Object.hasOwn(layout.natives, name) ? layout.natives[name]! : 'all');
    if (commandLineModel && mode === 'primary') continue;
    if (models.some((known) => known.model === entry.model!.model)) continue;
    // Every model, no cap of its own (32 let 32 made-up agents' models hide a 33rd): bounded by the agents and files read.
    models.push({ ...entry.model, overriddenBy: [] });
  }
  return [...models, ...[...new Set(unread)].map((shown) => unreadFolder(shown)), ...[...new Set(crowded)].map((shown) => unreadFolder(shown, `${MAX_AGENTS} agents a file`))];
}
