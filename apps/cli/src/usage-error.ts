/** A problem with what the user typed or supplied: exit 2, nothing sent, the message says what to fix. */
export class UsageError extends Error {
  override name = "UsageError";
}
