/** Shapes of what `aitrail checkpoint` reads from agents and keeps until a commit records it. Pure data. */

/** One edit an agent made by replacing text (Claude Code Edit/MultiEdit, Gemini CLI replace, Cursor afterFileEdit). */
export interface TextEdit {
  old: string;
  new: string;
  /** Every occurrence was replaced (Claude Code `replace_all`, Gemini CLI `expected_replacements` > 1). */
  all: boolean;
}

/** What an agent's hook payload says, in one shape for every agent. */
export interface AgentEvent {
  /** `pre`: about to edit (a snapshot to diff against); `post`: edited. */
  phase: 'pre' | 'post';
  /** The agent's tool (`Edit`, `write_file`, `apply_patch`…), for messages. */
  tool: string;
  /** Files the tool touches, as the payload names them (absolute, or relative to `cwd`). */
  paths: string[];
  cwd: string | null;
  session: string | null;
  model: string | null;
  transcriptPath: string | null;
  /** The subagent that called the tool (Claude Code's `agent_id`, 2.1.64+): its own transcript names its model. */
  subagent?: string | null;
  /** Files the tool renames (Codex apply_patch `*** Move to:`), as the payload names them: the destination starts as the source. */
  moves?: ReadonlyArray<{ from: string; to: string }>;
  /** The replacements made to the one file in `paths`, in order (null: not stated). */
  edits: TextEdit[] | null;
  /** The tool wrote the whole file (Claude Code Write, Gemini CLI write_file): every line is the agent's. */
  wholeFile: boolean;
}

/** Who wrote marked lines: one agent session, one checkpoint call (git-ai's `s_…::t_…` key). */
export interface CheckpointOwner {
  /** The attestation key written in notes: `s_<14 hex>::t_<14 hex>`. */
  key: string;
  /** aitrail agent slug (`claude-code`). */
  agent: string;
  /** git-ai's `agent_id.tool` (`claude`). */
  tool: string;
  /** The agent's session or conversation id. */
  session: string;
  /** The model as the agent reported it, or `unknown`. */
  model: string;
}

/** What is kept for one file between the agent's edits and the commit that records them. */
export interface FileCheckpoint {
  version: 1;
  /** Path from the work tree top, `/`-separated. */
  path: string;
  /** The file as the agent left it (or as a pre-edit snapshot found it). */
  content: string;
  /** git blob id (SHA-1 object format) of `content`, kept in the file's format; post-commit compares the committed bytes with `content`, never this id. */
  blob: string;
  owners: CheckpointOwner[];
  /** Lines of `content` an agent wrote: flat `[start, end, owner index, …]`, 1-based, inclusive. */
  marks: number[];
  /** `content` is a snapshot taken just before an edit (the next post event diffs against it). */
  pre: boolean;
  /**
   * The agent whose pre event took the snapshot: only its own post event diffs against it (another
   * agent's edit, e.g. Cursor's afterFileEdit after a Claude Code edit the person refused, started
   * from whatever the person made of the file since). Absent in snapshots of older versions.
   */
  by?: string;
  /** Milliseconds since the epoch of the last change. */
  updated: number;
}
