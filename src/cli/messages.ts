/** The CLI's own words for usage mistakes (one wording each). */
export const cliMessages = {
  /** An option the command does not know, as typed (`--frob`, `-x`). */
  unknownOption: (option: string, command: string, hint = '') => `unknown option '${option}' for 'aitrail ${command}'.${hint ? ` ${hint}` : ''} Run 'aitrail ${command} --help' for usage.`,
  /** A positional the command does not take. */
  unexpectedArgument: (argument: string, command: string) => `unexpected argument '${argument}' for 'aitrail ${command}'. Run 'aitrail ${command} --help' for usage.`,
};
