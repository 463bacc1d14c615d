// Session 56 last re-read (row 1226): Factory Droid's co-author line (row 1196) was looked for in a message's first
// 256 KiB alone, while trailers sit at a message's end: a 280 KB body put the line past it, no Droid settings were read,
// and the commit was recorded `factory-droid:unknown`, passing a deny of the model Droid's settings name (a warning under
// the default unknownModel). Found reading the change, replayed with init's hooks and a temp HOME as Droid writes it.
// Now a message's head and tail are looked at (256 KiB each).
import { describe, expect, it } from 'vitest';
import { agentCommit, homeWith, hooked } from '../helpers/agent-home.js';
import { hookEnv } from '../helpers/hooks.js';

const LINE = 'Co-authored-by: factory-droid[bot] <138933559+factory-droid[bot]@users.noreply.github.com>\n';

describe("Droid's co-author line at the end of a long message (row 1226)", () => {
  it('is read: the model its settings name is refused under a deny of it, as in a short message', () => {
    const repo = hooked('policy:\n  deny: ["anthropic/*"]\n');
    const env = hookEnv({ HOME: homeWith({ '.factory/settings.json': JSON.stringify({ model: 'claude-opus-4-5-20251101' }) }) });
    const body = `${'a line of the change log that goes on for a while, as generated release notes do\n'.repeat(3500)}`;
    expect(body.length).toBeGreaterThan(280_000);
    for (const message of [`feat: parser\n\n${LINE}`, `feat: parser\n\n${body}\n${LINE}`]) {
      const result = agentCommit(repo, env, message);
      expect(result.status, `${message.length}: ${result.stderr}`).not.toBe(0);
      expect(result.stderr).toMatch(/anthropic\/claude-opus-4\.5/);
    }
  });
});
