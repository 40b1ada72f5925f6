import { makeIds } from "@gong-flows/fake";
import { createFakeGongHandlers } from "@gong-flows/fake/msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createGongFlowsClient } from "../../src/index.js";
import { KEY_PAIR } from "../helpers.js";

// The fake in-process through MSW, as another team would use it: no port, a company's own base URL.
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const client = () =>
  createGongFlowsClient({ auth: KEY_PAIR, baseUrl: "https://us-4242.api.gong.io", requestsPerSecond: null });

describe("bulk unassign against the fake's MSW handlers", () => {
  it("isolates a missing id and reports every id in the right list", async () => {
    const ids = makeIds(450);
    const missing = "999999999999999";
    const fake = createFakeGongHandlers({ assigned: ids });
    server.use(...fake.handlers);
    const report = await client().unassignFlowInstances([...ids.slice(0, 100), missing, ...ids.slice(100)]);
    expect(report.unassigned).toEqual(ids);
    expect(report.rejected).toEqual([missing]);
    expect(fake.assigned.size).toBe(0);
    expect([...fake.unassignCounts.values()].every((count) => count === 1)).toBe(true);
    expect(fake.violations).toEqual([]);
  });

  it("retries the fake's scripted 503s and ends with nothing left assigned", async () => {
    const ids = makeIds(1_000);
    const fake = createFakeGongHandlers({ assigned: ids, faults: "flaky-5xx" });
    server.use(...fake.handlers);
    const report = await client().unassignFlowInstances(ids);
    expect(report.unassigned).toEqual(ids);
    expect(fake.requests.filter((request) => request.outcome === 503).length).toBeGreaterThan(0);
    expect(report.requests).toBe(fake.requests.length);
    expect(fake.violations).toEqual([]);
  });
});
