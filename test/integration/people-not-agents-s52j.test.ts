// Session 52 helper j: a review of helper f's detection changes (rows 1029, 1030, 1032) for
// people they read as AI. Each case below was a person's commit before f's change and read as an
// agent's after it, refused by `check` and the server's pre-receive under `unknownModel: deny`:
// - row 1038: a tagged no-reply mailbox (1032) read as the agent's whatever its tag, so a
//   platform's per-user placeholder (`"noreply+" + userId + "@…"`, public code: stored files
//   31635050607, 56347535812) under a one-word name an agent also has (`Jules`, `Devin`) was the
//   agent, as a co-author and as the commit author. Now only the agent's own tag counts
//   (`Goose <noreply+goose@block.xyz>`, f's case, still is Goose).
// - row 1039: 1030's multi-word agent names were matched in lower case, so `Manus Ai` (the
//   surname Ai, 艾; rows 913/923 keep `Kimi Ai` a person: `AI` in capitals only) read as Manus.
// - row 1040: 1029's iFlytek vendor words `iflytek`, `xfyun` were read as the vendor's model on a
//   co-author line (`iFlytek <noreply@iflytek.com>`, `Xfyun Team <…>`), where `Baidu`, `Tencent` are a
//   company's name; they are personNames now, as `astron` and `baidu` are.
// Each test failed before its fix (declared-value.ts agentAtNoReply; mentions.ts agentNameAsWritten;
// signatures.json personNames).
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitCase, expectEachPasses, expectEachRefused, policyServer, tryGit } from '../helpers/enforce-repos.js';

const POLICY = 'policy:\n  deny: ["iflytek/*"]\n  unknownModel: deny\n';

describe("people helper f's rules read as agents (rows 1038, 1039, 1040)", () => {
  it("row 1038: a person at a platform's noreply+<id> placeholder passes, as co-author and as author; the agent's own tag is still refused", () => {
    const { remote, work } = policyServer(POLICY);
    expectEachRefused(remote, work, {
      goose: 'feat: add the recipe loader\n\nCo-Authored-By: Goose (Block/Goose) <noreply+goose@block.xyz>\n',
      plain: 'feat: b\n\nCo-Authored-By: Goose <noreply+goose@block.xyz>\n',
    }, (found, name) => expect(found, name).not.toEqual([]));
    expectEachPasses(work, [
      'fix: keep the seller form\n\nCo-authored-by: Jules <noreply+4711@odyssey.example>\n',
      'fix: b\n\nCo-authored-by: Devin <noreply+devin-m@siraa.example>\n',
    ]);
    // The commit author at such a placeholder: `log` reads a person, the server takes it.
    work.git(['checkout', '-q', '-b', 'author-placeholder', 'main']);
    commitCase(work, 'author-placeholder', 'docs: update the onboarding page\n');
    work.git(['commit', '-q', '--amend', '--no-verify', '--no-edit', '--author=Devin <noreply+4711@odyssey.example>']);
    const log = aitrail(work.dir, ['log', '-n', '1', '--format', 'json']);
    expect(log.code, log.stderr).toBe(0);
    expect(log.stdout).not.toContain('"devin');
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'author-placeholder']);
    work.git(['checkout', '-q', 'main']);
    expect(push.code, push.stderr).toBe(0);
  }, 180_000);

  it('row 1039: `Manus Ai`, `Qoder Ai` (a surname) pass; `Manus AI`, `Codex CLI` are still refused', () => {
    const { remote, work } = policyServer(POLICY);
    expectEachRefused(remote, work, {
      manus: 'feat: a\n\nCo-authored-by: Manus AI <manus@example.com>\n',
      codex: 'feat: b\n\nCo-Authored-By: Codex CLI <codex@openai.local>\n',
    }, (found, name) => expect(found, name).not.toEqual([]));
    expectEachPasses(work, [
      'fix: c\n\nCo-authored-by: Manus Ai <manus.ai@example.ie>\n',
      'fix: d\n\nCo-authored-by: Qoder Ai <q.ai@example.com>\n',
    ]);
  }, 180_000);

  it("row 1040: iFlytek's company name passes as a co-author; `astron-code-latest` is still iFlytek's, refused", () => {
    const { remote, work } = policyServer(POLICY);
    expectEachRefused(remote, work, {
      astron: 'feat: add table structure detection\n\nCo-Authored-By: astron-code-latest <noreply@anthropic.com>\n',
    }, (found, name) => expect([...new Set(found)], name).toEqual(['iflytek/unknown']));
    expectEachPasses(work, [
      'chore: sync the SDK docs\n\nCo-authored-by: iFlytek <noreply@iflytek.com>\n',
      'chore: b\n\nCo-authored-by: Xfyun Team <team@example.com>\n',
    ]);
  }, 180_000);
});
