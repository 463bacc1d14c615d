/** A full object id as git prints it (SHA-1 or SHA-256, lower case). */
export const OBJECT_ID = /^[0-9a-f]{40,64}$/;

/**
 * `id` when it is a full object id; a TypeError naming it (cut to 80 characters) otherwise: what
 * the gateway hands git as a revision is never an option, a range or a name git would resolve.
 */
export function objectId(id: string, what: 'object' | 'commit' = 'object'): string {
  if (!OBJECT_ID.test(id)) throw new TypeError(`not ${what === 'commit' ? 'a commit' : 'an object'} id: ${JSON.stringify(id.slice(0, 80))}`);
  return id;
}
