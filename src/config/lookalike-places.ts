import { readable } from '../core/detect/readable.js';
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
 * `.AITRAILRC.yml` shows as what it is: src/config/search-places.ts misnamedConfigs names it).
 */
export function placeShownAs(name: string): string | null {
  if (!mayShowAsPlace(name)) return null;
  const shown = readable(name).trim();
  const places: readonly string[] = SEARCH_PLACES;
  return shown !== name && places.includes(shown) ? shown : null;
}

/** The problems for root names (`names`) that show as a search place; `label` names each in a problem (`<rev>:<name>`). */
export function lookalikePlaceProblems(names: readonly string[], label: (name: string) => string): ConfigProblem[] {
  return names.flatMap((name) => {
    const shown = placeShownAs(name);
    if (shown === null) return [];
    const codes = [...name].filter((char) => !/[\x21-\x7e]/.test(char)).slice(0, 4).map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    return [{
      file: label(name),
      path: '',
      found: `a file whose name shows as ${quote(shown)} but is not that name (it holds ${[...new Set(codes)].join(', ')}): aitrail does not read it, while a reviewer reads it as the config`,
      expected: `the config under its own name, ${shown} (rename it), or no file named so`,
    }];
  });
}
