// Row 896: Amp picks its model server-side by mode (smart: Claude Opus, rush: Claude Haiku, deep: GPT)
// and names it in no settings file or variable, so aitrail recorded every Amp commit `amp:unknown`,
// which passed `deny: ["anthropic/*"]` (a warning under the default `unknownModel`). Amp writes each
// answer's model in its thread file (`~/.local/share/amp/threads/T-<uuid>.json`, `messages[].usage.model`),
// the thread its shell tool names in `AMP_CURRENT_THREAD_ID`. Replayed through init's real hooks.
import { describe, expect, it } from 'vitest';
import { stagedInHome } from '../helpers/agent-home.js';
import { tryGit } from '../helpers/enforce-repos.js';

const THREAD = 'T-019b9d03-62e3-772f-9780-3e637f90eaec';

/** An Amp thread file as Amp writes it: a user turn, then answers each with its `usage.model`. */
function thread(...models: string[]): string {
  const answers = models.map((model, index) => ({
    role: 'assistant',
    messageId: index + 1,
    content: [{ type: 'text', text: 'done' }],
    state: { type: 'complete', stopReason: 'tool_use' },
    usage: { model, inputTokens: 10, outputTokens: 5, cacheReadInputTokens: 0 },
  }));
  return JSON.stringify({ v: 3, id: THREAD, created: Date.now(), agentMode: 'smart', title: 'fix', messages: [{ role: 'user', messageId: 0, content: [{ type: 'text', text: 'fix it' }] }, ...answers] });
}

/** A hooked repository denying Anthropic's models, a home holding `files`, a file staged. */
const deniedAnthropic = (files: Record<string, string>) => stagedInHome(files, { XDG_DATA_HOME: '', AMP_DATA_DIR: '' }, 'policy:\n  deny: ["anthropic/*"]\n');

describe("Amp's model from its thread file (row 896)", () => {
  it("a deny of Anthropic refuses Amp's smart mode (Claude Opus), naming the thread", () => {
    const { repo, env } = deniedAnthropic({ [`.local/share/amp/threads/${THREAD}.json`]: thread('claude-opus-4-5-20251101') });
    const head = repo.git(['rev-parse', 'HEAD']);
    const result = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: a'], { env: { ...env, AMP_CURRENT_THREAD_ID: THREAD } });
    expect(result.code, result.stderr).not.toBe(0);
    expect(result.stderr).toContain('anthropic/claude-opus-4.5 (via amp) is denied');
    expect(result.stderr).toContain(`thread ~/.local/share/amp/threads/${THREAD}.json usage.model="claude-opus-4-5-20251101"`);
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
  });

  it("records the thread's other models beside its last: rush's Haiku before deep's GPT is refused too", () => {
    const { repo, env } = deniedAnthropic({ [`.local/share/amp/threads/${THREAD}.json`]: thread('claude-haiku-4-5-20251001', 'gpt-5.1-codex') });
    const result = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: a'], { env: { ...env, AMP_CURRENT_THREAD_ID: THREAD } });
    expect(result.code, result.stderr).not.toBe(0);
    expect(result.stderr).toContain('anthropic/claude-haiku-4.5 (via amp) is denied');
  });

  it("a thread of OpenAI's model alone passes, recorded as it", () => {
    const { repo, env } = deniedAnthropic({ [`.local/share/amp/threads/${THREAD}.json`]: thread('gpt-5.1-codex') });
    const result = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: a'], { env: { ...env, AMP_CURRENT_THREAD_ID: THREAD } });
    expect(result.code, result.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)']).trim()).toBe('amp:openai/gpt-5.1-codex');
  });

  it('AMP_DATA_DIR moves the threads, as Amp reads it', () => {
    const { repo, env } = deniedAnthropic({ [`amp-data/threads/${THREAD}.json`]: thread('claude-opus-4-6') });
    const result = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: a'], { env: { ...env, AMP_DATA_DIR: `${env.HOME}/amp-data`, AMP_CURRENT_THREAD_ID: THREAD } });
    expect(result.code, result.stderr).not.toBe(0);
    expect(result.stderr).toContain('anthropic/claude-opus-4.6 (via amp) is denied');
  });

  it("careless truth: a person's commit with Amp's threads in the home is no one's AI", () => {
    const { repo, env } = deniedAnthropic({ [`.local/share/amp/threads/${THREAD}.json`]: thread('claude-opus-4-5-20251101') });
    const result = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: by hand'], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).not.toMatch(/Assisted-by|amp/i);
  });

  it('a thread id that is a path is not read; the commit stays amp:unknown', () => {
    const { repo, env } = deniedAnthropic({ [`.local/share/amp/threads/${THREAD}.json`]: thread('claude-opus-4-5-20251101') });
    const result = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: a'], { env: { ...env, AMP_CURRENT_THREAD_ID: `../threads/${THREAD}` } });
    expect(result.code, result.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)']).trim()).toBe('amp:unknown');
  });
});
