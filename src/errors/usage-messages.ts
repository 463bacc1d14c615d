const named = (command: string) => (command === '' ? 'aitrail' : `aitrail ${command}`);

/** The words for usage mistakes (one wording each), for the CLI and the hook dispatcher alike. */
export const cliMessages = {
  /** An option the command (`''`: aitrail itself) does not know, as typed (`--frob`, `-x`). */
  unknownOption: (option: string, command: string, hint = '') => `unknown option '${option}' for '${named(command)}'.${hint ? ` ${hint}` : ''} Run '${named(command)} --help' for usage.`,
  /** A positional the command does not take. */
  unexpectedArgument: (argument: string, command: string) => `unexpected argument '${argument}' for 'aitrail ${command}'. Run 'aitrail ${command} --help' for usage.`,
  /** `aitrail -- check`: the command came after `--`, where nothing is read as one. */
  commandAfterDashes: (next: string) =>
    `no command before '--'${next ? ` ('${next}' comes after it)` : ''}: give it first, e.g. aitrail check origin/main..HEAD. Run 'aitrail --help' for usage.`,
  /** `--config ''`: an option that names a file or a revision, given an empty value. */
  emptyValue: (option: string, command: string) =>
    `invalid --${option} '': name ${option === 'config' ? 'a config file' : 'a revision'} (an unset variable?), or leave the option out. Run 'aitrail ${command} --help' for usage.`,
  /** An option of one value given more than once (`--config a --config b`). */
  repeatedOption: (option: string, values: string[], command: string) =>
    `option '${option}' given more than once (${values.map((value) => `'${value}'`).join(', ')}) for 'aitrail ${command}': give it once. Run 'aitrail ${command} --help' for usage.`,
  /** An argument after `--` that the command does not take (it takes no paths); `range`: the command takes a range before `--`. */
  afterDashes: (argument: string, command: string, range: boolean) =>
    `unexpected argument '${argument}' after '--' for 'aitrail ${command}': it takes no paths${range ? `, and its range goes before '--' (aitrail ${command} A..B; a revision never starts with '-')` : ''}. Run 'aitrail ${command} --help' for usage.`,
};
