import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a build script in plain JS
import { GENERATED, htmlRuntime } from '../../scripts/build-html-runtime.mjs';

describe('the HTML report page script is generated from src/core/report-html/browser/', () => {
  it('runtime.generated.ts is what npm run build:html makes now (run it after changing browser/ or d3-hierarchy)', async () => {
    expect(readFileSync(GENERATED as URL, 'utf8')).toBe(await (htmlRuntime as () => Promise<string>)());
  }, 30_000);
});
