import { readdirSync, statSync } from 'node:fs';
import { frontmatter } from './opencode-agents.js';
import { parseYaml, yamlStringAt } from './parse-settings.js';
import { readOwnFile } from './settings-place.js';
import { AGENT_FOLDER_UNREAD } from '../core/policy/rules/unread-declarations.js';

/**
 * Agent files read in one directory. Past these (or past {@link AGENT_FOLDER_BYTES}) the folder is
 * `unread`: a refusal naming it, whatever the policy (the agent loads every file: a 65th, past 64
 * decoys sorting first, ran its subagent on a denied model unseen). A team's folder holds a few dozen.
 */
export const MAX_AGENT_FILES = 1024;
/**
 * An agent file is a few kilobytes; only its first megabyte is read (whatever its size: a body padded
 * past the settings files' bound hid its model) and looked at for its frontmatter's `model:`.
 */
export const AGENT_FILE_HEAD = 1024 * 1024;
/** Bytes read of one directory's agent files together: 64 whole heads, the bound of the 64 files read before. */
export const AGENT_FOLDER_BYTES = 64 * AGENT_FILE_HEAD;
/**
 * A frontmatter parsed as YAML: a few keys, some hundred bytes. Past this it is not read (the folder is
 * unread) unless its one `model` is a plain top-level line (64 files of 32 KiB of YAML keys each cost
 * js-yaml a fraction of a second; row 728's bound).
 */
const MAX_FRONTMATTER_YAML = 32 * 1024;
/**
 * Frontmatter YAML parsed in one folder together: 64 full frontmatters, the bound of the 64 files read
 * before. Past it a file whose one `model` is a plain top-level line is read from it, another makes the
 * folder unread (its `model:` lines as written hid what YAML reads: 799): 1024 files of 32 KiB of YAML
 * keys cost js-yaml 9.6 s a hook, 64 of them 0.7 s.
 */
export const FOLDER_YAML_BYTES = 64 * MAX_FRONTMATTER_YAML;

/** Names ending in `suffix` (`.md`, `.agent.md`) in `dir` (a directory, links followed), sorted, at most {@link MAX_AGENT_FILES} + 1 (one more: the folder holds more than is read); none when it is not one. */
export function agentFiles(dir: string, suffix = '.md'): string[] {
  try {
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return [];
    return readdirSync(dir)
      .filter((name) => name.endsWith(suffix))
      .sort()
      .slice(0, MAX_AGENT_FILES + 1);
  } catch {
    return [];
  }
}


/**
 * The entry recorded beside the session's for a folder read in part: model `unknown`, `unread` (rule
 * `unread-declarations` refuses the commit whatever the policy: a deny cannot judge what was not read),
 * its evidence naming the folder.
 */
export function unreadFolder(shown: string, bound = `${MAX_AGENT_FILES} files, ${AGENT_FOLDER_BYTES / AGENT_FILE_HEAD} MiB, ${MAX_FRONTMATTER_YAML / 1024} KiB of frontmatter YAML a file, ${FOLDER_YAML_BYTES / AGENT_FILE_HEAD} MiB a folder`): { model: string; evidence: string; overriddenBy: string[]; unread: true } {
  return { model: 'unknown', evidence: `settings ${shown} ${AGENT_FOLDER_UNREAD} (${bound})`, overriddenBy: [], unread: true };
}

/**
 * The frontmatter models of the agent files in `dir` (as {@link agentFiles} lists them), each file
 * read by `read(name, head)`, and whether the folder was read in part (`unread`): more than
 * {@link MAX_AGENT_FILES} files, or past {@link AGENT_FOLDER_BYTES} bytes of their heads together
 * (a file cut by that budget is not read), or a frontmatter past the YAML bounds that may name a model
 * ({@link frontmatterModels}'s null). An honest folder (a few dozen files of a few KiB) is read whole.
 */
export async function agentFolderModels(dir: string, read: (name: string, head: number) => string | null, suffix = '.md'): Promise<{ files: { name: string; models: string[] }[]; unread: boolean }> {
  const names = agentFiles(dir, suffix);
  const files: { name: string; models: string[] }[] = [];
  let budget = AGENT_FOLDER_BYTES;
  const parsing = { yaml: FOLDER_YAML_BYTES };
  for (const name of names.slice(0, MAX_AGENT_FILES)) {
    const head = Math.min(AGENT_FILE_HEAD, budget);
    if (head <= 0) return { files, unread: true };
    const text = read(name, head);
    const bytes = text === null ? 0 : Buffer.byteLength(text);
    budget -= bytes;
    // Cut by what is left of the budget, not by the file's own bound: its frontmatter may go on past it.
    if (head < AGENT_FILE_HEAD && bytes >= head) return { files, unread: true };
    const models = await frontmatterModels(text, parsing);
    // A frontmatter past the YAML bounds that may name a model in a form no line shows: not read (799).
    if (models === null) return { files, unread: true };
    files.push({ name, models });
  }
  return { files, unread: names.length > MAX_AGENT_FILES };
}

/**
 * The top-level `model:` of an agent file's YAML frontmatter, or none. Read as YAML (js-yaml, as
 * Gemini CLI reads it: `model: x # note`, `model: "x" # note`, `model: >-` then `x`, `model:` with `x`
 * on the next line, `model : x`, `"model": x`, `!!str x`, `&a x` all name `x`); a frontmatter that is
 * not YAML by its `model:` lines as written (quotes dropped), indented or not, the first and the last
 * (Qwen Code's fallback parser reads the last). Null when a frontmatter past {@link MAX_FRONTMATTER_YAML},
 * or past the folder's YAML `budget`, may name a model other than by one plain top-level `model:` line:
 * its model is not known (`model: >-`, `"model":`, a flow map, a `<<` merge name one no line shows).
 * The frontmatter ends at its first line starting `---` (Gemini CLI's `\n---`: `----` and `--- x`
 * end it too) and, when that differs, at a line that is `---` alone, and as Qwen Code ends it (a line `---`
 * exactly, line ends made `\n`): the models of each (at most three).
 */
export async function frontmatterModels(text: string | null, budget?: { yaml: number }): Promise<string[] | null> {
  if (text === null) return [];
  const head = text.slice(0, AGENT_FILE_HEAD);
  const models = new Set<string>();
  // Qwen Code's own (subagent-manager.ts parseSubagentContent): line ends made `\n`, then up to the first line that
  // is `---` exactly, so a `--- ` line (which ends the others) hides from them what Qwen Code reads after it.
  const qwen = /^---\n([\s\S]*?)\n---\n/.exec(head.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'))?.[1];
  for (const yaml of new Set([/^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---/.exec(head)?.[1], frontmatter(head) ?? undefined, qwen])) {
    const found = yaml === undefined ? [] : await yamlModels(yaml, budget);
    if (found === null) return null;
    for (const model of found) models.add(model);
  }
  return [...models];
}

/**
 * A project's agent file the work tree's link-safe read refused, read where its links lead (the agent
 * reads it so): an agent's `.gemini/agents -> ../my-agents` (or one file so linked) out of the work tree
 * ran its subagents on a model the hooks never saw. Still a regular file only, never a FIFO or a device,
 * its head only; only its frontmatter's `model:` is looked at.
 */
export function linkedAgentFile(path: string, head = AGENT_FILE_HEAD): string | null {
  return readOwnFile(path, head);
}

/** A `model:` line whose value YAML reads as written: a plain word of a model's characters, or quoted with no escape; a ` # note` after it. */
const PLAIN_MODEL_LINE = /^model:[ \t]+([A-Za-z0-9][\w.:/@+-]*|"[^"\\\r\n]*"|'[^'\r\n]*')[ \t]*(?:(?<=[ \t])#.*)?$/m;

/**
 * The model of a frontmatter whose one `model` (any case, anywhere) is a top-level line YAML reads as
 * written ({@link PLAIN_MODEL_LINE}), and that holds no escape (a key spelled `"mod\x65l"`): undefined otherwise.
 */
export function plainModel(yaml: string): string | undefined {
  const lower = yaml.toLowerCase();
  const at = lower.indexOf('model');
  if (at < 0 || lower.indexOf('model', at + 1) >= 0 || yaml.includes('\\')) return undefined;
  return PLAIN_MODEL_LINE.exec(yaml)?.[1]!.replace(/^(["'])(.*)\1$/, '$2').trim() || undefined;
}

/** `model:` lines read from a frontmatter YAML cannot read: the first and the last half of these. */
const MAX_MODEL_LINES = 8;

async function yamlModels(yaml: string, budget?: { yaml: number }): Promise<string[] | null> {
  // Only a frontmatter that may name a model (`model`, or a key spelled with escapes) is parsed: most agent files name none and cost no YAML parser.
  const lower = yaml.toLowerCase();
  const at = lower.indexOf('model');
  if (at < 0 && !yaml.includes('\\')) return [];
  // Nor one whose only `model` is a top-level line of a plain value (js-yaml's load cost 20 ms of CPU on 64 files):
  // YAML reads it as written, or (inside another key's block) as no model, which this reads as one: stricter.
  const plain = plainModel(yaml);
  if (plain !== undefined) return [plain];
  // Past the folder's YAML budget, as past a frontmatter's bound: not known (799). Its `model:` lines as
  // written missed what the agent's YAML reads (`model: >-`, `"model":`, `{model: x}`, `<<: {model: x}`):
  // 64 frontmatters of 32 KiB first hid a 65th's Qwen past `deny: ["qwen/*"]`.
  if (yaml.length > MAX_FRONTMATTER_YAML || (budget !== undefined && budget.yaml < yaml.length)) return null;
  if (budget) budget.yaml -= yaml.length;
  const data = await parseYaml(yaml);
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const own = yamlStringAt(data, 'model')?.trim() ?? '';
    // Two or more `model:` lines: Qwen Code's `yaml` parser refuses what js-yaml reads (a key given twice
    // anywhere) and its simple parser then reads a block scalar's `  model: …` line as the top-level model
    // (`model: inherit`, `description: |` over `  model: qwen3-coder-plus`, `x: 1`, `x: 2`): each line read too.
    const lines = modelLines(yaml);
    return [own, ...(lines.length > 1 ? lines : [])].filter(Boolean);
  }
  return modelLines(yaml);
}

/** Every `model:` line's value as written, indented or not, the first and the last few; a ` #` comment and quotes dropped. */
function modelLines(yaml: string): string[] {
  // YAML cannot read it: Qwen Code then reads it with its simple parser (QwenLM/qwen-code
  // `utils/yaml-parser.ts` parseSimple), where the LAST line `model: …` wins, indented or not, its key
  // trimmed (`model :`): every such line is read (the first alone let `model: inherit` first, a broken
  // line, then `model: qwen3-coder-plus` pass as `inherit`). `\S.*` then a trim: a lazy `(.+?)[ \t]*$`
  // would cost quadratic time on a line of spaces.
  const lines = [...yaml.matchAll(/^[ \t]*model[ \t]*:[ \t]*(\S.*)$/gm)].map((line) => line[1]!);
  // The first and the last few: a parser that reads the first or the last line, past any number of decoys between.
  const kept = lines.length > MAX_MODEL_LINES ? [...lines.slice(0, MAX_MODEL_LINES / 2), ...lines.slice(-MAX_MODEL_LINES / 2)] : lines;
  return kept.map((value) => value.replace(/[ \t]#.*$/, '').trim().replace(/^(["'])(.*)\1$/, '$2').trim()).filter(Boolean);
}
