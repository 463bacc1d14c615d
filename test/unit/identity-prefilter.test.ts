import { describe, expect, it } from 'vitest';
import corpus from '../fixtures/attribution-corpus.json' with { type: 'json' };
import holdout from '../fixtures/attribution-holdout.json' with { type: 'json' };
import signatureData from '../../src/core/data/signatures.json' with { type: 'json' };
import { matchIdentity, matchIdentitySignatures, parseIdentity } from '../../src/core/detect/identity.js';
import type { Identity } from '../../src/core/types.js';

type Entry = { author: Identity; committer?: Identity; message: string };

/** Every identity the corpora hold: authors, committers and each `Name <email>` of a trailer line. */
function corpusIdentities(): Identity[] {
  const found: Identity[] = [];
  for (const entry of [...(corpus as unknown as { entries: Entry[] }).entries, ...(holdout as unknown as { entries: Entry[] }).entries]) {
    found.push(entry.author);
    if (entry.committer) found.push(entry.committer);
    for (const line of entry.message.split('\n')) {
      const value = /^[\w-]+:\s*(.*<[^<>]*>.*)$/.exec(line)?.[1];
      if (value) found.push(parseIdentity(value));
    }
  }
  return found;
}

/** Spellings a person or an agent could use: case, spacing, a word around, characters that fold. */
function variants(identity: Identity): Identity[] {
  const { name, email } = identity;
  const swap = (text: string) => [...text].map((ch, at) => (at % 2 ? ch.toUpperCase() : ch.toLowerCase())).join('');
  return [
    identity,
    { name: name.toUpperCase(), email: email.toUpperCase() },
    { name: swap(name), email: swap(email) },
    { name: `${name} (aider)`, email },
    { name: `Dr. ${name}`, email: `x.${email}` },
    { name: name.replace(/k/gi, '\u212a'), email: email.replace(/s/gi, '\u017f') },
    { name: `${name}\u200b`, email },
    { name: '', email },
    { name, email: '' },
  ];
}

describe('identity detection checks the texts every signature needs first', () => {
  it('gives exactly what every signature gives, over the corpora identities, the signatures\' own examples and their variants', () => {
    const examples: Identity[] = [];
    for (const entry of (signatureData as unknown as { identities: { name?: string; email?: string; examples?: string[] }[] }).identities) {
      for (const example of entry.examples ?? []) examples.push(parseIdentity(example));
    }
    // Each spelling once (session 56 helper g: ~3 in 4 of the corpora's identities repeat one, an author of many
    // entries, the same co-author line; both readings only read the name and the address).
    const spelled = [...corpusIdentities(), ...examples].flatMap(variants);
    const identities = [...new Map(spelled.map((identity) => [JSON.stringify([identity.name, identity.email]), identity])).values()];
    expect(identities.length).toBeGreaterThan(2000);
    let agents = 0;
    for (const identity of identities) {
      for (const role of ['author', 'co-author'] as const) {
        const expected = matchIdentitySignatures(identity.name.slice(0, 1000), identity.email.slice(0, 1000), {}, role);
        expect(matchIdentity(identity, {}, role), `${identity.name} <${identity.email}> as ${role}`).toEqual(expected);
        if (expected) agents += 1;
      }
    }
    // Real agents among them: the check is not vacuous.
    expect(agents).toBeGreaterThan(300);
  });

  it('a person\'s plain name and address skip the signatures; an agent\'s do not', () => {
    expect(matchIdentity({ name: 'Jane Doe', email: 'jane@example.com' }, {}, 'author')).toBeNull();
    expect(matchIdentity({ name: 'Claude', email: 'noreply@anthropic.com' })).not.toBeNull();
    expect(matchIdentity({ name: 'CLAUDE', email: 'NOREPLY@ANTHROPIC.COM' })).toEqual(matchIdentity({ name: 'Claude', email: 'noreply@anthropic.com' }));
  });
});
