// Row 940: aider writes `Co-authored-by: aider (<model>) <aider@aider.chat>` on its commits (its
// `--attribute-co-authored-by`, on by default), naming the model it asked for. The hooks read an agent's settings only
// when the message names no model of it, so at a gateway on this machine (row 879's OPENAI_API_BASE, row 911's
// model settings `api_base`, row 938's padded settings file) the `aider:unknown` those readings give was never
// read: the commit was recorded `aider:openai/gpt-4o` and passed `unknownModel: deny`. Now a reading that says the
// name is not what runs (`routed`) is read whatever the message names, its unknown kept beside (row 894).
// Run by an executable named `aider` through init's installed hooks.
import { describe, expect, it } from 'vitest';
import { hooked } from '../helpers/agent-home.js';
import { agentRun, expectGatewayRefused, STRICT } from '../helpers/local-gateway.js';

const CO_AUTHOR = 'feat: parser\n\nCo-authored-by: aider (gpt-4o) <aider@aider.chat>\n';
const CONF = { '.aider.conf.yml': 'model: gpt-4o\n' };
const LOCAL = '- name: gpt-4o\n  extra_params:\n    api_base: http://localhost:3000/v1\n';

describe("aider's own co-author line at a gateway on this machine (row 940)", () => {
  it('OPENAI_API_BASE or the model settings on loopback, or a padded settings file: aider:unknown beside, refused', () => {
    const repo = hooked(STRICT);
    expectGatewayRefused(agentRun(repo, 'aider', [], { OPENAI_API_BASE: 'http://127.0.0.1:4000' }, CONF, CO_AUTHOR), 'OPENAI_API_BASE (row 879)');
    expectGatewayRefused(agentRun(repo, 'aider', [], {}, { ...CONF, '.aider.model.settings.yml': LOCAL }, CO_AUTHOR), 'extra_params.api_base (row 911)');
    const padded = agentRun(repo, 'aider', [], {}, { ...CONF, '.aider.model.settings.yml': `${LOCAL}# ${'x'.repeat(1024 * 1024)}\n` }, CO_AUTHOR);
    expect(padded.status, padded.stderr).not.toBe(0);
    expect(padded.stderr).toContain('over 1 MiB, not read');
  });

  it('careless truth: with no gateway the co-author line alone is recorded; at one, a warning and both lines under the default policy', () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    const hosted = agentRun(repo, 'aider', [], {}, CONF, CO_AUTHOR);
    expect(hosted.status, hosted.stderr).toBe(0);
    expect(hosted.message).toContain('Assisted-by: aider:openai/gpt-4o');
    expect(hosted.message).not.toContain('aider:unknown');
    const gateway = agentRun(repo, 'aider', [], { OPENAI_API_BASE: 'http://127.0.0.1:4000' }, CONF, CO_AUTHOR);
    expect(gateway.status, gateway.stderr).toBe(0);
    expect(gateway.message).toContain('Assisted-by: aider:unknown');
  });
});
