import { beforeAll, describe, expect, it, vi } from 'vitest';
import signatureData from '../../src/core/data/signatures.json' with { type: 'json' };

// Unit files share worker processes (isolate: false in vitest.config.ts), so another file may have
// compiled signatures() already: this file loads its own module instances.
let envAgents: typeof import('../../src/core/detect/env-findings.js').envAgents;
let signatures: typeof import('../../src/core/detect/signatures.js').signatures;
beforeAll(async () => {
  vi.resetModules();
  ({ envAgents } = await import('../../src/core/detect/env-findings.js'));
  ({ signatures } = await import('../../src/core/detect/signatures.js'));
});

/** True while `key` of the compiled signatures is still a getter: not built yet. */
const unbuilt = (key: string) => typeof Object.getOwnPropertyDescriptor(signatures(), key)?.get === 'function';

// Fresh module instances: signatures() is compiled here first, by an agent's environment.
describe('signatures(): each field built when first read', () => {
  it("an agent's environment reads its markers only: identities, non-AI tools, names are not set up", () => {
    expect([...envAgents({ CLAUDECODE: '1' })]).toEqual(['claude-code']);
    for (const key of ['identities', 'nonAiTools', 'personNames', 'vendorWords', 'dependencyBots', 'bodyLines', 'subjects', 'declaredKeys', 'envModels', 'endpoints']) expect(unbuilt(key), key).toBe(true);
    expect(unbuilt('env')).toBe(false);
  });

  it('a field read is what it was built from, the same object every time, then a plain value', () => {
    const first = signatures().nonAiTools;
    expect(first).toBe(signatures().nonAiTools);
    expect(first).toEqual(new Set(signatureData.nonAiTools.map((tool) => tool.toLowerCase())));
    expect(unbuilt('nonAiTools')).toBe(false);
    expect(signatures().identities).toHaveLength(signatureData.identities.length);
    expect(signatures().identities).toBe(signatures().identities);
    expect(signatures().bodyLines.map((line) => line.agent)).toEqual(signatureData.bodyLines.map((line) => line.agent));
    expect(signatures().vendorWords).toEqual(new Map(Object.entries(signatureData.vendorWords)));
    expect(signatures().genericAgentVars).toEqual(signatureData.genericAgentVars);
    expect(Object.keys(signatures()).sort()).toContain('endpoints');
  });
});
