import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/config/config-error.js';
import { parseConfigText, type ConfigFormat } from '../../src/config/parse-config-text.js';
import { validateConfig } from '../../src/config/validate.js';

/** What a config text yields: the parse problem, or every validation problem, or 'valid'. */
async function verdict(text: string, format: ConfigFormat = 'yaml'): Promise<string> {
  const parsed = await parseConfigText(text, format, 'F');
  if (parsed.problem) return formatProblem(parsed.problem);
  const { config, problems } = validateConfig(parsed.data === undefined ? {} : parsed.data, 'F');
  return config ? 'valid' : problems.map(formatProblem).join('\n');
}

describe('config strings holding characters no screen shows (row 300)', () => {
  it('a zero-width space, soft hyphen, word joiner or U+FFFD in a glob, alias name or pattern is a problem naming its path and code point', async () => {
    const rule = (glob: string) => `policy:\n  paths:\n    - files: ["${glob}"]\n      allow: []\n`;
    expect(await verdict(rule('src/cry\u200bpto/**'))).toBe('F: policy.paths[0].files[0]: found "src/cry\\u200bpto/**", which holds U+200B at character 8 (a character no screen shows: a reviewer reads another value than aitrail does), expected visible characters only (delete it; write the value as it reads)');
    expect(await verdict(rule('src/cry\u00adpto/**'))).toContain('holds U+00AD');
    expect(await verdict(rule('src/crypto/**\u2060'))).toContain('holds U+2060 at character 14');
    expect(await verdict(rule('src/caf\ufffd/**'))).toContain('holds U+FFFD at character 8 (bytes that are not UTF-8, or a replacement character), expected UTF-8 text');
    expect(await verdict('{"detect":{"aliases":{"internal\\u200c-llm":"qwen/qwen3-coder"}}}', 'json')).toContain('F: detect.aliases["internal\\u200c-llm"]: found the key "internal\\u200c-llm", which holds U+200C');
    expect(await verdict('detect:\n  rules:\n    - { field: authorName, pattern: "bot\u3164$", agent: acme-bot }\n')).toContain('detect.rules[0].pattern: found "bot\\u3164$", which holds U+3164');
    expect(await verdict('blame:\n  exclude: ["dist\u{e0020}/**"]\n')).toContain('holds U+E0020');
    // A key the schema refuses already is named once.
    expect((await verdict('policy\u200b: {}\n')).split('\n')).toHaveLength(1);
  });

  it('emoji keep their joiners and variation selectors; comments are not read', async () => {
    expect(await verdict('# ⚠️ 👨‍💻 \u200b\ndetect:\n  rules:\n    - { field: subject, pattern: "^(⚠️|👨‍💻|❤️‍🔥|👍🏽) ", agent: acme-bot }\n')).toBe('valid');
    expect(await verdict('blame:\n  exclude: ["docs/café/**", "文档/**"]\n')).toBe('valid');
  });
});

describe('config text a hostile repository shapes (row 301)', () => {
  it('UTF-16 and UTF-32 text is named as such, not as a parse error at a random column', async () => {
    const utf16 = Buffer.from('\ufeffpolicy:\n  deny: ["qwen/*"]\n', 'utf16le').toString('utf8');
    expect(await verdict(utf16)).toBe('F: found a UTF-16 or UTF-32 byte-order mark and NUL bytes (a UTF-16 or UTF-32 file, or not text), expected UTF-8 text (save the file as UTF-8)');
    expect(await verdict(Buffer.from('{"aitrail":{}}', 'utf16le').toString('utf8'), 'package')).toContain('F: found NUL bytes');
    expect(await verdict('\ufeffpolicy:\n  deny: ["qwen/*"]\n')).toBe('valid');
  });

  it('YAML tags, merge keys, more documents and prototype keys anywhere are problems, never a quiet default', async () => {
    const refused: [string, string, ConfigFormat?][] = [
      ['policy: !!binary aGVsbG8=\n', 'unknown tag'],
      ['policy: !!set {a, b}\n', 'unknown tag'],
      ['policy: !!omap [deny: x]\n', 'unknown tag'],
      ['base: &b {deny: ["qwen/*"]}\npolicy:\n  <<: *b\n', 'YAML alias'],
      ['policy:\n  deny: ["qwen/*"]\n  <<: {deny: []}\n', 'policy["<<"]: found unknown key "<<"'],
      ['policy:\n  deny: ["qwen/*"]\n---\npolicy: {}\n', 'expected a single document'],
      ['policy:\n  __proto__:\n    deny: ["qwen/*"]\n', 'policy.__proto__: found unknown key "__proto__"'],
      ['{"policy":{"__proto__":{"deny":["qwen/*"]}}}', 'policy.__proto__: found unknown key', 'json'],
      ['{"__proto__":{"policy":{"deny":["qwen/*"]}}}', '__proto__: found unknown key', 'json'],
      ['{"policy":{"paths":[{"files":["src/**"],"constructor":{"allow":[]}}]}}', 'policy.paths[0].constructor: found unknown key', 'json'],
      ['{"policy":{"deny":[1e309,-0]}}', 'policy.deny[0]: found Infinity', 'json'],
      ['{"name":"x","aitrail":null}', 'found null, expected an object', 'package'],
      ['{"name":"x","aitrail":"./policy.yml"}', 'found "./policy.yml", expected an object', 'package'],
      ['{"name":"x","aitrail":{"__proto__":{"policy":{"deny":["qwen/*"]}}}}', '__proto__: found unknown key', 'package'],
    ];
    for (const [text, problem, format] of refused) expect(await verdict(text, format), text).toContain(problem);
    // A path rule for a file named __proto__ is a path like any other.
    expect(await verdict('{"policy":{"paths":[{"files":["__proto__/**"],"deny":["qwen/*"]}]}}', 'json')).toBe('valid');
    expect(({} as Record<string, unknown>).deny).toBeUndefined();
  });
});
