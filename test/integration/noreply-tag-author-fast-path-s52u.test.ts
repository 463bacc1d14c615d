// Session 52 helper u (row 1066): rows 1032 and 1038 read an agent named at a no-reply mailbox
// tagged with its own name (`noreply+goose@`) as that agent, as a co-author and as the commit author
// (agentAtNoReply reads both). The message hooks' shims start node for an author only when the author
// holds a text of the identity list (src/install/fast-path-signals.ts identityTexts), and for no-reply
// addresses that list held `reply@` alone: `Warp <noreply+warp@example.dev>` as the author of a commit
// with a plain message skipped node, so nothing was recorded at commit time (no trailer, no warning
// under `unknownModel: deny`), while `Warp <noreply@example.dev>` was recorded. This test failed before
// the fix (identityTexts: `reply+`).
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tryGit } from '../helpers/enforce-repos.js';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { messageOf } from '../helpers/hooks.js';

describe('an agent as the author at its own tagged no-reply mailbox (row 1066)', () => {
  it('starts node at commit and is recorded as at an untagged one; a person at a per-user placeholder records nothing', () => {
    const { repo, env, started } = hookedRepo();
    const commitAs = (author: string, file: string) => {
      repo.write(file, `${file}\n`);
      repo.git(['add', file]);
      const result = tryGit(repo.dir, ['commit', '-q', '-m', `fix: ${file}`, `--author=${author}`], { env });
      expect(result.code, result.stderr).toBe(0);
      return messageOf(repo.dir);
    };
    expect(commitAs('Warp <noreply@example.dev>', 'untagged.txt')).toContain('Assisted-by: warp:unknown');
    expect(commitAs('Warp <noreply+warp@example.dev>', 'tagged.txt')).toContain('Assisted-by: warp:unknown');
    expect(commitAs('Kilo Code <No-Reply+Kilo-Code@example.dev>', 'kilo.txt')).toContain('Assisted-by: kilo-code:unknown');
    // A person at a platform's per-user placeholder (row 1038): node starts (the cost), records nothing.
    writeFileSync(started, '');
    expect(commitAs('Devin <noreply+4711@odyssey.example>', 'person.txt')).toBe('fix: person.txt\n');
    expect(readFileSync(started, 'utf8')).toContain('hook commit-msg');
  }, 120_000);
});
