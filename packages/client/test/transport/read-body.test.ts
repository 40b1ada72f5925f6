import { describe, expect, it } from "vitest";
import { readBody } from "../../src/transport/read-body.js";

const bytes = (text: string) => new TextEncoder().encode(text);

/** A response whose body arrives in the given chunks, then fails with `failWith` if given. */
function chunked(chunks: Uint8Array[], failWith?: Error): { response: Response; cancelled: () => boolean } {
  let cancelled = false;
  let index = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk) controller.enqueue(chunk);
      else if (failWith) controller.error(failWith);
      else controller.close();
    },
    cancel() {
      cancelled = true;
    },
  });
  return { response: new Response(stream), cancelled: () => cancelled };
}

describe("readBody", () => {
  it("reads a body as text", async () => {
    expect(await readBody(new Response('{"a":1}'), 100)).toEqual({ kind: "text", text: '{"a":1}' });
  });

  it("reads no body as empty text", async () => {
    expect(await readBody(new Response(null, { status: 204 }), 100)).toEqual({ kind: "text", text: "" });
  });

  it("decodes a character split across chunks", async () => {
    const euro = bytes("€"); // three bytes
    const { response } = chunked([bytes("a"), euro.slice(0, 1), euro.slice(1), bytes("b")]);
    expect(await readBody(response, 100)).toEqual({ kind: "text", text: "a€b" });
  });

  it("keeps a character cut at the very end as a replacement character", async () => {
    const { response } = chunked([bytes("a"), bytes("€").slice(0, 2)]);
    expect(await readBody(response, 100)).toEqual({ kind: "text", text: "a\uFFFD" });
  });

  it("reads a body of exactly maxBytes", async () => {
    const { response } = chunked([bytes("12345"), bytes("67890")]);
    expect(await readBody(response, 10)).toEqual({ kind: "text", text: "1234567890" });
  });

  it("stops one byte past maxBytes, counting across chunks, and cancels the stream", async () => {
    const { response, cancelled } = chunked([bytes("12345"), bytes("67890"), bytes("1")]);
    expect(await readBody(response, 10)).toEqual({ kind: "too_large" });
    expect(cancelled()).toBe(true);
  });

  it("says the body was cut when the stream fails", async () => {
    const { response } = chunked([bytes('{"unassigned')], new Error("other side closed"));
    expect(await readBody(response, 100)).toEqual({ kind: "cut" });
  });
});
