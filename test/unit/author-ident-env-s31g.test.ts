import { describe, expect, it } from 'vitest';
import { authorIdentFromEnv, withoutCrud } from '../../src/core/ident.js';

describe('withoutCrud (git ident.c strbuf_addstr_without_crud)', () => {
  it('strips crud from both ends only, and drops < > and newlines anywhere', () => {
    expect(withoutCrud(' "Cla<ude>". ')).toBe('Claude');
    expect(withoutCrud("\t'Jane, Doe';:\n")).toBe('Jane, Doe');
    expect(withoutCrud('a\nb<c>d')).toBe('abcd');
    expect(withoutCrud('...')).toBe('');
    expect(withoutCrud('Zoë')).toBe('Zoë');
  });
});

describe('authorIdentFromEnv: what git var GIT_AUTHOR_IDENT says, or undefined to ask it', () => {
  const both = { GIT_AUTHOR_NAME: 'Claude', GIT_AUTHOR_EMAIL: 'noreply@anthropic.com' };
  it('reads both variables as git commit exports them', () => {
    expect(authorIdentFromEnv({ ...both, GIT_AUTHOR_DATE: '@1700000000 +0530' })).toEqual({ name: 'Claude', email: 'noreply@anthropic.com' });
    expect(authorIdentFromEnv(both)).toEqual({ name: 'Claude', email: 'noreply@anthropic.com' });
    expect(authorIdentFromEnv({ ...both, GIT_AUTHOR_DATE: '' })).toEqual({ name: 'Claude', email: 'noreply@anthropic.com' });
  });
  it('strips what git strips', () => {
    expect(authorIdentFromEnv({ GIT_AUTHOR_NAME: ' Cla<ude. ', GIT_AUTHOR_EMAIL: '<noreply@anthropic.com>.' })).toEqual({ name: 'Claude', email: 'noreply@anthropic.com' });
    expect(authorIdentFromEnv({ GIT_AUTHOR_NAME: 'Jane', GIT_AUTHOR_EMAIL: '' })).toEqual({ name: 'Jane', email: '' });
  });
  it('asks git when git reads more than the environment, or may refuse', () => {
    expect(authorIdentFromEnv({ GIT_AUTHOR_NAME: 'Claude' })).toBeUndefined();
    expect(authorIdentFromEnv({ GIT_AUTHOR_EMAIL: 'noreply@anthropic.com' })).toBeUndefined();
    expect(authorIdentFromEnv({})).toBeUndefined();
    expect(authorIdentFromEnv({ GIT_AUTHOR_NAME: ' .,;', GIT_AUTHOR_EMAIL: 'a@b' })).toBeUndefined();
    expect(authorIdentFromEnv({ ...both, GIT_AUTHOR_DATE: 'yesterday' })).toBeUndefined();
    expect(authorIdentFromEnv({ ...both, GIT_AUTHOR_DATE: '@1700000000' })).toBeUndefined();
    expect(authorIdentFromEnv({ ...both, GIT_AUTHOR_DATE: '@1700000000 +9999' })).toBeUndefined();
    expect(authorIdentFromEnv({ ...both, GIT_AUTHOR_NAME: 'Cl\uFFFDaude' })).toBeUndefined();
    // git var prints it, parseIdent cannot read it back: the git call's answer is the same undefined.
    expect(authorIdentFromEnv({ ...both, GIT_AUTHOR_NAME: 'Cla\rude' })).toBeUndefined();
  });
});
