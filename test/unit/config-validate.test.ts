import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, formatProblem } from '../../src/config/config-error.js';
import { DEFAULT_TRAILER_KEY, resolveConfig } from '../../src/config/defaults.js';
import { parseConfigText } from '../../src/config/parse-config-text.js';
import { validateConfig } from '../../src/config/validate.js';

const F = '.aitrailrc.yml';
const lines = (data: unknown) => validateConfig(data, F).problems.map(formatProblem);

const FULL = {
  trailer: { key: 'Generated-by' },
  policy: {
    allow: ['anthropic/*', 'openai/*'],
    deny: ['qwen/*', 'deepseek/*'],
    unknownModel: 'warn',
    undeclared: 'deny',
    paths: [{ files: ['src/crypto/**'], allow: [], deny: ['*'], requireTrailers: ['Reviewed-by'] }],
  },
  detect: {
    rules: [
      { field: 'authorName', pattern: '\\(bot\\)$', agent: 'acme-bot', model: 'acme/coder-2' },
      { field: 'trailer', key: 'Co-authored-by', pattern: '^acme-ai \\((.+)\\)', agent: 'acme-ai', model: '$1' },
    ],
    aliases: { 'internal-llm': 'acme/internal-llm-2', 'Internal LLM v2': 'acme/internal-llm-2' },
  },
  blame: { include: ['**/*'], exclude: ['dist/**', '**/*.min.js'] },
};

describe('validateConfig', () => {
  it('accepts the full example of DESIGN.md and an empty config', () => {
    expect(validateConfig(FULL, F)).toEqual({ config: FULL, problems: [] });
    expect(validateConfig({}, F)).toEqual({ config: {}, problems: [] });
  });

  it('states an enum problem in plain words', () => {
    expect(lines({ policy: { unknownModel: 'block' } })).toEqual([
      '.aitrailrc.yml: policy.unknownModel: found "block", expected one of allow, warn, deny',
    ]);
  });

  it('catches typos of keys at every level, with a suggestion', () => {
    expect(lines({ polcy: {}, policy: { alow: [] }, detect: { rules: [{ field: 'body', pattern: 'x', modle: 'a/b' }] } })).toEqual([
      '.aitrailrc.yml: polcy: found unknown key "polcy", expected one of the keys $schema, trailer, policy, detect, blame, notes (did you mean "policy"?)',
      '.aitrailrc.yml: policy.alow: found unknown key "alow", expected one of the keys allow, deny, unknownModel, undeclared, paths (did you mean "allow"?)',
      '.aitrailrc.yml: detect.rules[0].modle: found unknown key "modle", expected one of the keys field, key, pattern, agent, model (did you mean "model"?)',
    ]);
  });

  it('reports every problem at once, each with file, path, found and expected', () => {
    const result = validateConfig(
      {
        trailer: { key: 'Assisted by' },
        policy: { allow: 'anthropic/*', deny: ['qwen/*', 'bad glob', 3], undeclared: true, paths: [{ allow: [] }, { files: [] }] },
        detect: {
          rules: [
            { field: 'trailer', pattern: 'x' },
            { field: 'subject', key: 'X', pattern: '(' },
            { field: 'email', pattern: 'a'.repeat(501) },
            { field: 'body', pattern: '(a)', model: '$2' },
          ],
          aliases: { ok: 'not a model', __proto__x: 'a/b' },
        },
        blame: { include: 'src', exclude: ['dist/**', 'a\u0000b'] },
      },
      F,
    );
    expect(result.config).toBeUndefined();
    const byPath = Object.fromEntries(result.problems.map((p) => [p.path, p]));
    expect(byPath['/trailer/key']).toMatchObject({ file: F, found: '"Assisted by"', expected: expect.stringContaining('git trailer key') });
    expect(byPath['/policy/allow']).toMatchObject({ found: '"anthropic/*"', expected: expect.stringContaining('a list of model globs') });
    expect(byPath['/policy/deny/1']!.expected).toContain('a model glob');
    expect(byPath['/policy/deny/2']!.found).toBe('3');
    expect(byPath['/policy/undeclared']).toMatchObject({ found: 'true', expected: 'one of allow, warn, deny' });
    expect(byPath['/policy/paths/0/files']).toMatchObject({ found: 'nothing', expected: expect.stringMatching(/file globs.*\(required\)$/) });
    expect(byPath['/policy/paths/1/files']).toMatchObject({ found: 'an empty list' });
    expect(byPath['/detect/rules/0/key']).toMatchObject({ found: 'nothing', expected: expect.stringContaining('(required with field: trailer)') });
    expect(byPath['/detect/rules/1/key']!.expected).toContain('only used with field: trailer');
    expect(byPath['/detect/rules/1/pattern']!.expected).toBe('a regular expression that runs in linear time (RE2 syntax): missing closing ): `(`');
    expect(byPath['/detect/rules/2/field']!.expected).toBe('one of authorName, authorEmail, committerName, committerEmail, subject, body, trailer');
    expect(byPath['/detect/rules/2/pattern']).toMatchObject({ found: expect.stringContaining('(501 characters)'), expected: expect.stringContaining('at most 500 characters') });
    expect(byPath['/detect/rules/3/model']!.expected).toContain('the pattern has 1 group');
    expect(byPath['/detect/aliases/ok']!.expected).toContain('a model id');
    expect(byPath['/blame/include']!.expected).toContain('a list of file globs');
    expect(byPath['/blame/exclude/1']).toMatchObject({ found: '"a\\u0000b"', expected: expect.stringContaining('no control characters') });
    expect(result.problems.length).toBeGreaterThanOrEqual(16);
    const error = new ConfigError(result.problems);
    expect(error.message.split('\n')[0]).toBe(`invalid aitrail config (${result.problems.length} problems):`);
    expect(error.message).toContain('  - .aitrailrc.yml: policy.undeclared: found true, expected one of allow, warn, deny');
    expect(error.message).not.toContain('\u0000');
  });

  it('says a pattern without groups takes no $n reference, instead of "$1…$0"', () => {
    expect(lines({ detect: { rules: [{ field: 'subject', pattern: '^\\[ai\\]', agent: '$0' }] } })).toEqual([
      '.aitrailrc.yml: detect.rules[0].agent: found "$0", expected no group reference: the pattern has no ( ) group',
    ]);
  });

  it('refuses patterns a linear-time engine cannot run, naming what is unsupported', () => {
    const rules = ['(a)\\1', '^(?=x)', '(?<!x)y', 'a++', '(?>a)', '(?<n>a)\\k<n>'].map((pattern) => ({ field: 'subject', pattern }));
    expect(lines({ detect: { rules } })).toEqual([
      '.aitrailrc.yml: detect.rules[0].pattern: found "(a)\\\\1", expected a regular expression that runs in linear time (RE2 syntax): backreferences (\\1) are not supported',
      '.aitrailrc.yml: detect.rules[1].pattern: found "^(?=x)", expected a regular expression that runs in linear time (RE2 syntax): lookahead ((?=…), (?!…)) is not supported',
      '.aitrailrc.yml: detect.rules[2].pattern: found "(?<!x)y", expected a regular expression that runs in linear time (RE2 syntax): lookbehind ((?<=…), (?<!…)) is not supported',
      '.aitrailrc.yml: detect.rules[3].pattern: found "a++", expected a regular expression that runs in linear time (RE2 syntax): possessive quantifiers (a++, a*+) are not supported',
      '.aitrailrc.yml: detect.rules[4].pattern: found "(?>a)", expected a regular expression that runs in linear time (RE2 syntax): atomic groups ((?>…)) are not supported',
      '.aitrailrc.yml: detect.rules[5].pattern: found "(?<n>a)\\\\k<n>", expected a regular expression that runs in linear time (RE2 syntax): named backreferences (\\k<name>) are not supported',
    ]);
  });

  it('accepts the catastrophic-backtracking shape (it runs in linear time) and counts its groups', () => {
    const result = validateConfig({ detect: { rules: [{ field: 'authorName', pattern: '^(a+)+$', agent: 'bot-$1' }] } }, F);
    expect(result.problems).toEqual([]);
    expect(result.config!.detect!.rules![0]!.matcher!(`${'a'.repeat(45)}!`)).toBeNull();
    expect(JSON.stringify(result.config)).not.toContain('matcher');
  });

  it('asks for the field of a rule without one, not for a trailer key', () => {
    expect(lines({ detect: { rules: [{ pattern: 'x' }] } })).toEqual([
      '.aitrailrc.yml: detect.rules[0].field: found nothing, expected one of authorName, authorEmail, committerName, committerEmail, subject, body, trailer (required)',
    ]);
  });

  it('requires an object at the top and in each section', () => {
    expect(lines(['a'])).toEqual(['.aitrailrc.yml: found a list of 1 item, expected an object with the keys trailer, policy, detect, blame, notes']);
    expect(lines({ policy: null, blame: 3 })).toEqual([
      '.aitrailrc.yml: policy: found null, expected an object with the keys allow, deny, unknownModel, undeclared, paths',
      '.aitrailrc.yml: blame: found 3, expected an object with the keys include, exclude',
    ]);
  });

  it('notes.push is a boolean', () => {
    expect(lines({ notes: { push: false } })).toEqual([]);
    expect(lines({ notes: { push: 'no' } })).toHaveLength(1);
    expect(lines({ notes: { push: 'no' } })[0]).toMatch(/^\.aitrailrc\.yml: notes\.push: found "no", expected true \(the default\) or false/);
  });

  it('rejects prototype keys and control characters in alias names, naming the key safely', () => {
    const data = JSON.parse('{"detect":{"aliases":{"__proto__":"a/b","evil\\u001b[31m\\nname":"a/b"}}}');
    const problems = validateConfig(data, F).problems;
    expect(problems.map((p) => p.path)).toEqual(['/detect/aliases/__proto__', '/detect/aliases/evil\u001b[31m\nname']);
    const text = problems.map(formatProblem).join('\n');
    expect(text).toContain('detect.aliases.__proto__: found key "__proto__"');
    expect(text).toContain('detect.aliases["evil\\u001b[31m\\nname"]');
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(text.split('\n')).toHaveLength(2);
  });

  it('sanitises found values: escapes control and bidi characters, truncates long strings', () => {
    const [problem] = validateConfig({ trailer: { key: `x\u001b]0;pwned\u0007\u202e${'y'.repeat(200)}` } }, F).problems;
    expect(problem!.found).not.toMatch(/[\u0000-\u001f\u202e]/);
    expect(problem!.found).toContain('\\u001b]0;pwned\\u0007\\u202e');
    expect(problem!.found.length).toBeLessThan(140);
    expect(problem!.found).toMatch(/…" \(\d+ characters\)$/);
  });

  it('checks model glob and trailer key charsets', () => {
    expect(validateConfig({ policy: { allow: ['anthropic/*', 'qwen/qwen3-coder:30b', '{openai,google}/*', '!x'] } }, F).problems).toEqual([]);
    expect(lines({ policy: { deny: ['qwen/*\n', '--all', ''] } }).length).toBe(2);
    expect(lines({ trailer: { key: 'Assisted-by:' } })[0]).toContain('letters, digits and -');
  });

  it('caps the list of problems', () => {
    const problems = validateConfig({ policy: { deny: Array.from({ length: 300 }, () => 'x y') } }, F).problems;
    expect(problems).toHaveLength(101);
    expect(problems[100]!.found).toBe('200 more problems not listed');
  });
});

describe('parseConfigText', () => {
  it('reports malformed JSON with line and column, without echoing the input', async () => {
    const { problem } = await parseConfigText('{\n  "policy": {\n    "deny": [1,,]\n}', 'json', 'aitrail.config.json');
    expect(problem).toMatchObject({ file: 'aitrail.config.json', path: '', expected: 'valid JSON' });
    expect(problem!.found).toMatch(/^malformed JSON at line 3, column \d+ \(/);
    const secret = await parseConfigText('{"a": SECRET-TOKEN}', 'json', 'x.json');
    expect(secret.problem!.found).not.toContain('SECRET-TOKEN');
  });

  it('reports malformed YAML with line and column', async () => {
    const { problem } = await parseConfigText('policy:\n  deny: [qwen/*\n', 'yaml', '.aitrailrc');
    expect(problem!.found).toMatch(/^malformed YAML at line \d+, column \d+ \(unexpected end/);
  });

  it('rejects duplicate keys in JSON and YAML, aliases and deep nesting', async () => {
    expect((await parseConfigText('{"policy": {"deny": ["qwen/*"]}, "policy": {}}', 'json', 'f')).problem!.found).toContain('duplicated key "policy" at line 1');
    expect((await parseConfigText('policy: {}\npolicy: {}\n', 'yaml', 'f')).problem!.found).toContain('duplicated mapping key');
    expect((await parseConfigText('a: &a [x]\nb: *a\n', 'yaml', 'f')).problem!.found).toContain('YAML alias');
    expect((await parseConfigText(`${'['.repeat(40)}${']'.repeat(40)}`, 'json', 'f')).problem!.found).toContain('deeper than 32');
  });

  it('reads YAML as data only (no tags, dates stay strings) and package.json by its aitrail key', async () => {
    expect((await parseConfigText('a: 2024-01-01\n', 'yaml', 'f')).data).toEqual({ a: '2024-01-01' });
    expect((await parseConfigText('a: !!js/function "function(){}"\n', 'yaml', 'f')).problem).toBeDefined();
    expect((await parseConfigText('{"name":"x","aitrail":{"trailer":{}}}', 'package', 'f')).data).toEqual({ trailer: {} });
    expect((await parseConfigText('{"name":"x"}', 'package', 'f'))).toEqual({ data: undefined });
    expect((await parseConfigText('# nothing\n', 'yaml', 'f')).data).toBeUndefined();
  });
});

describe('resolveConfig', () => {
  it('fills in the defaults', () => {
    const resolved = resolveConfig({});
    expect(DEFAULT_TRAILER_KEY).toBe('Assisted-by');
    expect(resolved.trailer.key).toBe('Assisted-by');
    expect(resolved.policy).toEqual({ allow: undefined, deny: [], unknownModel: 'warn', undeclared: 'warn', paths: [] });
    expect(resolveConfig(FULL as never).trailer.key).toBe('Generated-by');
    expect(Object.getPrototypeOf(resolveConfig(FULL as never).detect.aliases)).toBeNull();
  });
});

describe('generated validator', () => {
  it('is up to date with schema.json', () => {
    execFileSync(process.execPath, ['scripts/build-validator.mjs', '--check'], { stdio: 'pipe' });
  });
});

describe('file globs that can match no git path', () => {
  it('a backslash, a ".", ".." or empty segment in policy.paths[].files or blame.include/exclude is a problem naming the glob', () => {
    expect(lines({ policy: { paths: [{ files: ['src/crypto/**', 'src\\crypto\\**'] }] }, blame: { exclude: ['dist/./x/**'], include: ['a//b'] } })).toEqual([
      expect.stringContaining('policy.paths[0].files[1]: found "src\\\\crypto\\\\**", which holds a backslash'),
      expect.stringContaining('blame.include[0]: found "a//b", which holds a ".", ".." or empty segment'),
      expect.stringContaining('blame.exclude[0]: found "dist/./x/**", which holds a ".", ".." or empty segment'),
    ]);
    // A backslash before anything a glob does not read specially is a Windows separator, also at the end or before another.
    for (const glob of ['src\\*.ts', 'a\\', 'a\\\\b', 'src/\\?x', '\\[a]\\x']) expect(lines({ policy: { paths: [{ files: [glob] }] } }), glob).toEqual([expect.stringContaining('which holds a backslash')]);
  });
  it('a leading / or ./, a trailing /, dotfiles, glob classes and a backslash escaping a bracket, brace or parenthesis are fine', () => {
    for (const glob of ['/src/crypto/', './src/crypto/**', 'src/crypto', '.github/**', '**/.*', 'src/[*]x', '..x/y', 'a/.b/c', 'app/\\[locale\\]/**', 'app/\\(marketing\\)/**', 'a/\\{x\\}']) {
      expect(validateConfig({ policy: { paths: [{ files: [glob] }] } }, F).problems, glob).toEqual([]);
    }
  });
});
