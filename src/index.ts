/**
 * aitrail's programmatic API (`import { … } from 'aitrail'`). The CLI runs on the same functions:
 * `log`, `check`, `blame` and `trend` resolve to the objects their `--format json` prints. Nothing here
 * prints, exits or reads `process.cwd()`: every function that touches a repository takes `cwd`.
 * Errors are thrown as the classes below; `exitCodeOf(error)` maps them to the CLI's exit codes.
 */
export { parseTrailers, insertTrailers } from './core/trailers.js';
export type { TrailerOptions } from './core/trailers.js';
export { canonicalModel, type ModelContext } from './core/catalog.js';
export { detect, type DetectInput, type DetectOptions } from './api/detect.js';
export { loadConfig, type LoadConfigOptions } from './api/load-config.js';
export { log } from './api/log.js';
export type { LogOptions } from './report/log-report.js';
export type { LogEntry } from './core/render-log.js';
export { check } from './api/check.js';
export type { CheckOptions, CheckReport } from './enforce/check-report.js';
export type { Violation, RuleId, Severity } from './core/policy/types.js';
export { blame, type BlameOptions } from './api/blame.js';
export type { BlameJson } from './core/blame/render-json.js';
export type { AuthorCounts, BlameGrouping, Counts, FileReport, GroupRow, Totals, Excluded } from './core/blame/types.js';
export { trend, type TrendOptions } from './api/trend.js';
export type { TrendReport, TrendRelease } from './core/trend/types.js';
export type { Attribution, Config, Identity, LoadedConfig, Trailer, Tristate, DetectRule, PathRule } from './core/types.js';

export { ConfigError, type ConfigProblem } from './config/config-error.js';
export { UsageError } from './errors/usage-error.js';
export { GitError } from './git/exec.js';
export { ShallowHistoryError } from './report/shallow-history-error.js';
export { FileError } from './io/file-error.js';
export { ExitCode, type ExitCodeValue } from './core/exit-codes.js';
export { exitCodeOf } from './errors/exit-code-of.js';
