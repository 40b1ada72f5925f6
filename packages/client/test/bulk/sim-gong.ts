import { json } from "../helpers.js";

/** What the simulated Gong does with one attempt. */
export type SimFault = "ok" | "429" | "503" | "500-after" | "refused" | "reset-after" | "invalid-200" | "401";

/**
 * An in-process, stateful Gong for fast bulk tests through an injected `fetch` (the loopback fake in
 * @gong-flows/fake covers the wire). It records the truth the report is checked against.
 */
export function simulatedGong(options: {
  assigned: Iterable<string>;
  stuck?: Iterable<string>;
  faults?: (attempt: number) => SimFault;
  /** Answer every lookup with this status instead (403: a token that may not read flows). */
  lookupStatus?: number;
  /** Ids the lookup returns although an unassign refuses them (a 400 for another reason). */
  ghosts?: Iterable<string>;
}) {
  const ghosts = new Set(options.ghosts ?? []);
  const assigned = new Set(options.assigned);
  const known = new Set([...assigned, ...(options.stuck ?? [])]);
  const removed = new Set<string>();
  const listedAt = new Map<string, number>();
  const reSentAfterListing: string[] = [];
  const sent: string[][] = [];
  let calls = 0;

  const process = (ids: string[]) => {
    const listed = ids.filter((id) => assigned.has(id));
    for (const id of listed) {
      assigned.delete(id);
      removed.add(id);
    }
    return listed;
  };
  const socketError = (code: string) =>
    new TypeError("fetch failed", { cause: Object.assign(new Error(code), { code }) });

  const lookups: string[][] = [];
  const fetch = (async (input: unknown, init?: RequestInit) => {
    const call = ++calls;
    const { flowInstanceIds: ids } = JSON.parse(new TextDecoder().decode(init?.body as ArrayBuffer)) as {
      flowInstanceIds: string[];
    };
    if (String(input).endsWith("/v2/flows/prospects")) {
      // The lookup by instance ids: every instance that exists, whatever its state.
      lookups.push(ids);
      if (options.lookupStatus) return json(options.lookupStatus, { requestId: `r${call}`, errors: ["no"] });
      const prospectsAssigned = ids
        .filter((id) => known.has(id) || ghosts.has(id))
        .map((id) => ({
          flowId: "1",
          crmProspectId: `crm${id}`,
          flowInstanceId: id,
          flowInstanceStatus: "Running",
        }));
      return json(200, { requestId: `r${call}`, prospectsAssigned });
    }
    sent.push(ids);
    for (const id of ids) if (listedAt.has(id)) reSentAfterListing.push(id);
    const fault = options.faults?.(call) ?? "ok";
    const allKnown = ids.every((id) => known.has(id));
    switch (fault) {
      case "429":
        return json(429, { errors: ["limit"] }, { "retry-after": "0" });
      case "503":
        return json(503, { errors: ["unavailable"] });
      case "401":
        return json(401, { errors: ["bad key"] });
      case "refused":
        throw socketError("ECONNREFUSED");
      case "500-after":
        if (allKnown) process(ids);
        return json(500, { errors: ["failed"] });
      case "reset-after":
        if (allKnown) process(ids);
        throw socketError("ECONNRESET");
      case "invalid-200":
        if (allKnown) process(ids);
        return json(200, { requestId: `r${call}` });
      case "ok": {
        if (!allKnown)
          return json(400, {
            requestId: `r${call}`,
            errors: ["One or more of the given flowInstanceIds does not exist"],
          });
        const listed = process(ids);
        for (const id of listed) listedAt.set(id, call);
        return json(200, { requestId: `r${call}`, unassignedFlowInstanceIds: listed });
      }
    }
  }) as unknown as typeof globalThis.fetch;

  return {
    fetch,
    /** Ids the server really removed (whether or not the client heard about it). */
    removed,
    /** Every unassign request body's ids, in order. */
    sent,
    /** Every lookup's ids, in order. */
    lookups,
    /** Ids sent again after a response had listed them: must stay empty. */
    reSentAfterListing,
    get calls() {
      return calls;
    },
  };
}
