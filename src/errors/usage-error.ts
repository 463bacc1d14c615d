/** A usage problem found after parsing (bad range, unknown option value…): exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
