import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/config/config-error.js';
import { parseConfigText } from '../../src/config/parse-config-text.js';
import { validateConfig } from '../../src/config/validate.js';

// Row 300 refuses a config string holding a character no screen shows (a glob that reads
// `src/crypto/**` in review and matches nothing); its set named the tag characters up to U+E01EF but
// not the other default-ignorable code points a renderer draws as nothing: U+E0080-U+E0FFF's
// unassigned rest, the musical formatting marks U+1D173-U+1D17A, U+1BCA0-U+1BCA3, U+FFF0-U+FFF8.

async function verdict(text: string): Promise<string> {
  const parsed = await parseConfigText(text, 'yaml', 'F');
  if (parsed.problem) return formatProblem(parsed.problem);
  const { config, problems } = validateConfig(parsed.data === undefined ? {} : parsed.data, 'F');
  return config ? 'valid' : problems.map(formatProblem).join('\n');
}

describe('config strings holding a default-ignorable code point (s45v, row 300)', () => {
  it.each(['E0200', 'E0FFF', '1D173', '1BCA0', 'FFF0'])('a path glob or an exclude glob holding U+%s is a problem naming it', async (point) => {
    const char = String.fromCodePoint(Number.parseInt(point, 16));
    const glob = await verdict(`policy:\n  paths:\n    - files: ["src/crypto/**${char}"]\n      deny: ["qwen/*"]\n`);
    expect(glob).toContain('F: policy.paths[0].files[0]: found "src/crypto/**\\u');
    expect(glob).toContain(`which holds U+${point} at character 14 (a character no screen shows`);
    // A model glob refuses any such character already (its own alphabet); an exclude glob did not.
    expect(await verdict(`blame:\n  exclude: ["dist${char}/**"]\n`)).toContain(`holds U+${point} at character 5`);
  });

  it('an emoji keeps its variation selector, as before', async () => {
    expect(await verdict('blame:\n  exclude: ["docs/\u26a0\ufe0f/**"]\n')).toBe('valid');
  });
});
