import { describe, expect, it } from "vitest";
import { readIdSource } from "../src/input.js";

const encoder = new TextEncoder();
/** A source delivering the text in chunks of `size` bytes, as a stream does. */
async function* chunks(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = encoder.encode(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}
const read = async (text: string, size = 7) =>
  new TextDecoder("utf-8", { ignoreBOM: true }).decode(await readIdSource(chunks(text, size), "ids.txt"));

describe("reading an id source with caps", () => {
  it("passes ids, long comment lines (also after a BOM or indentation) and values split across chunks", async () => {
    const comment = `# ${"x".repeat(5_000)}`;
    const text = `\uFEFF${comment}\n  ${comment}\n1234,5678\r\n${"9".repeat(256)}\n`;
    expect(await read(text)).toBe(text);
  });

  it("refuses a value longer than an id can be as soon as it passes 1 KiB, naming the line", async () => {
    const text = `1\n2\n${"7".repeat(1_025)}${"8".repeat(10_000)}`;
    await expect(read(text)).rejects.toThrow(
      /^ids\.txt:3: a value of more than 1024 bytes without a separator/,
    );
  });

  it("does not take a # inside a line for a comment", async () => {
    await expect(read(`1, #${"z".repeat(1_100)}\n`)).rejects.toThrow(/ids\.txt:1: a value of more than 1024/);
  });
});
