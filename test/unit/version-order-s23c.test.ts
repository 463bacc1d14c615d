import { describe, expect, it } from 'vitest';
import { semverOrder } from '../../src/core/trend/version-order.js';

describe('semverOrder: a project that changed its tag style', () => {
  it('v1.0.0, 1.1.0, v1.2.0 are one series (git sorts 1.1.0 before every v1.x)', () => {
    // git's version:refname order of these names puts 1.x first.
    expect(semverOrder(['1.1.0', '1.1.1-rc1', 'v1.0.0', 'v1.2.0'])).toEqual(['v1.0.0', '1.1.0', '1.1.1-rc1', 'v1.2.0']);
    expect(semverOrder(['1.1.0', 'v1.0.0', 'v1.2.0'])).toEqual(['v1.0.0', '1.1.0', 'v1.2.0']);
    expect(semverOrder(['release-1.1.0', 'release-v1.0.0'])).toEqual(['release-v1.0.0', 'release-1.1.0']);
  });

  it('other prefixes stay series of their own', () => {
    expect(semverOrder(['api-2.0.0', 'v1.0.0', 'web-0.1.0'])).toEqual(['api-2.0.0', 'v1.0.0', 'web-0.1.0']);
    // A word ending in v is no `v` prefix.
    expect(semverOrder(['dev2.0.0', 'de1.0.0'])).toEqual(['dev2.0.0', 'de1.0.0']);
  });
});

