// The identity `case` of the message hooks' shims, split behind a digit gate (session 46): the lines found in
// hooks/*, and a differential that runs each against the single `case` it replaced (rebuilt from the same line).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** `case SUBJECT in FIRST) MATCH ;; *[0-9]*\<*) case SUBJECT in NAMED) MATCH ;;[ *) OTHERWISE ;;] esac ;;[ *) OTHERWISE ;;] esac` */
export interface IdentityCase {
  where: string;
  subject: string;
  first: string;
  named: string;
  match: string;
  otherwise: string;
}

/**
 * A shim's text as the shell runs it once every function is defined: the judges a shim keeps in aitrail_lz's
 * single-quoted string (row 1006, src/install/shim-source.ts lazyFunctions) unquoted in place.
 */
export function loadedShimText(text: string): string {
  const loader = "aitrail_lz() {\n  eval '";
  const start = text.indexOf(loader);
  if (start < 0) return text;
  const end = text.indexOf("'\n}\n", start + loader.length);
  return text.slice(0, start) + text.slice(start + loader.length, end).replace(/'\\''/g, "'") + text.slice(end + 4);
}

export const MESSAGE_HOOKS = ['prepare-commit-msg', 'commit-msg', 'post-commit', 'post-rewrite', 'applypatch-msg', 'pre-applypatch'] as const;
const SPLIT = /^\s*case ("\$aitrail_[it]") in (.*?)\) (return 1|aitrail_t=1) ;; \*\[0-9\]\*\\<\*\) case \1 in (.*?)\) \3 ;;(?: \*\) (aitrail_t=) ;;)? esac ;;(?: \*\) \5 ;;)? esac$/;

const DEFERRED = /^\s*case "\$aitrail_i" in (.*?)\) return 1 ;; \*\[0-9\]\*\\<\*\) aitrail_dn=1 ;; esac$/;
const DEFERRED_LINE = /^\[ -z "\$aitrail_dq" \] \|\| case "\$aitrail_i" in (.*?)\) ;; \*\) exit 0 ;; esac$/m;

/** Every split identity case of the message hooks, with its `hook:line`. */
export function identityCases(): IdentityCase[] {
  const found: IdentityCase[] = [];
  for (const name of MESSAGE_HOOKS) {
    const text = readFileSync(new URL(`../../hooks/${name}`, import.meta.url), 'utf8');
    text
      .split('\n')
      .forEach((line, index) => {
        const split = SPLIT.exec(line);
        if (split) found.push({ where: `${name}:${index + 1}`, subject: split[1]!, first: split[2]!, named: split[4]!, match: split[3]!, otherwise: split[5] ?? '' });
        // aitrail_quiet's author test with its second `case` deferred to the line after the fast path's `if` (row 844).
        const deferred = DEFERRED.exec(line);
        const later = deferred === null ? null : DEFERRED_LINE.exec(text);
        if (deferred && later) found.push({ where: `${name}:${index + 1}`, subject: '"$aitrail_i"', first: deferred[1]!, named: later[1]!, match: 'return 1', otherwise: '' });
      });
  }
  return found;
}

/**
 * For each subject, in `shell` (argv), under LC_ALL=C as the shims set it: `<single><split>`, 1 for a match (node
 * starts), 0 for none. Each form runs in a function as the shims run it (aitrail_quiet: `return 1` on a match;
 * aitrail_plain: aitrail_t set to 1 or emptied). Subjects one a line on stdin (backslash, newline and tab escaped,
 * printf %b restores them): one shell for all.
 */
export function identityCaseDecisions(shell: readonly string[], entry: IdentityCase, subjects: readonly string[]): string[] {
  const rest = entry.otherwise === '' ? '' : ` *) ${entry.otherwise} ;;`;
  const single = `case ${entry.subject} in ${entry.first}|${entry.named}) ${entry.match} ;;${rest} esac`;
  const split = `case ${entry.subject} in ${entry.first}) ${entry.match} ;; *[0-9]*\\<*) case ${entry.subject} in ${entry.named}) ${entry.match} ;;${rest} esac ;;${rest} esac`;
  const tail = entry.subject === '"$aitrail_t"' ? '[ -z "$aitrail_t" ]' : 'return 0';
  const fn = (name: string, body: string) => [`${name}() {`, "  aitrail_nl='", "'", '  aitrail_t=$1', '  aitrail_i=$1', `  ${body}`, `  ${tail}`, '}'].join('\n');
  const script = [
    'LC_ALL=C; export LC_ALL',
    fn('one', single),
    fn('two', split),
    'while IFS= read -r l; do s=$(printf "%b_" "$l"); s=${s%_}; if one "$s"; then a=0; else a=1; fi; if two "$s"; then b=0; else b=1; fi; echo "$a$b"; done',
  ].join('\n');
  const input = subjects.map((text) => text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t')).join('\n') + '\n';
  const result = spawnSync(shell[0]!, [...shell.slice(1), '-c', script], { input, encoding: 'utf8', env: { PATH: process.env.PATH } });
  expect(result.stderr).toBe('');
  return result.stdout.trim().split('\n');
}
