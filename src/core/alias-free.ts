/**
 * Whether no configured alias (`detect.aliases`) could match in `value`: each alias name, made
 * ASCII letters and digits only, appears nowhere in the value made so. An alias name with any other
 * character (after NFKC), or with no letter or digit at all, is taken to match. The fast readings
 * (src/core/detect/fixed-values.ts, canonicalModel's own ids) are used only where this holds: the
 * general reading finds an alias only where its letters are. Pure.
 */
export function aliasFree(value: string, aliases: Record<string, string>): boolean {
  const names = Object.keys(aliases);
  if (names.length === 0) return true;
  const flat = value.toLowerCase().replace(/[^a-z0-9]/g, '');
  return names.every((name) => {
    const normal = name.normalize('NFKC').toLowerCase();
    if (/[^\x20-\x7e]/.test(normal)) return false;
    const letters = normal.replace(/[^a-z0-9]/g, '');
    return letters !== '' && !flat.includes(letters);
  });
}
