import type { OperationContext } from "./difference.js";
import { asObject, pointerSegment } from "./json.js";
import { compareSchemas } from "./schema/compare.js";
import type { Direction } from "./schema/constraints.js";

/** `application/json; charset=utf-8` and `Application/JSON` are the same media type. */
const mediaKey = (media: string) => (media.split(";")[0] ?? media).trim().toLowerCase();

const byMedia = (content: unknown) =>
  new Map(
    Object.entries(asObject(content)).map(([media, value]) => [
      mediaKey(media),
      { media, schema: asObject(value).schema },
    ]),
  );

/** The media types of a request body or response, and the schema of each media type both versions have. */
export function compareContent(
  ctx: OperationContext,
  old: unknown,
  now: unknown,
  direction: Direction,
  path: string,
): void {
  const [was, is] = [byMedia(old), byMedia(now)];
  for (const [key, before] of was) {
    const after = is.get(key);
    const at = `${path}/content/${pointerSegment(after?.media ?? before.media)}`;
    if (after === undefined)
      ctx.report(`${direction}-media-type-removed`, at, `media type ${before.media} removed`);
    else compareSchemas(ctx, before.schema, after.schema, direction, `${at}/schema`);
  }
  for (const [key, after] of is) {
    if (!was.has(key)) {
      ctx.report(
        `${direction}-media-type-added`,
        `${path}/content/${pointerSegment(after.media)}`,
        `media type ${after.media} added`,
      );
    }
  }
}

/** The schema of a parameter or header: its `schema`, or the schema of its single `content` entry. */
export function schemaOfValue(value: Record<string, unknown>): unknown {
  if (value.schema !== undefined) return value.schema;
  const [first] = Object.values(asObject(value.content));
  return asObject(first).schema;
}
