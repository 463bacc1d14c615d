import { readdirSync, statSync } from 'node:fs';
import { frontmatter } from './opencode-agents.js';

/** Agent files listed in one directory: past these, the rest are not looked at. */
const MAX_AGENT_FILES = 64;
/** An agent file is a few kilobytes; only its first 64 KiB is looked at for its frontmatter's `model:`. */
const MAX_AGENT_FILE_CHARS = 64 * 1024;

/** Names ending in `suffix` (`.md`, `.agent.md`) in `dir` (a directory, links followed), sorted, at most {@link MAX_AGENT_FILES}; none when it is not one. */
export function agentFiles(dir: string, suffix = '.md'): string[] {
  try {
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return [];
    return readdirSync(dir)
      .filter((name) => name.endsWith(suffix))
      .sort()
      .slice(0, MAX_AGENT_FILES);
  } catch {
    return [];
  }
}

/** The top-level `model:` of an agent file's YAML frontmatter as written (quotes dropped), or none: read without a YAML parser. */
export function frontmatterModel(text: string | null): string | undefined {
  const yaml = text === null ? null : frontmatter(text.slice(0, MAX_AGENT_FILE_CHARS));
  // `\S.*` then a trim: a lazy `(.+?)[ \t]*$` would cost quadratic time on a line of spaces.
  const line = yaml === null ? null : /^model:[ \t]*(\S.*)$/m.exec(yaml);
  return line ? line[1]!.trim().replace(/^(["'])(.*)\1$/, '$2').trim() || undefined : undefined;
}
