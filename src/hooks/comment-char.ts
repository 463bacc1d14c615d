import { configValueSync } from '../git/config-value.js';

const AUTO_CANDIDATES = '#;@!$%^&|:';

/**
 * The comment prefix git uses for this commit (`core.commentChar`, default `#`). With `auto`, git
 * picked a character unused by the message when it wrote the template: recover it from the
 * comment lines git wrote (`<c> Please enter…`, the scissors line), else `#`.
 */
export function commentCharFor(cwd: string, message: string): string {
  const configured = configValueSync(cwd, 'core.commentChar');
  if (configured === undefined || configured === '') return '#';
  if (configured !== 'auto') return configured;
  for (const line of message.split('\n')) {
    const first = line[0];
    if (first !== undefined && AUTO_CANDIDATES.includes(first) && /^. (Please enter |-{24} >8 -{24}$)/.test(line)) return first;
  }
  return '#';
}
