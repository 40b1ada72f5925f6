/** What the CLI touches of the outside world, injected so tests and the bin share one code path. */
export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean };
  readStdin(): Promise<string>;
  /** Aborted when the user asks to stop (SIGINT/SIGTERM): requests in flight finish, nothing new starts. */
  readonly stopSignal?: AbortSignal;
}
