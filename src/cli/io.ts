/** Where a command reads and writes; the real process in the bin, buffers in tests. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Buffer;
  /** Whether standard output is a terminal (for colour). */
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}
