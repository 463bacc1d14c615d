// Row 315: the namespace a server's receive-pack works in, read as git expands GIT_NAMESPACE.
import { describe, expect, it } from 'vitest';
import { gitNamespacePrefix } from '../../src/core/git-namespace.js';

describe('gitNamespacePrefix', () => {
  it('no namespace when GIT_NAMESPACE is unset, empty or only slashes', () => {
    expect(gitNamespacePrefix(undefined)).toBeNull();
    expect(gitNamespacePrefix('')).toBeNull();
    expect(gitNamespacePrefix('/')).toBeNull();
  });
  it('each component a refs/namespaces/<component>/ level, empty components skipped', () => {
    expect(gitNamespacePrefix('ns1')).toBe('refs/namespaces/ns1/');
    expect(gitNamespacePrefix('team/project')).toBe('refs/namespaces/team/refs/namespaces/project/');
    expect(gitNamespacePrefix('/a//b/')).toBe('refs/namespaces/a/refs/namespaces/b/');
  });
});
