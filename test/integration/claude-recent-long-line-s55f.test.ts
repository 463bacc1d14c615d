// Session 55 helper f (row 1159): Claude Code started above the work tree without a session id has
// its session guessed among its start directory's transcripts by the directory each one's last
// record ran in, read in the transcript's last 64 KiB only. A transcript whose last line was longer
// than that (a tool result holding a big file: a Read of a 200 KiB file, a long command's output)
// said no directory at all and was skipped: the session's `/model` switch to a denied model went
// unread and the commit passed on the settings' model. Found by session 54's hand-off, replayed here
// with init's hooks and a process named claude started above the work tree. Now a long last line
// says its own top-level `cwd` from its head, and one still being written is passed over for the last
// whole record before it, the read going back at most 4 MiB.
import { realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hooked } from '../helpers/agent-home.js';
import { commitAbove, sanitized } from '../helpers/claude-above.js';
import { tempDir } from '../helpers/gitdir.js';

const DENY = 'policy:\n  deny: ["qwen/*"]\n';
const OWN = '0f8fad5b-d9cb-469f-a165-70867728950e';
const OTHER = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const line = (value: unknown) => `${JSON.stringify(value)}\n`;
const now = () => new Date().toISOString();

/** Claude Code's answer on `model` in `cwd`, then the user line carrying its Read tool's result: `size` bytes of a file's text. */
const session = (id: string, model: string, cwd: string, size: number, text = 'x') =>
  line({ parentUuid: null, isSidechain: false, userType: 'external', cwd, sessionId: id, version: '2.1.140', type: 'user', message: { role: 'user', content: 'read the parser' }, timestamp: now() }) +
  line({ parentUuid: 'a', isSidechain: false, userType: 'external', cwd, sessionId: id, version: '2.1.140', type: 'assistant', message: { model, role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'Read', input: { file_path: `${cwd}/big.txt` } }] }, timestamp: now() }) +
  line({
    parentUuid: 'b',
    isSidechain: false,
    userType: 'external',
    cwd,
    sessionId: id,
    version: '2.1.140',
    gitBranch: 'main',
    type: 'user',
    message: { role: 'user', content: [{ tool_use_id: 'toolu_1', type: 'tool_result', content: text.repeat(Math.ceil(size / text.length)).slice(0, size) }] },
    toolUseResult: { type: 'text', file: { filePath: `${cwd}/big.txt`, content: 'y'.repeat(size) } },
    timestamp: now(),
  });

describe("Claude Code started above the work tree: a transcript whose last line is longer than the read's tail", () => {
  it("a last record of 200 KiB (a Read's result) says its own cwd: the session's denied model is read", () => {
    const repo = hooked(DENY);
    const top = realpathSync(repo.dir);
    const above = dirname(top);
    const store = `.claude/projects/${sanitized(above)}/${OWN}.jsonl`;
    const refused = commitAbove(repo, above, [[store, session(OWN, 'qwen3-coder', top, 200 * 1024), 0]]);
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via claude-code\) is denied/);
    expect(refused.stderr).toContain(`recent transcript ~/${store} model="qwen3-coder"`);
  });

  it('a long last record still being written is passed over for the whole one before it', () => {
    const repo = hooked(DENY);
    const top = realpathSync(repo.dir);
    const above = dirname(top);
    const store = `.claude/projects/${sanitized(above)}/${OWN}.jsonl`;
    const whole = session(OWN, 'qwen3-coder', top, 200 * 1024);
    const refused = commitAbove(repo, above, [[store, whole + whole.slice(0, whole.length - 1000), 0]]);
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toContain(`recent transcript ~/${store} model="qwen3-coder"`);
  });

  it("a long record's text naming this work tree as a cwd never says where another repository's session ran", () => {
    const repo = hooked(DENY);
    const top = realpathSync(repo.dir);
    const above = dirname(top);
    const elsewhere = realpathSync(tempDir('aitrail-other-repo-'));
    const store = `.claude/projects/${sanitized(above)}/${OTHER}.jsonl`;
    // The file read holds `{"cwd":"<this work tree>"` lines: only the record's own top-level key counts.
    const bait = `{"cwd":"${top}","type":"user"}\n`;
    const passed = commitAbove(repo, above, [[store, session(OTHER, 'qwen3-coder', elsewhere, 200 * 1024, bait), 0]]);
    expect(passed.status, passed.stderr).toBe(0);
    expect(passed.message).toBe('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-sonnet-4.5\n');
  });
});
