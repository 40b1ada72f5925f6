import { describe, expect, it } from "vitest";
import { testClient } from "../helpers.js";
import { simulatedGong } from "./sim-gong.js";

/** A refused batch isolated by halving only: the lookup is refused (a token without api:flows:read). */
async function halving(batch: string[], bad: string[]) {
  const gong = simulatedGong({ assigned: batch.filter((id) => !bad.includes(id)), lookupStatus: 403 });
  const { client } = testClient({ fetch: gong.fetch });
  const report = await client.unassignFlowInstances(batch);
  return { report, sent: gong.sent };
}

describe("halving a refused batch", () => {
  it("splits the right half further, unsent, when the left half was listed", async () => {
    const { report, sent } = await halving(["1", "2", "3", "4"], ["4"]);
    expect(sent).toEqual([["1", "2", "3", "4"], ["1", "2"], ["3"], ["4"]]);
    expect(report).toMatchObject({ unassigned: ["1", "2", "3"], rejected: ["4"] });
  });

  it("sends a single right id once when the left half was listed", async () => {
    const { report, sent } = await halving(["1", "2"], ["2"]);
    expect(sent).toEqual([["1", "2"], ["1"], ["2"]]);
    expect(report).toMatchObject({ unassigned: ["1"], rejected: ["2"], requests: 4 });
  });

  it("sends the right half whole when the left half was refused", async () => {
    const { report, sent } = await halving(["1", "2", "3", "4"], ["1"]);
    expect(sent).toEqual([["1", "2", "3", "4"], ["1", "2"], ["1"], ["2"], ["3", "4"]]);
    expect(report).toMatchObject({ unassigned: ["2", "3", "4"], rejected: ["1"] });
  });
});
