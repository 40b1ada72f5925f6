import { describe, expect, it } from "vitest";
import { ProgressHandlerError } from "../../src/index.js";
import { json, listingFetch, sentBody, testClient } from "../helpers.js";

describe("an onProgress that throws (a journal on a full disk)", () => {
  it("keeps the refused attempt from being sent and rejects with the report of every id", async () => {
    const { fetch, bodies } = listingFetch();
    const { client } = testClient({ fetch, batchSize: 1, requestsPerSecond: 1 });
    let sendingEvents = 0;
    const failure = new Error("journal: disk full");
    const run = client.unassignFlowInstances(["1", "2", "3", "4"], {
      onProgress: (event) => {
        if (event.type === "sending" && ++sendingEvents === 2) throw failure;
      },
    });
    const error = await run.then(
      () => null,
      (rejection: unknown) => rejection,
    );
    expect(error).toBeInstanceOf(ProgressHandlerError);
    const { report, cause } = error as ProgressHandlerError;
    expect(cause).toBe(failure);
    expect(bodies.map((body) => body.flowInstanceIds)).toEqual([["1"]]);
    expect(report).toMatchObject({ unassigned: ["1"], skipped: ["2", "3", "4"], unknown: [], requests: 1 });
  });

  it("still settles the whole answer when the handler fails on its first part", async () => {
    // Gong removes 1 and 3 and not 2 and 4: the handler fails on the `unassigned` event; `notUnassigned` must follow.
    const fetch = (async (_input: unknown, init?: RequestInit) => {
      sentBody(init);
      return json(200, { unassignedFlowInstanceIds: ["1", "3"] });
    }) as unknown as typeof globalThis.fetch;
    const { client } = testClient({ fetch, batchSize: 4 });
    let calls = 0;
    const error = (await client
      .unassignFlowInstances(["1", "2", "3", "4"], {
        onProgress: (event) => {
          calls++;
          if (event.type === "settled") throw new Error("EIO");
        },
      })
      .catch((rejection: unknown) => rejection)) as ProgressHandlerError;
    expect(error).toBeInstanceOf(ProgressHandlerError);
    expect(error.report).toMatchObject({ unassigned: ["1", "3"], notUnassigned: ["2", "4"], skipped: [] });
    // sending, attempted, the failing settled: the handler is not called again after it threw.
    expect(calls).toBe(3);
  });

  it("leaves an answered request's ids in doubt when its answer could not be recorded and a retry was due", async () => {
    let attempts = 0;
    const fetch = (async (_input: unknown, init?: RequestInit) => {
      sentBody(init);
      attempts++;
      return json(503, { errors: ["busy"] });
    }) as unknown as typeof globalThis.fetch;
    const { client } = testClient({ fetch, batchSize: 2, maxRetries: 3 });
    const error = (await client
      .unassignFlowInstances(["1", "2"], {
        onProgress: (event) => {
          if (event.type === "attempted") throw new Error("ENOSPC");
        },
      })
      .catch((rejection: unknown) => rejection)) as ProgressHandlerError;
    expect(attempts).toBe(1);
    expect(error.report).toMatchObject({ unknown: ["1", "2"], skipped: [], requests: 1 });
  });
});
