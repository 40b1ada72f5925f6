/** Replaces every secret in a text; everything the kit prints passes through one. */
export type Redactor = (text: string) => string;

/** Builds a redactor (longest secret first, so a secret inside another cannot leave a tail). */
export function createRedactor(secrets: readonly string[]): Redactor {
  const needles = [...new Set(secrets.filter((secret) => secret.length > 0))].sort(
    (a, b) => b.length - a.length,
  );
  return (text) => needles.reduce((result, needle) => result.split(needle).join("[REDACTED]"), text);
}
