import { describe, expect, it } from 'vitest';
import { duplicateJsonKey } from '../../src/core/duplicate-json-key.js';

describe('duplicateJsonKey', () => {
  it('finds a key repeated in the same object, by value, at any depth', () => {
    expect(duplicateJsonKey('{"a": 1, "a": 2}')).toEqual({ key: 'a', offset: 9 });
    expect(duplicateJsonKey('{"policy": {}, "\\u0070olicy": {}}')).toMatchObject({ key: 'policy' });
    expect(duplicateJsonKey(`{"x": ${'['.repeat(5000)}{"k": 1, "k": 2}${']'.repeat(5000)}}`)).toMatchObject({ key: 'k' });
  });

  it('lets the same key be in different objects, and never reads string contents or values as keys', () => {
    expect(duplicateJsonKey('{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}], "c": "\\"a\\", \\"c\\":", "d": ["d", "d"]}')).toBeNull();
    expect(duplicateJsonKey('[{"a": "x\\\\"}, {"a": "{\\"a\\":1,\\"a\\":2}"}]')).toBeNull();
    expect(duplicateJsonKey('"a"')).toBeNull();
  });
});
