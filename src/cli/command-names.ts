/**
 * aitrail's commands, in the order `--help` lists them. app.ts maps each to its module; the bundle
 * loader (bin/aitrail.js) keeps one V8 code cache per name, so a file of unknown names never grows.
 */
export const COMMAND_NAMES = ['log', 'init', 'uninstall', 'use', 'status', 'blame', 'check', 'trend', 'hook', 'checkpoint', 'notes'] as const;

export type CommandName = (typeof COMMAND_NAMES)[number];
