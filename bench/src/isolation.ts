#!/usr/bin/env node
// `pnpm --filter @gong-flows/bench isolation`: requests against the stateful fake over loopback HTTP. What a job
// from 450 CRM ids costs (lookups + unassigns), and the extra requests to isolate missing ids in a batch of 200, by
// lookup (a token that may read flows) and by halving (a token without api:flows:read: the lookup is refused).
import { createGongFlowsClient } from "@gong-flows/client";
import { makeIds, startFakeGong } from "@gong-flows/fake";

const READ_WRITE = { bearerToken: "bench-token-read-write", scopes: ["api:flows:read", "api:flows:write"] };
const WRITE_ONLY = { bearerToken: "bench-token-write-only", scopes: ["api:flows:write"] };

async function crmJob(): Promise<string> {
  const ids = makeIds(900);
  const crm = (n: number) => `0031U00001Wb${String(n).padStart(6, "0")}`;
  const fake = await startFakeGong({
    assigned: ids,
    prospects: Array.from({ length: 450 }, (_, n) => ({
      crmProspectId: crm(n),
      flowInstanceIds: [ids[2 * n] as string, ids[2 * n + 1] as string],
    })),
  });
  try {
    const client = createGongFlowsClient({
      auth: { bearerToken: READ_WRITE.bearerToken },
      baseUrl: fake.url,
      requestsPerSecond: null,
    });
    const report = await client.unassignProspects(Array.from({ length: 450 }, (_, n) => crm(n)));
    const lookups = fake.requests.filter(
      (request) => request.operationId === "getProspectsAssignedFlows",
    ).length;
    const unassigns = fake.requests.filter((request) => request.operationId === "unassignFlows").length;
    return `450 CRM ids (2 open instances each): ${report.requests} requests = ${lookups} lookups + ${unassigns} unassigns; ${report.unassigned.length} unassigned`;
  } finally {
    await fake.stop();
  }
}

async function isolation(missing: number, token: typeof READ_WRITE): Promise<number> {
  const ids = makeIds(200);
  const absent = new Set(ids.filter((_, index) => index % Math.floor(200 / missing) === 7).slice(0, missing));
  const fake = await startFakeGong({
    assigned: ids.filter((id) => !absent.has(id)),
    credentials: [READ_WRITE, WRITE_ONLY],
  });
  try {
    const client = createGongFlowsClient({
      auth: { bearerToken: token.bearerToken },
      baseUrl: fake.url,
      requestsPerSecond: null,
      maxIsolationRequests: 10_000,
    });
    const report = await client.unassignFlowInstances(ids);
    if (report.rejected.length !== missing || report.unassigned.length !== 200 - missing) {
      throw new Error(`isolation went wrong: ${JSON.stringify({ rejected: report.rejected.length })}`);
    }
    return report.requests - 1;
  } finally {
    await fake.stop();
  }
}

console.log(await crmJob());
for (const missing of [1, 5]) {
  const byLookup = await isolation(missing, READ_WRITE);
  // Without read scope the lookup is refused (1 request), then halving runs as it did before lookups existed.
  const halving = (await isolation(missing, WRITE_ONLY)) - 1;
  console.log(
    `${missing} missing in a batch of 200: ${byLookup} extra requests by lookup, ${halving} by halving (before); ratio ${(halving / byLookup).toFixed(1)}x`,
  );
}
