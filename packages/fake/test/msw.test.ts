import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createFakeGongHandlers } from "../src/msw.js";
import { post, UNASSIGN } from "./helpers.js";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe("createFakeGongHandlers in MSW's setupServer", () => {
  it("serves the stateful fake at any base URL, path prefix included", async () => {
    const fake = createFakeGongHandlers({ assigned: ["11", "12"] });
    server.use(...fake.handlers);
    const first = await post("https://us-4242.api.gong.io/gateway", UNASSIGN, { flowInstanceIds: ["11"] });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ unassignedFlowInstanceIds: ["11"] });
    const again = await post("https://other.example", UNASSIGN, { flowInstanceIds: ["11", "12"] });
    expect(await again.json()).toMatchObject({ unassignedFlowInstanceIds: ["12"] });
    expect(fake.assigned.size).toBe(0);
    expect(fake.requests.map((request) => request.outcome)).toEqual([200, 200]);
    expect(fake.violations).toEqual([]);
  });

  it("refuses what the spec forbids, as the HTTP fake does", async () => {
    const fake = createFakeGongHandlers({ assigned: ["11"] });
    server.use(...fake.handlers);
    const answer = await post("https://api.gong.io", UNASSIGN, {
      flowInstanceIds: ["11"],
      unassignedByUserEmail: "not-an-email",
    });
    expect(answer.status).toBe(400);
    expect((await answer.json()) as unknown).toMatchObject({
      errors: ['Request body property unassignedByUserEmail must match format "email"'],
    });
    expect(fake.assigned.has("11")).toBe(true);
  });

  it("leaves other hosts to the next handler when given a base URL", async () => {
    const fake = createFakeGongHandlers({ baseUrl: "https://us-1.api.gong.io/", assigned: ["11"] });
    server.use(...fake.handlers);
    await expect(post("https://us-2.api.gong.io", UNASSIGN, { flowInstanceIds: ["11"] })).rejects.toThrow();
    expect(fake.requests).toHaveLength(0);
  });

  it("turns a dropped connection into a network error, after processing for drop-after", async () => {
    const fake = createFakeGongHandlers({ assigned: ["11"], faults: () => ({ type: "drop-after" }) });
    server.use(...fake.handlers);
    await expect(post("https://api.gong.io", UNASSIGN, { flowInstanceIds: ["11"] })).rejects.toThrow(
      /fetch failed|Failed to fetch/,
    );
    expect(fake.assigned.size).toBe(0);
    expect(fake.requests[0]).toMatchObject({ outcome: "drop-after", processed: true });
  });
});
