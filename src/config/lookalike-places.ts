import { readable } from '../core/detect/readable.js';
import { macFoldedName } from '../core/mac-name.js';
import type { ConfigProblem } from './config-error.js';
import { quote } from './config-error.js';
import { mayShowAsPlace, SEARCH_PLACES } from './search-places.js';

/**
 * The search place `name` shows as on a screen when it is not that name, else null: a character no
 * screen shows (`.aitrail<U+200B>rc.yml`), a lookalike letter (`.аitrailrc.yml`, a Cyrillic а), a
 * fullwidth or one-dot-leader dot, a combining mark, or white space at an end (`.aitrailrc.yml `,
 * a no-break space, a carriage return). A pull request that renames the reviewed config so shows a
 * rename to the same name (GitHub shows both names alike; nothing changed inside), and from then on
 * aitrail found no config at all: every model allowed, at every layer. Case is not folded (a
 * `.AITRAILRC.yml` shows as what it is) but a case variant is refused too: a checkout on a case-insensitive
 * file system (macOS, Windows) reads it as the search place, so its hooks judged by it while `check`,
 * pre-push and pre-receive on Linux read no config: the layers judged by two policies.
 */
export function placeShownAs(name: string): { place: string; byCase: boolean } | null {
  if (!mayShowAsPlace(name)) return null;
  const places: readonly string[] = SEARCH_PLACES;
  const shown = readable(name).trim();
  if (shown !== name && places.includes(shown)) return { place: shown, byCase: false };
  // A case variant (`.AITRAILRC.yml`, `Package.json`): one file with the search place where names fold (macOS, Windows).
  const folded = macFoldedName(shown);
  return folded !== name && places.includes(folded) ? { place: folded, byCase: true } : null;
}

/** The problems for root names (`names`) that show as a search place; `label` names each in a problem (`<rev>:<name>`). */
export function lookalikePlaceProblems(names: readonly string[], label: (name: string) => string): ConfigProblem[] {
  return names.flatMap((name) => {
    const shownAs = placeShownAs(name);
    if (shownAs === null) return [];
    const { place: shown, byCase } = shownAs;
    const expected = `the config under its own name, ${shown} (rename it), or no file named so`;
    if (byCase) {
      return [{ file: label(name), path: '', found: `a file named ${quote(shown)} in other cases: a checkout on a case-insensitive file system (macOS, Windows) reads it as the config, a case-sensitive one (Linux: CI, the server) reads no config`, expected }];
    }
    const codes = [...name].filter((char) => !/[\x21-\x7e]/.test(char)).slice(0, 4).map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    return [{
      file: label(name),
      path: '',
      found: `a file whose name shows as ${quote(shown)} but is not that name (it holds ${[...new Set(codes)].join(', ')}): aitrail does not read it, while a reviewer reads it as the config`,
      expected,
    }];
  });
}
