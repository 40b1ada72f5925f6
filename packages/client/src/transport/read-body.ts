/** A body read in full, or why not. */
export type BodyRead =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "too_large" }
  /** The stream failed: the connection closed mid-body, or the attempt timed out or was aborted. */
  | { readonly kind: "cut" };

/**
 * Reads a response body as UTF-8 text, counting the bytes as they arrive (after decompression: `Content-Length`
 * is not trusted), and stops at `maxBytes`, so a gzip bomb or an endless body cannot fill the memory.
 */
export async function readBody(response: Response, maxBytes: number): Promise<BodyRead> {
  const stream = response.body;
  if (stream === null) return { kind: "text", text: "" };
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { kind: "text", text: text + decoder.decode() };
      bytes += value.byteLength;
      if (bytes > maxBytes) {
        reader.cancel().catch(() => undefined);
        return { kind: "too_large" };
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    return { kind: "cut" };
  }
}
