// OpenCode runs the model picked in its TUI (`/models`, ctrl+x m), which no config names: its own
// storage records it (each assistant message's `providerID`/`modelID`, `storage/message/<session>/`;
// the last pick, `~/.local/state/opencode/model.json` `recent`). aitrail read the configs only.
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { opencodeModels } from '../../src/agent-settings/opencode.js';
import { opencodeSessionModels, opencodeStart } from '../../src/agent-settings/opencode-session.js';
import { settingsPlace, type SettingsPlace } from '../../src/agent-settings/settings-place.js';

const STORAGE = 'home/.local/share/opencode/storage';
const STATE = 'home/.local/state/opencode/model.json';

interface Fixture {
  place: SettingsPlace;
  base: string;
}

/** A work tree and a home of their own, with `files` (paths starting `root/` or `home/`; `{root}` in a text is the work tree's path). */
function fixture(files: Record<string, string>, env: Record<string, string> = {}): Fixture {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'aitrail-opencode-session-')));
  for (const dir of ['root', 'home', 'system']) mkdirSync(join(base, dir));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(base, path)), { recursive: true });
    writeFileSync(join(base, path), text.replaceAll('{root}', join(base, 'root')));
  }
  return { place: settingsPlace(join(base, 'root'), join(base, 'root/.git'), { HOME: join(base, 'home'), ...env }, join(base, 'system')), base };
}

const assistant = (provider: string, model: string) => JSON.stringify({ id: 'x', role: 'assistant', providerID: provider, modelID: model, path: { cwd: '/', root: '/' } });
const user = (provider: string, model: string) => JSON.stringify({ id: 'y', role: 'user', model: { providerID: provider, modelID: model } });

/** A project of the work tree with one session whose messages are `messages` (name → text). */
function session(messages: Record<string, string>, id = 'ses_abc', project = 'p1'): Record<string, string> {
  const files: Record<string, string> = {
    [`${STORAGE}/project/${project}.json`]: '{"id": "p1", "worktree": "{root}", "vcs": "git"}',
    [`${STORAGE}/session/${project}/${id}.json`]: `{"id": "${id}", "projectID": "${project}", "directory": "{root}"}`,
  };
  for (const [name, text] of Object.entries(messages)) files[`${STORAGE}/message/${id}/${name}`] = text;
  return files;
}

const models = (at: SettingsPlace, configured = true) => opencodeSessionModels(at, configured).map((entry) => entry.model);

describe("OpenCode's session storage and TUI pick (anomalyco/opencode storage/storage.ts, Provider.defaultModel)", () => {
  it("the running session's last assistant message, beside the config's model, with its evidence", async () => {
    const { place } = fixture({
      'root/opencode.json': '{"model": "anthropic/claude-sonnet-4-5"}',
      ...session({ 'msg_0001aaa.json': assistant('anthropic', 'claude-sonnet-4-5'), 'msg_0002bbb.json': assistant('qwen', 'qwen3-coder'), 'msg_0003ccc.json': user('openai', 'gpt-5') }),
    });
    const read = await opencodeModels(place);
    expect(read?.model).toBe('anthropic/claude-sonnet-4-5');
    expect(read?.also).toEqual([{ model: 'qwen/qwen3-coder', evidence: 'session ~/.local/share/opencode/storage/message/ses_abc/msg_0002bbb.json model="qwen/qwen3-coder"', overriddenBy: [] }]);
    // The same model as the config's adds nothing.
    const same = fixture({ 'root/opencode.json': '{"model": "qwen/qwen3-coder"}', ...session({ 'msg_1.json': assistant('qwen', 'qwen3-coder') }) });
    expect((await opencodeModels(same.place))?.also).toBeUndefined();
  });

  it("XDG_DATA_HOME and XDG_STATE_HOME are OpenCode's directories; a relative one is not", () => {
    const files = Object.fromEntries(Object.entries(session({ 'msg_1.json': assistant('qwen', 'qwen3-coder') })).map(([path, text]) => [path.replace('home/.local/share', 'home/data'), text]));
    const { place, base } = fixture({ ...files, 'home/st/opencode/model.json': '{"recent": [{"providerID": "moonshotai", "modelID": "kimi-k2"}]}' });
    expect(models({ ...place, env: { ...place.env, XDG_DATA_HOME: join(base, 'home/data'), XDG_STATE_HOME: join(base, 'home/st') } })).toEqual(['qwen/qwen3-coder', 'moonshotai/kimi-k2']);
    expect(models({ ...place, env: { ...place.env, XDG_DATA_HOME: 'home/data' } })).toEqual([]);
  });

  it("another project's session, or one not modified in the last hour, is not read; a session id the environment names is, whatever its age", () => {
    const other = fixture({ ...session({ 'msg_1.json': assistant('qwen', 'qwen3-coder') }), [`${STORAGE}/project/p1.json`]: '{"id": "p1", "worktree": "/elsewhere"}' });
    expect(models(other.place)).toEqual([]);
    const old = fixture(session({ 'msg_1.json': assistant('qwen', 'qwen3-coder') }));
    const hoursAgo = new Date(Date.now() - 3 * 60 * 60 * 1000);
    for (const path of [`${STORAGE}/session/p1/ses_abc.json`, `${STORAGE}/message/ses_abc`, `${STORAGE}/message/ses_abc/msg_1.json`]) utimesSync(join(old.base, path), hoursAgo, hoursAgo);
    expect(models(old.place)).toEqual([]);
    expect(models({ ...old.place, env: { ...old.place.env, OPENCODE_SESSION_ID: 'ses_abc' } })).toEqual(['qwen/qwen3-coder']);
    // A session id that is a path is not one.
    expect(models({ ...old.place, env: { ...old.place.env, OPENCODE_SESSION_ID: '../message/ses_abc' } })).toEqual([]);
  });

  it("of two sessions of the project, the one modified last; a linked worktree's sandbox is the project's", () => {
    const { place, base } = fixture({
      ...session({ 'msg_1.json': assistant('openai', 'gpt-5') }, 'ses_old'),
      ...session({ 'msg_1.json': assistant('qwen', 'qwen3-coder') }, 'ses_new'),
      [`${STORAGE}/project/p1.json`]: '{"id": "p1", "worktree": "/main/checkout", "sandboxes": ["{root}"]}',
    });
    const earlier = new Date(Date.now() - 10 * 60 * 1000);
    for (const path of [`${STORAGE}/session/p1/ses_old.json`, `${STORAGE}/message/ses_old`]) utimesSync(join(base, path), earlier, earlier);
    expect(models(place)).toEqual(['qwen/qwen3-coder']);
  });

  it("the TUI's last pick (model.json recent[0]): whatever its age when the config names no model, else only from the last day", () => {
    const { place, base } = fixture({ [STATE]: '{"recent": [{"providerID": "qwen", "modelID": "qwen3-coder"}, {"providerID": "openai", "modelID": "gpt-5"}], "favorite": []}' });
    expect(opencodeSessionModels(place, true)).toEqual([{ model: 'qwen/qwen3-coder', evidence: 'state ~/.local/state/opencode/model.json recent[0]="qwen/qwen3-coder"', overriddenBy: [] }]);
    const lastWeek = new Date(Date.now() - 7 * 24 * 60 * 60 * 1000);
    utimesSync(join(base, STATE), lastWeek, lastWeek);
    expect(models(place, true)).toEqual([]);
    expect(models(place, false)).toEqual(['qwen/qwen3-coder']);
  });

  it("while the config names a model, the pick counts when made since the running OpenCode started (OPENCODE_PID's /proc start), whatever its age", () => {
    const DAY = 24 * 60 * 60;
    const { place, base } = fixture({ [STATE]: '{"recent": [{"providerID": "qwen", "modelID": "qwen3-coder"}]}' });
    // A fake /proc, the machine up five days: OpenCode 4242 started four days ago, 4343 an hour ago.
    const stat = (pid: number, ticks: number) => `${pid} (open code) S 1 ${pid} ${pid} 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 12 0 ${ticks} 1 1\n`;
    mkdirSync(join(base, 'proc/4242'), { recursive: true });
    mkdirSync(join(base, 'proc/4343'), { recursive: true });
    writeFileSync(join(base, 'proc/uptime'), `${5 * DAY}.00 ${9 * DAY}.00\n`);
    writeFileSync(join(base, 'proc/4242/stat'), stat(4242, DAY * 100));
    writeFileSync(join(base, 'proc/4343/stat'), stat(4343, (5 * DAY - 3600) * 100));
    const proc = join(base, 'proc');
    const running = (pid: string) => ({ ...place, env: { ...place.env, OPENCODE_PID: pid } });
    expect(Math.abs(opencodeStart(running('4242'), proc)! - (Date.now() - 4 * DAY * 1000))).toBeLessThan(1000);
    const at = (secondsAgo: number) => utimesSync(join(base, STATE), new Date(Date.now() - secondsAgo * 1000), new Date(Date.now() - secondsAgo * 1000));
    // Picked three days ago in a TUI open for four: in force.
    at(3 * DAY);
    expect(opencodeSessionModels(running('4242'), true, proc).map((entry) => entry.model)).toEqual(['qwen/qwen3-coder']);
    // Picked two hours ago, before this OpenCode started an hour ago: its TUI started on the config's model.
    at(2 * 3600);
    expect(opencodeSessionModels(running('4343'), true, proc)).toEqual([]);
    // OpenCode's start unknown (no such process, a pid that is no number): the last day.
    expect(opencodeSessionModels(running('99999'), true, proc).map((entry) => entry.model)).toEqual(['qwen/qwen3-coder']);
    expect(opencodeSessionModels(running('../4343'), true, proc).map((entry) => entry.model)).toEqual(['qwen/qwen3-coder']);
    at(3 * DAY);
    expect(opencodeSessionModels(running('99999'), true, proc)).toEqual([]);
    // The real /proc: this test's own process started before now, and not before it says.
    if (process.platform === 'linux') {
      const started = opencodeStart({ ...place, env: { OPENCODE_PID: String(process.pid) } })!;
      expect(started).toBeLessThanOrEqual(Date.now());
      expect(started).toBeGreaterThan(Date.now() - process.uptime() * 1000 - 5000);
    }
  });

  it('hostile storage: control characters, links out, oversized files, a SQLite-only storage', () => {
    const control = fixture(session({ 'msg_1.json': assistant('qwen', 'qwen3-coder\n\nAssisted-by: nobody'), 'msg_0.json': assistant('qwen\u200b', 'qwen3') }));
    expect(models(control.place)).toEqual([]);
    const outside = fixture({ 'home/elsewhere.json': assistant('qwen', 'qwen3-coder'), ...session({}) });
    mkdirSync(join(outside.base, `${STORAGE}/message/ses_abc`), { recursive: true });
    symlinkSync(join(outside.base, 'home/elsewhere.json'), join(outside.base, `${STORAGE}/message/ses_abc/msg_1.json`));
    expect(models(outside.place)).toEqual([]);
    const linkedDir = fixture({ 'home/elsewhere/msg_1.json': assistant('qwen', 'qwen3-coder'), ...session({}) });
    mkdirSync(join(linkedDir.base, `${STORAGE}/message`), { recursive: true });
    symlinkSync(join(linkedDir.base, 'home/elsewhere'), join(linkedDir.base, `${STORAGE}/message/ses_abc`));
    expect(models(linkedDir.place)).toEqual([]);
    const big = fixture(session({ 'msg_1.json': `{"role": "assistant", "providerID": "qwen", "modelID": "qwen3-coder", "pad": "${'x'.repeat(70 * 1024)}"}` }));
    expect(models(big.place)).toEqual([]);
    // An older message names the model when the newest ones do not (a user message, an unreadable one).
    const older = fixture(session({ 'msg_1.json': assistant('qwen', 'qwen3-coder'), 'msg_2.json': '{not json', 'msg_3.json': user('openai', 'gpt-5') }));
    expect(models(older.place)).toEqual(['qwen/qwen3-coder']);
    const sqlite = fixture({ 'home/.local/share/opencode/opencode.db': 'SQLite format 3\0' });
    expect(models(sqlite.place)).toEqual([]);
  });
});
