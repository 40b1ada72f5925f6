import { describe, expect, it } from "vitest";
import { testClient } from "../helpers.js";
import { simulatedGong } from "./sim-gong.js";

const TAIL =
  "not exist: Gong's flow instance lookup does not know them, and Gong refused their batch (400) because of them";

describe("ids the isolation lookup does not know", () => {
  it("says one missing id does not exist, with the refusal's status, request id and messages", async () => {
    const gong = simulatedGong({ assigned: ["101", "103"] });
    const { client } = testClient({ fetch: gong.fetch });
    const report = await client.unassignFlowInstances(["101", "102", "103"]);
    expect(report.rejected).toEqual(["102"]);
    expect(report.unassigned).toEqual(["101", "103"]);
    expect(gong.sent).toEqual([
      ["101", "102", "103"],
      ["101", "103"],
    ]);
    // The batch r1, the lookup r2, the re-send r3: the lookup's id is kept, and nothing else.
    expect(report.requestIds).toEqual(["r1", "r2", "r3"]);
    expect(report.errors.at(-1)).toEqual({
      kind: "bad_request",
      status: 400,
      requestId: "r1",
      message: `This flow instance id does ${TAIL}`,
      messages: ["One or more of the given flowInstanceIds does not exist"],
      flowInstanceIds: ["102"],
    });
  });

  it("says several missing ids do not exist, and sends nothing more when none is left to re-send", async () => {
    const gong = simulatedGong({ assigned: [] });
    const { client } = testClient({ fetch: gong.fetch });
    const report = await client.unassignFlowInstances(["201", "202"]);
    expect(report.rejected).toEqual(["201", "202"]);
    expect(gong.calls).toBe(2);
    expect(gong.sent).toEqual([["201", "202"]]);
    expect(report.requests).toBe(2);
    expect(report.errors.map((error) => error.message)).toEqual([
      "Gong refused the request (400): One or more of the given flowInstanceIds does not exist (requestId r1)",
      `These flow instance ids do ${TAIL}`,
    ]);
  });
});
