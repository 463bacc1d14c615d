import { writeStderr } from './write-fd.js';

/** Options every printing command takes for what it says on stderr besides errors. */
export interface DiagnosticsOptions {
  /** `--quiet` (or AITRAIL_QUIET=1): no warnings, notes or progress; errors are always printed. */
  quiet?: boolean;
}

/** Where a command's warnings, notes and progress lines go: stderr, or nowhere when quiet. */
export function diagnostics(options: DiagnosticsOptions): (text: string) => void {
  return options.quiet ? () => {} : writeStderr;
}
