export type Json = Record<string, unknown>;

export const asObject = (value: unknown): Json =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};

/** JSON with sorted keys, so that two values equal by content are equal as text. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value as Json)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** One JSON pointer segment: `/` and `~` escaped as RFC 6901 says. */
export const pointerSegment = (key: string): string => key.replace(/~/g, "~0").replace(/\//g, "~1");
export const unescapePointerSegment = (segment: string): string =>
  decodeURIComponent(segment).replace(/~1/g, "/").replace(/~0/g, "~");
