/**
 * A problem that stops a check before it can run: a bad argument, config or rule file.
 * Carries its exit code so that only the CLI decides to exit.
 */
export class SafepostError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = 'SafepostError';
    this.exitCode = exitCode;
  }
}
