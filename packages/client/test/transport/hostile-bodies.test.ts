import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createGzip } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGongFlowsClient, GongInvalidResponseError } from "../../src/index.js";
import { KEY_PAIR, PATH } from "../helpers.js";

const INFLATED_BYTES = 512 * 1024 * 1024;

/** 512 MiB of zeros, gzipped (about half a megabyte), built in pieces so the test itself never holds them. */
async function gzipBomb(): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gzip.on("data", (part: Buffer) => parts.push(part));
  const ended = new Promise((resolve) => gzip.on("end", resolve));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < INFLATED_BYTES; written += zeros.length) {
    if (!gzip.write(zeros)) await new Promise((resolve) => gzip.once("drain", resolve));
  }
  gzip.end();
  await ended;
  return Buffer.concat(parts);
}

type Behaviour = (response: ServerResponse, body: string) => void;

/** A loopback server that answers every request with the behaviour under test, counting requests. */
async function hostileServer(behaviour: Behaviour) {
  let requests = 0;
  const server: Server = createServer((request, response) => {
    requests++;
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (part: string) => {
      body += part;
    });
    request.on("end", () => behaviour(response, body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let bomb: Buffer;
beforeAll(async () => {
  bomb = await gzipBomb();
}, 120_000);

const servers: { stop(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
});

async function clientFor(behaviour: Behaviour, options: { batchSize?: number } = {}) {
  const server = await hostileServer(behaviour);
  servers.push(server);
  const client = createGongFlowsClient({
    auth: KEY_PAIR,
    baseUrl: server.url,
    requestsPerSecond: null,
    ...options,
  });
  return { client, server };
}

const endlessZeros: Behaviour = (response) => {
  response.writeHead(200, { "content-type": "application/json" });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const pump = () => {
    while (!response.destroyed && response.write(chunk)) {}
    if (!response.destroyed) response.once("drain", pump);
  };
  response.on("close", () => response.removeAllListeners("drain"));
  pump();
};

describe("answers too large to read", () => {
  it("a gzip bomb is cut off at the cap: an invalid answer, not retried, memory stays flat", async () => {
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const { client, server } = await clientFor((response) => {
      response.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      response.end(bomb);
    });
    global.gc?.();
    const before = process.memoryUsage().rss;
    const report = await client.unassignFlowInstances(["1", "2"]);
    const grown = process.memoryUsage().rss - before;
    expect(grown).toBeLessThan(200 * 1024 * 1024);
    expect(report).toMatchObject({ unknown: ["1", "2"], unassigned: [], skipped: [], requests: 1 });
    expect(report.errors).toEqual([
      {
        kind: "invalid_response",
        status: 200,
        requestId: null,
        message: "Gong's answer (200) cannot be read: its body is larger than 211296 bytes",
        messages: [],
        flowInstanceIds: ["1", "2"],
      },
    ]);
    expect(server.requests()).toBe(1);
  }, 60_000);

  it("an endless 200 body ends at the cap, also through api, which throws a typed error", async () => {
    const { client, server } = await clientFor(endlessZeros);
    const call = client.api.POST(PATH, { body: { flowInstanceIds: ["1"] } });
    await expect(call).rejects.toBeInstanceOf(GongInvalidResponseError);
    await expect(call).rejects.toMatchObject({
      kind: "invalid_response",
      status: 200,
      message: "Gong's answer (200) cannot be read: its body is larger than 211296 bytes",
    });
    expect(server.requests()).toBe(1);
  }, 60_000);
});

describe("an answer cut off after its headers", () => {
  it("is an invalid answer that may have been processed: unknown, not retried as a dropped connection", async () => {
    const { client, server } = await clientFor((response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      response.write('{"unassignedFlowInstanceIds":["1"');
      setTimeout(() => response.socket?.destroy(), 20);
    });
    const report = await client.unassignFlowInstances(["1", "2"]);
    expect(report).toMatchObject({ unknown: ["1", "2"], skipped: [], requests: 1 });
    expect(report.errors).toEqual([
      {
        kind: "invalid_response",
        status: 200,
        requestId: null,
        message: "Gong's answer (200) cannot be read: its body was cut off",
        messages: [],
        flowInstanceIds: ["1", "2"],
      },
    ]);
    expect(server.requests()).toBe(1);
  }, 60_000);

  it("goes on with the next batch: an invalid answer does not stop the run", async () => {
    const { client } = await clientFor(
      (response, body) => {
        if (body.includes('"1"')) {
          response.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
          response.write("{");
          setTimeout(() => response.socket?.destroy(), 20);
          return;
        }
        response.writeHead(200, { "content-type": "application/json" });
        response.end('{"unassignedFlowInstanceIds":["2"]}');
      },
      { batchSize: 1 },
    );
    const report = await client.unassignFlowInstances(["1", "2"]);
    expect(report).toMatchObject({ unknown: ["1"], unassigned: ["2"], requests: 2 });
  }, 60_000);
});
