import { describe, expect, it } from 'vitest';
import { modelMatcher, pathMatcher } from '../../../src/core/policy/glob-matcher.js';

describe('modelMatcher', () => {
  it('matches vendor globs and returns the glob that matched', () => {
    const match = modelMatcher(['anthropic/*', 'qwen/*']);
    expect(match('qwen/qwen3-coder')).toBe('qwen/*');
    expect(match('anthropic/claude-opus-4.6')).toBe('anthropic/*');
    expect(match('openai/gpt-5.2-codex')).toBeUndefined();
  });
  it('is case-insensitive', () => {
    expect(modelMatcher(['qwen/*'])('Qwen/Qwen3-Coder')).toBe('qwen/*');
  });
  it('a pattern without a slash matches the model name of any vendor; `*` matches every model', () => {
    expect(modelMatcher(['*'])('deepseek/deepseek-chat')).toBe('*');
    expect(modelMatcher(['*coder*'])('qwen/qwen3-coder')).toBe('*coder*');
    expect(modelMatcher(['qwen3-coder'])('openrouter-vendor/qwen3-coder')).toBe('qwen3-coder');
  });
  it('a bare vendor name matches every model of that vendor (deny: ["qwen"] is not a no-op)', () => {
    expect(modelMatcher(['qwen'])('qwen/qwen3-coder')).toBe('qwen');
    expect(modelMatcher(['DeepSeek'])('deepseek/deepseek-chat')).toBe('DeepSeek');
    expect(modelMatcher(['qwen'])('anthropic/claude-opus-4.6')).toBeUndefined();
  });
  it('a vendor written as the company is called is the canonical vendor (zhipu/* is z-ai/*)', () => {
    expect(modelMatcher(['zhipu/*'])('z-ai/glm-4.6')).toBe('zhipu/*');
    expect(modelMatcher(['Moonshot/kimi-*'])('moonshotai/kimi-k2')).toBe('Moonshot/kimi-*');
    expect(modelMatcher(['alibaba'])('qwen/qwen3-coder')).toBe('alibaba');
    expect(modelMatcher(['deepseek-ai/*'])('deepseek/deepseek-chat')).toBe('deepseek-ai/*');
    expect(modelMatcher(['!zhipu/*'])('z-ai/glm-4.6')).toBeUndefined();
    expect(modelMatcher(['zhipu/*'])('qwen/qwen3-coder')).toBeUndefined();
    expect(modelMatcher(['zhipu*/*'])('z-ai/glm-4.6')).toBeUndefined();
    expect(modelMatcher(['{qwen,zhipu}/*'])('z-ai/glm-4.6')).toBe('{qwen,zhipu}/*');
    expect(modelMatcher(['{qwen,zhipu}/*'])('qwen/qwen3-coder')).toBe('{qwen,zhipu}/*');
    expect(modelMatcher(['{Moonshot,deepseek-ai}'])('moonshotai/kimi-k2')).toBe('{Moonshot,deepseek-ai}');
    expect(modelMatcher(['!{qwen,zhipu}/*'])('z-ai/glm-4.6')).toBeUndefined();
    expect(modelMatcher(['{qwen,zhipu}/*'])('anthropic/claude-opus-4.7')).toBeUndefined();
    expect(modelMatcher(['{zhipu*,x}/*'])('z-ai/glm-4.6')).toBeUndefined();
  });
  it('`*` in a vendor glob does not cross a slash', () => {
    expect(modelMatcher(['qwen/*'])('qwen/a/b')).toBeUndefined();
    expect(modelMatcher(['qwen/**'])('qwen/a/b')).toBe('qwen/**');
  });
  it('an empty list matches nothing', () => {
    expect(modelMatcher([])('anthropic/claude-opus-4.6')).toBeUndefined();
  });
});

describe('pathMatcher', () => {
  it('a glob without a slash names a file or directory at any depth, as in .gitignore', () => {
    expect(pathMatcher(['*.pem'])('config/keys/server.pem')).toBe('*.pem');
    expect(pathMatcher(['secrets'])('app/secrets/token.txt')).toBe('secrets');
    expect(pathMatcher(['dist'])('dist/app.js')).toBe('dist');
    expect(pathMatcher(['*.pem'])('config/pem.txt')).toBeUndefined();
    expect(pathMatcher(['src/*.ts'])('lib/src/a.ts')).toBeUndefined();
  });

  it('matches dotfiles and nested paths', () => {
    expect(pathMatcher(['.github/**'])('.github/workflows/ci.yml')).toBe('.github/**');
    expect(pathMatcher(['src/crypto/**'])('src/crypto/.hidden/key.ts')).toBe('src/crypto/**');
  });
  it('is case-insensitive so a case variant cannot slip past a restriction', () => {
    expect(pathMatcher(['src/crypto/**'])('SRC/Crypto/aes.ts')).toBe('src/crypto/**');
  });
  it('matches a path as macOS reads it: NFD or NFC, code points HFS+ ignores, cases folded; other paths stay unmatched', () => {
    expect(pathMatcher(['src/café/**'])('src/cafe\u0301/x.ts')).toBe('src/café/**');
    expect(pathMatcher(['src/cafe\u0301/**'])('src/CAFÉ/x.ts')).toBe('src/cafe\u0301/**');
    expect(pathMatcher(['src/secure/**'])('src/secu\u200cre/x.ts')).toBe('src/secure/**');
    expect(pathMatcher(['src/secure/**'])('src/\u017fecure/x.ts')).toBe('src/secure/**');
    expect(pathMatcher(['src/keys/**'])('src/\u212aeys/a.pem')).toBe('src/keys/**');
    expect(pathMatcher(['src/café/**'])('src/cafe/x.ts')).toBeUndefined();
    expect(pathMatcher(['src/secure/**'])('src/s\u00e9cure/x.ts')).toBeUndefined();
  });
  it('a glob naming a directory covers everything under it (src/crypto, src/crypto/, /src/crypto/**)', () => {
    for (const glob of ['src/crypto', 'src/crypto/', '/src/crypto/**', '/src/crypto', 'src/*/keys']) {
      expect(pathMatcher([glob])('src/crypto/keys/aes.ts')).toBe(glob);
    }
    expect(pathMatcher(['src/crypto'])('src/crypto')).toBe('src/crypto');
    expect(pathMatcher(['src/crypto'])('src/cryptography/x.ts')).toBeUndefined();
    expect(pathMatcher(['/src/crypto/**'])('lib/src/crypto/x.ts')).toBeUndefined();
  });
  it('does not match siblings', () => {
    expect(pathMatcher(['src/crypto/**'])('src/cryptography/x.ts')).toBeUndefined();
    // A leading slash anchors at the root, as in .gitignore (`*.lock` alone matches at any depth).
    expect(pathMatcher(['/*.lock'])('sub/yarn.lock')).toBeUndefined();
    expect(pathMatcher(['/*.lock'])('yarn.lock')).toBe('/*.lock');
  });
});

describe('control characters cannot dodge a glob', () => {
  it('a path with a newline still matches `dir/**`', () => {
    expect(pathMatcher(['src/crypto/**'])('src/crypto/a\nb.ts')).toBe('src/crypto/**');
  });
  it('a model id with escapes still matches its vendor glob', () => {
    expect(modelMatcher(['evil/**'])('evil/\u001b[31mred\nline')).toBe('evil/**');
  });
});
