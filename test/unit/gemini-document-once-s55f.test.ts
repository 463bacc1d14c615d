// Session 55 helper f (no row: cost): Gemini CLI's recording kept as one JSON document
// (`session-*.json`) was opened and read twice a hook, its last 256 KiB for its last answer's model,
// then whole and parsed for the models used since the previous commit. Found by counting the opens of
// a 2 MB recording while `geminiSessionModels` ran (2 opens, 2.42 MB read). Now the whole parse the
// window needs names the last answer too: one open, 2.16 MB; the same models recorded.
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { homeWith } from '../helpers/agent-home.js';
import { geminiSessionModels } from '../../src/agent-settings/chat-recordings.js';
import type { SettingsPlace } from '../../src/agent-settings/settings-place.js';

const ROOT = '/nonexistent/srv/app';
const openSync = fs.openSync;
afterEach(() => {
  fs.openSync = openSync;
  syncBuiltinESMExports();
});

/** The paths opened while `run` runs. */
function opened<T>(run: () => T): { value: T; paths: string[] } {
  const paths: string[] = [];
  fs.openSync = ((path: fs.PathLike, ...rest: unknown[]) => {
    paths.push(String(path));
    return (openSync as (...args: unknown[]) => number)(path, ...rest);
  }) as typeof fs.openSync;
  syncBuiltinESMExports();
  try {
    return { value: run(), paths };
  } finally {
    fs.openSync = openSync;
    syncBuiltinESMExports();
  }
}

describe("Gemini CLI's recording as one JSON document", () => {
  it('is opened once a hook: its window and its last answer from one parse', () => {
    const now = Date.now();
    const messages = Array.from({ length: 600 }, (_, n) => ({
      id: `m${n}`,
      type: n % 2 ? 'gemini' : 'user',
      timestamp: new Date(now - (600 - n) * 1000).toISOString(),
      content: 'x'.repeat(1000),
      ...(n % 2 ? { model: n > 500 && n < 590 ? 'gemini-2.5-pro' : 'gemini-2.5-flash' } : {}),
    }));
    const hash = createHash('sha256').update(ROOT).digest('hex');
    const file = `.gemini/tmp/${hash}/chats/session-2026-12-04T23-00-3f2b8c1e.json`;
    const home = homeWith({ [file]: JSON.stringify({ sessionId: 's', messages }, null, 2) });
    const place: SettingsPlace = { root: ROOT, gitDir: `${ROOT}/.git`, env: { GEMINI_CLI: '1' }, home, system: '/nonexistent', commandLines: [], windowStart: () => now - 300_000 };
    const { value, paths } = opened(() => geminiSessionModels(place, []));
    expect(value.map((found) => found.model)).toEqual(['gemini-2.5-flash', 'gemini-2.5-pro']);
    expect(value[0]!.evidence).toContain(`newest chat recording ~/${file} model="gemini-2.5-flash"`);
    expect(paths.filter((path) => path.endsWith(join('chats', 'session-2026-12-04T23-00-3f2b8c1e.json')))).toHaveLength(1);
  });
});
