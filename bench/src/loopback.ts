import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createGongFlowsClient, type paths } from "@gong-flows/client";
import createClient from "openapi-fetch";
import { interleave, median } from "./stats.js";

const PATH = "/v2/flows/prospects/unassign-flows-by-instance-id";
const ID = "234599484848423";
const ACCESS = { accessKey: "bench-key", accessKeySecret: "bench-secret" };
const AUTHORIZATION = `Basic ${Buffer.from(`${ACCESS.accessKey}:${ACCESS.accessKeySecret}`).toString("base64")}`;

type Sender = "rawFetch" | "guardedFetch" | "openapiFetch" | "api" | "bulkOne";

/** Medians, in microseconds per request: wall time, and CPU time of this (the client's) process. */
export type PerRequest = Record<Sender, { wall: number; cpu: number }>;

/**
 * One request, sent five ways: raw fetch and bare openapi-fetch as their users would write them; fetch with what
 * the contract requires of every attempt (a timeout signal, redirects not followed), the floor for any client
 * that keeps the contract on this Node; and the two ways through this client.
 */
function senders(baseUrl: string): Record<Sender, () => Promise<void>> {
  const body = { flowInstanceIds: [ID] };
  const bare = createClient<paths>({ baseUrl, headers: { authorization: AUTHORIZATION } });
  // Pacing and the daily count off: a paced client would measure its own spacing, not its overhead, and the
  // 10,000 requests a day the client allows by default are spent within one run of the bench.
  const gong = createGongFlowsClient({
    auth: ACCESS,
    baseUrl,
    requestsPerSecond: null,
    dailyRequestLimit: null,
  });
  const expectListed = (listed: readonly string[] | undefined) => {
    if (listed?.[0] !== ID) throw new Error(`the loopback server did not list ${ID}`);
  };
  return {
    rawFetch: async () => {
      const response = await fetch(`${baseUrl}${PATH}`, {
        method: "POST",
        headers: { authorization: AUTHORIZATION, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expectListed(
        ((await response.json()) as { unassignedFlowInstanceIds: string[] }).unassignedFlowInstanceIds,
      );
    },
    guardedFetch: async () => {
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(), 30_000);
      try {
        const response = await fetch(`${baseUrl}${PATH}`, {
          method: "POST",
          headers: { authorization: AUTHORIZATION, "content-type": "application/json" },
          body: JSON.stringify(body),
          signal: timeout.signal,
          redirect: "manual",
        });
        expectListed(
          ((await response.json()) as { unassignedFlowInstanceIds: string[] }).unassignedFlowInstanceIds,
        );
      } finally {
        clearTimeout(timer);
      }
    },
    openapiFetch: async () => expectListed((await bare.POST(PATH, { body })).data?.unassignedFlowInstanceIds),
    api: async () => expectListed((await gong.api.POST(PATH, { body })).data?.unassignedFlowInstanceIds),
    bulkOne: async () => expectListed((await gong.unassignFlowInstances([ID])).unassigned),
  };
}

/**
 * Sends `requests` sequential requests per sample, `rounds` samples per sender, interleaved. The server runs in
 * its own process, so the CPU time measured here is the client's alone (undici and the kernel's share included).
 */
export async function measurePerRequest(rounds: number, requests: number): Promise<PerRequest> {
  const server = await startLoopbackServer();
  try {
    const send = senders(server.url);
    const sample = (one: () => Promise<void>) => async () => {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      for (let i = 0; i < requests; i++) await one();
      const wall = ((performance.now() - start) * 1000) / requests;
      const cpu = process.cpuUsage(cpuStart);
      return { wall, cpu: (cpu.user + cpu.system) / requests };
    };
    const variants = {
      rawFetch: sample(send.rawFetch),
      guardedFetch: sample(send.guardedFetch),
      openapiFetch: sample(send.openapiFetch),
      api: sample(send.api),
      bulkOne: sample(send.bulkOne),
    };
    await interleave(variants, 2); // warm-up: JIT, connection pool
    const samples = await interleave(variants, rounds);
    const medians = (name: Sender) => ({
      wall: median(samples[name].map((x) => x.wall)),
      cpu: median(samples[name].map((x) => x.cpu)),
    });
    return {
      rawFetch: medians("rawFetch"),
      guardedFetch: medians("guardedFetch"),
      openapiFetch: medians("openapiFetch"),
      api: medians("api"),
      bulkOne: medians("bulkOne"),
    };
  } finally {
    server.stop();
  }
}

async function startLoopbackServer(): Promise<{ url: string; stop(): void }> {
  const script = fileURLToPath(new URL("./loopback-server.js", import.meta.url));
  const child: ChildProcess = spawn(process.execPath, [script], { stdio: ["pipe", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the loopback server exited early (${code})`)));
    child.stdout?.once("data", (chunk: Buffer) => resolve(chunk.toString("utf8").trim()));
  });
  return { url, stop: () => child.stdin?.end() };
}
