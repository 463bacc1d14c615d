/** Exit codes for every command (DESIGN.md). */
export const ExitCode = {
  ok: 0,
  violation: 1,
  usage: 2,
  git: 3,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
