import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLIENT_HOOKS, SERVER_HOOKS } from '../../src/install/hook-names.js';
import { shimSource } from '../../src/install/shim-source.js';

describe('hooks/* are generated from the one template', () => {
  it.each([...CLIENT_HOOKS, ...SERVER_HOOKS])('hooks/%s equals shimSource() (run npm run build:shims after changing it) and is executable', (hook) => {
    const url = new URL(`../../hooks/${hook}`, import.meta.url);
    expect(readFileSync(url, 'utf8')).toBe(shimSource(hook));
    expect(statSync(url).mode & 0o111).toBe(0o111);
  });

  it('messages are safe inside double-quoted sh strings', () => {
    for (const hook of [...CLIENT_HOOKS, ...SERVER_HOOKS]) {
      for (const line of shimSource(hook).split('\n').filter((text) => text.trimStart().startsWith('echo "aitrail: '))) {
        const inner = line.slice(line.indexOf('"') + 1, line.lastIndexOf('"'));
        expect(inner).not.toMatch(/["`\\]|\$\(/);
      }
    }
  });
});

describe('the texts node reads at run time are the shims\' list', () => {
  it('src/core/data/fast-path-texts.generated.json equals identityTexts(), messageTexts(), lineTexts() and lineAlsoTexts() (run npm run build:shims after changing the signatures)', async () => {
    const { dependencyBotTexts, identityTexts, lineAlsoTexts, lineTexts, messageTexts } = await import('../../src/install/fast-path-signals.js');
    const generated = JSON.parse(readFileSync(new URL('../../src/core/data/fast-path-texts.generated.json', import.meta.url), 'utf8')) as { identity: string[]; dependencyBots: string[]; message: string[]; lines: Record<string, string[]>; lineAlso: Record<string, string[][]> };
    expect(generated.identity).toEqual(identityTexts());
    expect(generated.dependencyBots).toEqual(dependencyBotTexts());
    expect(generated.message).toEqual(messageTexts());
    expect(generated.lines).toEqual(lineTexts());
    expect(generated.lineAlso).toEqual(lineAlsoTexts());
  });
});

describe('the agent names\' index node reads at run time', () => {
  it('src/core/data/signature-index.generated.json equals buildSignatureIndex() (run npm run build:shims after changing the signatures)', async () => {
    const { buildSignatureIndex } = await import('../../src/core/detect/signatures.js');
    const generated = JSON.parse(readFileSync(new URL('../../src/core/data/signature-index.generated.json', import.meta.url), 'utf8')) as unknown;
    expect(generated).toEqual(buildSignatureIndex());
    expect(buildSignatureIndex().agentNames.length).toBeGreaterThan(100);
  });
});

describe('agents\' own co-author lines, as read at build time', () => {
  it('src/core/data/co-author-lines.generated.json equals buildCoAuthorLines() (run npm run build:shims after changing the signatures or how co-authors are read)', async () => {
    const { buildCoAuthorLines } = await import('../../src/core/detect/declared-value.js');
    const generated = JSON.parse(readFileSync(new URL('../../src/core/data/co-author-lines.generated.json', import.meta.url), 'utf8')) as unknown;
    expect(generated).toEqual(buildCoAuthorLines());
    expect(buildCoAuthorLines().length).toBeGreaterThan(10);
  });
});
