/** A problem the caller must fix before anything is sent: the bin prints it and exits 2. */
export class UsageError extends Error {
  override name = "UsageError";
}
