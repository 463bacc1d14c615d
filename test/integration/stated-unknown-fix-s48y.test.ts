// row 905: a stated unknown (a gateway's, row 894) is never folded into a model named beside it, yet the refusal's
// fix said only "Name the model in the trailer 'Assisted-by: goose:unknown': replace 'unknown' with the model id":
// goose asking `gpt-4o` of a local Ollama, the person adding `Assisted-by: goose:qwen/qwen3-coder` as told, was
// refused again. The fix now says that only AITRAIL_MODEL / `aitrail use` helps there, and following it passes.
// Committed for real through init's hooks.
import { describe, expect, it } from 'vitest';
import { agentCommit, homeWith, hooked } from '../helpers/agent-home.js';
import { aitrail } from '../helpers/hooks.js';
import { expectGatewayRefused } from '../helpers/local-gateway.js';

const POLICY = 'policy:\n  unknownModel: deny\n';
const GOOSE = { HOME: homeWith(), GOOSE_TERMINAL: '1', XDG_CONFIG_HOME: undefined, GOOSE_PROVIDER: 'ollama', GOOSE_MODEL: 'gpt-4o', AITRAIL_MODEL: undefined };

describe("a gateway's unknown: the refusal's fix is one that works (row 905)", () => {
  it('says a trailer beside it does not help (it stays refused) and AITRAIL_MODEL does (it passes)', () => {
    const repo = hooked(POLICY);
    const refused = agentCommit(repo, GOOSE);
    expectGatewayRefused(refused, 'goose at a local Ollama');
    expect(refused.stderr).toContain("only AITRAIL_MODEL or 'aitrail use' helps while it is in use: a model named in the message beside its unknown does not replace it");
    // The old advice, followed: still refused (the stated unknown stays beside).
    expectGatewayRefused(agentCommit(repo, GOOSE, 'feat: parser\n\nAssisted-by: goose:qwen/qwen3-coder\n'), 'trailer beside');
    // The new advice, followed: recorded as named, and check agrees.
    const named = agentCommit(repo, { ...GOOSE, AITRAIL_MODEL: 'qwen/qwen3-coder' });
    expect(named.status, named.stderr).toBe(0);
    expect(named.message).toBe('feat: parser\n\nAssisted-by: goose:qwen/qwen3-coder\n');
    expect(aitrail(repo.dir, ['check', 'HEAD~1..HEAD']).status).toBe(0);
  });

  it("check on a commit already made names the trailer to change", () => {
    const repo = hooked(POLICY);
    const written = agentCommit(repo, GOOSE, 'feat: parser\n', ['--no-verify']);
    expect(written.message).toBe('feat: parser\n\nAssisted-by: goose:unknown\n');
    const check = aitrail(repo.dir, ['check', 'HEAD~1..HEAD']);
    expect(check.status).toBe(1);
    expect(check.stdout + check.stderr).toContain("Name the model in the trailer 'Assisted-by: goose:unknown': replace 'unknown' with the model id");
    expect(check.stdout + check.stderr).toContain('a model named in the message beside its unknown does not replace it');
  });

  it("an unknown that is not stated (`Assisted-by: trae`, no model, no `trae:unknown`) keeps the plain advice in check", () => {
    const repo = hooked(POLICY);
    const written = agentCommit(repo, { HOME: homeWith(), AITRAIL: '0' }, 'feat: parser\n\nAssisted-by: trae\n');
    expect(written.message).toBe('feat: parser\n\nAssisted-by: trae\n');
    const check = aitrail(repo.dir, ['check', 'HEAD~1..HEAD']);
    expect(check.status).toBe(1);
    expect(check.stdout + check.stderr).toContain('model: unknown (agent trae)');
    expect(check.stdout + check.stderr).not.toContain('a gateway or router');
  });
});
