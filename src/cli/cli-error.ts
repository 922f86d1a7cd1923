/** Exit status for problems the user can fix (bad file, bad arguments); 1 is kept for our own bugs. */
export const EXIT_USAGE = 2;

/** An error a command reports as one Chinese line on stderr, ending the process with exitCode. */
export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE,
  ) {
    super(message);
  }
}
