// Session 56 helper f (row 1196): Factory Droid's commits were `factory-droid:unknown` whatever model wrote them. Droid
// sets no variable in the commands it runs, so its own co-author line (`Co-authored-by: factory-droid[bot] <…>`, its
// `includeCoAuthoredByDroid` default) is the only sign of it, and the hooks read settings and sessions only for agents an
// environment marker or the author names (src/hooks/commit-time-signals.ts): no reader of Droid's existed. Found reading
// Factory's docs (docs.factory.ai/cli/configuration/settings: `~/.factory/settings.json` `model`; enterprise
// hierarchical-settings: `sessionDefaultSettings`, `includeCoAuthoredByDroid`, its levels org > project > user, first
// wins; settings: `settings.local.json` over a level's `settings.json`) and a session reader of Droid's store
// (RunMaestro's FactoryDroidSessionStorage, "verified against Factory Droid session files 2026-01-16":
// `~/.factory/sessions/<cwd, every / a ->/<uuid>.jsonl` with `<uuid>.settings.json` beside it, whose `model` is the
// session's). Replayed with init's hooks, a temp HOME laid out as Droid writes it, and the built CLI's `check`.
// Now a Droid co-author line reads Droid's default model and its newest recent session's: a session on an allowed model
// passes `unknownModel: deny`, a `/model` switch to a denied one (the session's settings, not `~/.factory`) is refused.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit, homeWith, hooked, writeAged } from '../helpers/agent-home.js';
import { tempDir } from '../helpers/gitdir.js';
import { aitrail, hookEnv } from '../helpers/hooks.js';

const POLICY = 'policy:\n  unknownModel: deny\n  deny: ["openai/*"]\n';
const DROID = 'feat: parser\n\nCo-authored-by: factory-droid[bot] <138933559+factory-droid[bot]@users.noreply.github.com>\n';
const ID = '0b6f3c1e-8a2d-4c5e-9f10-2a3b4c5d6e7f';

/** A session's settings file as Droid writes it beside `<uuid>.jsonl`. */
const sessionSettings = (model: string) => JSON.stringify({ assistantActiveTimeMs: 5120, model, reasoningEffort: 'medium', autonomyMode: 'auto-low', tokenUsage: { inputTokens: 900, outputTokens: 120 } });
const sessionLines = `${JSON.stringify({ type: 'session_start', id: ID, title: 'fix the parser' })}\n${JSON.stringify({ type: 'message', id: 'm1', timestamp: new Date().toISOString(), message: { role: 'user', content: [{ type: 'text', text: 'fix the parser' }] } })}\n`;
const sessionDir = (dir: string) => `.factory/sessions/${dir.replace(/\//g, '-')}`;
const env = (home: string) => hookEnv({ HOME: home });

describe("Factory Droid's settings and sessions (row 1196)", () => {
  it('row 1196: a session on an allowed model passes unknownModel: deny, its model recorded', () => {
    const repo = hooked(POLICY);
    const home = homeWith({ '.factory/settings.json': JSON.stringify({ model: 'claude-sonnet-4-5-20250929' }), [`${sessionDir(repo.dir)}/${ID}.jsonl`]: sessionLines, [`${sessionDir(repo.dir)}/${ID}.settings.json`]: sessionSettings('claude-opus-4-5-20251101') });
    const result = agentCommit(repo, env(home), DROID);
    expect(result.status, result.stderr).toBe(0);
    expect(result.message).toContain('factory-droid:anthropic/claude-opus-4.5');
    const check = aitrail(repo.dir, ['check', 'HEAD~1..HEAD']);
    expect(check.status, check.stdout + check.stderr).toBe(0);
  });

  it('row 1196: a /model switch to a denied model (the session file, not ~/.factory) is refused', () => {
    const repo = hooked(POLICY);
    const home = homeWith({ '.factory/settings.json': JSON.stringify({ model: 'claude-sonnet-4-5-20250929' }), [`${sessionDir(repo.dir)}/${ID}.settings.json`]: sessionSettings('gpt-5.1-codex') });
    const result = agentCommit(repo, env(home), DROID);
    expect(result.status, result.stderr).not.toBe(0);
    expect(result.stderr).toMatch(/openai\/gpt-5\.1-codex/);
  });

  it("row 1196: the work tree's .factory/settings.json comes before ~/.factory's (a higher level is never overridden)", () => {
    const repo = hooked(POLICY, { '.factory/settings.json': JSON.stringify({ model: 'gpt-5.1-codex' }) });
    const result = agentCommit(repo, env(homeWith({ '.factory/settings.json': JSON.stringify({ model: 'claude-sonnet-4-5-20250929' }) })), DROID);
    expect(result.status, result.stderr).not.toBe(0);
    expect(result.stderr).toMatch(/openai\/gpt-5\.1-codex/);
    // Its settings.local.json over its settings.json; `sessionDefaultSettings.model` where no top-level `model` is.
    const local = hooked(POLICY, { '.factory/settings.json': JSON.stringify({ model: 'claude-sonnet-4-5-20250929' }), '.factory/settings.local.json': JSON.stringify({ sessionDefaultSettings: { model: 'gpt-5.1-codex' } }) });
    const refused = agentCommit(local, env(homeWith()), DROID);
    expect(refused.status, refused.stderr).not.toBe(0);
    expect(refused.stderr).toMatch(/openai\/gpt-5\.1-codex/);
  });

  it('careless truth: no readable session and no settings still refuses under unknownModel: deny; stale, foreign and linked sessions name nothing', () => {
    const repo = hooked(POLICY);
    const none = agentCommit(repo, env(homeWith()), DROID);
    expect(none.status).not.toBe(0);
    expect(none.stderr).toMatch(/factory-droid:unknown|unknown/);

    // Older than the hour, or another directory's: not this commit's session (the default model alone, here none).
    const quiet = homeWith({ [`.factory/sessions/-elsewhere-repo/${ID}.settings.json`]: sessionSettings('claude-opus-4-5-20251101') });
    writeAged(quiet, [[`${sessionDir(repo.dir)}/${ID}.settings.json`, sessionSettings('claude-opus-4-5-20251101'), 120]]);
    expect(agentCommit(repo, env(quiet), DROID).status).not.toBe(0);

    // A session file that is a link out of Droid's folder is never followed.
    const outside = join(tempDir('aitrail-outside-'), 'x.settings.json');
    writeFileSync(outside, sessionSettings('claude-opus-4-5-20251101'));
    const linked = homeWith();
    mkdirSync(join(linked, sessionDir(repo.dir)), { recursive: true });
    symlinkSync(outside, join(linked, sessionDir(repo.dir), `${ID}.settings.json`));
    expect(agentCommit(repo, env(linked), DROID).status).not.toBe(0);

    // A person's commit (no Droid line) reads no Droid file: its default model is not recorded.
    const person = agentCommit(hooked('policy:\n  deny: ["openai/*"]\n'), env(homeWith({ '.factory/settings.json': JSON.stringify({ model: 'gpt-5.1-codex' }) })), 'feat: by hand\n');
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).not.toContain('factory-droid');
  });
});
