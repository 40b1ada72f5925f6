import type { Middleware } from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { createGongFlowsClient } from "../src/index.js";
import { KEY_PAIR, PATH } from "./helpers.js";

const BODY = { body: { flowInstanceIds: ["1"] } };

/** A client whose fetch answers every request with 200 and records the headers each request carried. */
function recordingClient() {
  const seen: Headers[] = [];
  const client = createGongFlowsClient({
    auth: KEY_PAIR,
    fetch: (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      seen.push(new Request(input, init).headers);
      return new Response('{"unassignedFlowInstanceIds":["1"]}', { status: 200 });
    }) as typeof fetch,
  });
  return { client, seen };
}

const tagging = (name: string): Middleware => ({
  onRequest({ request }) {
    request.headers.append("x-tag", name);
    return request;
  },
});

describe("api before and after its first request", () => {
  it("applies middleware registered before the first request, in order, and leaves out what was ejected", async () => {
    const { client, seen } = recordingClient();
    const [first, ejected, last] = [tagging("first"), tagging("ejected"), tagging("last")];
    client.api.use(first, ejected);
    client.api.use(last);
    client.api.eject(ejected);
    const { data } = await client.api.POST(PATH, BODY);
    expect(data?.unassignedFlowInstanceIds).toEqual(["1"]);
    expect(seen[0]?.get("x-tag")).toBe("first, last");
  });

  it("applies and ejects middleware on the loaded client after the first request", async () => {
    const { client, seen } = recordingClient();
    await client.api.POST(PATH, BODY);
    const late = tagging("late");
    client.api.use(late);
    await client.api.POST(PATH, BODY);
    client.api.eject(late);
    await client.api.POST(PATH, BODY);
    expect(seen.map((headers) => headers.get("x-tag"))).toEqual([null, "late", null]);
  });

  it("registers middleware once when requests start while the engine is still loading", async () => {
    const { client, seen } = recordingClient();
    const pending = client.api.POST(PATH, BODY);
    client.api.use(tagging("during"));
    await pending;
    await client.api.POST(PATH, BODY);
    expect(seen.map((headers) => headers.get("x-tag"))).toEqual(["during", "during"]);
  });
});
