import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { makeIds } from "@gong-flows/fake";
import { afterEach, describe, expect, it } from "vitest";
import { createGongFlowsClient } from "../../src/index.js";
import { KEY_PAIR } from "../helpers.js";

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/**
 * A fast stand-in for Gong: every id it has not removed yet is removed and listed. The stateful fake checks every
 * answer against the spec, which is right for behaviour tests and too slow for 5,000 requests on a loaded machine.
 */
async function startFastGong(assigned: Set<string>): Promise<{ url: string; requests: () => number }> {
  let requests = 0;
  server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
    });
    req.on("end", () => {
      requests++;
      const ids = (JSON.parse(body) as { flowInstanceIds: string[] }).flowInstanceIds;
      const removed = ids.filter((id) => assigned.delete(id));
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ requestId: `r${requests}`, unassignedFlowInstanceIds: removed }));
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests: () => requests };
}

describe("a big job through the client", () => {
  it("unassigns 1,000,000 ids in the minimum 5,000 requests against a local server", async () => {
    const ids = makeIds(1_000_000);
    const assigned = new Set(ids);
    const gong = await startFastGong(assigned);
    const client = createGongFlowsClient({ auth: KEY_PAIR, baseUrl: gong.url, requestsPerSecond: null });
    let settledEvents = 0;
    const report = await client.unassignFlowInstances(ids, {
      onProgress: (event) => {
        if (event.type === "settled") settledEvents++;
      },
    });
    expect(report.requests).toBe(5_000);
    expect(gong.requests()).toBe(5_000);
    expect(report.unassigned).toHaveLength(1_000_000);
    expect(report.unassigned[0]).toBe(ids[0]);
    expect(report.unassigned[999_999]).toBe(ids[999_999]);
    expect(report.skipped.length + report.unknown.length + report.notUnassigned.length).toBe(0);
    expect(settledEvents).toBe(5_000);
    expect(assigned.size).toBe(0);
  }, 300_000);
});
