import { describe, expect, it } from "vitest";
import { type Doc, doc, verdicts } from "./pairs.js";

const op = (operationId?: string): Doc => ({ ...(operationId ? { operationId } : {}), responses: {} });

describe("operations", () => {
  it("operation-removed / operation-added, by path as written and method", () => {
    const before = doc({ "/flows/{id}": { get: op("getFlow"), delete: op("deleteFlow") } });
    const after = doc({ "/flows/{flowId}": { get: op("getFlow") }, "/flows": { get: op("listFlows") } });
    expect(verdicts(before, after)).toEqual([
      "ERR operation-removed GET /flows/{id}",
      "ERR operation-removed DELETE /flows/{id}",
      "INFO operation-added GET /flows/{flowId}",
      "INFO operation-added GET /flows",
    ]);
  });

  it("operation-id-changed: renamed, removed or added", () => {
    const with_ = (id?: string) => doc({ "/flows": { get: op(id) } });
    expect(verdicts(with_("listFlows"), with_("getFlows"))).toEqual([
      "ERR operation-id-changed GET /flows /operationId",
    ]);
    expect(verdicts(with_("listFlows"), with_())).toEqual([
      "ERR operation-id-changed GET /flows /operationId",
    ]);
    expect(verdicts(with_(), with_("listFlows"))).toEqual([
      "ERR operation-id-changed GET /flows /operationId",
    ]);
  });

  it("every verdict carries its level, rule, operation, location and a message", async () => {
    const { diffSpecs } = await import("../../src/spec-diff.js");
    const [found] = diffSpecs(doc({ "/flows": { get: op("a") } }), doc({ "/flows": { get: op("b") } }));
    expect(found).toEqual({
      rule: "operation-id-changed",
      level: "ERR",
      operation: "GET /flows",
      path: "/operationId",
      message: "operationId changed from 'a' to 'b'",
    });
  });
});
