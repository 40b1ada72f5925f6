import { describe, expectTypeOf, it } from "vitest";
import {
  createGongFlowsClient,
  type GongApiError,
  type GongErrorKind,
  GongRateLimitError,
  GongServerError,
  type Outcome,
  type ProgressEvent,
  type UnassignError,
  type UnassignReport,
} from "../../src/index.js";
import { KEY_PAIR, PATH } from "../helpers.js";

// These tests are checked by `tsc --noEmit` (the typecheck task): a wrong type fails the build, not a run.
const gong = createGongFlowsClient({
  auth: KEY_PAIR,
  fetch: (async () => new Response("{}")) as typeof fetch,
});

describe("api is typed from the spec", () => {
  it("types the body and the answers", async () => {
    const { data, error } = await gong.api.POST(PATH, { body: { flowInstanceIds: ["1"] } });
    expectTypeOf(data).toEqualTypeOf<
      { requestId?: string; unassignedFlowInstanceIds: string[] } | undefined
    >();
    expectTypeOf(error).toEqualTypeOf<{ requestId?: string; errors: string[] } | undefined>();
  });

  it("refuses a wrong body shape at compile time", () => {
    const refused = () => [
      // @ts-expect-error flowInstanceIds is required
      gong.api.POST(PATH, { body: {} }),
      // @ts-expect-error ids are strings, not numbers
      gong.api.POST(PATH, { body: { flowInstanceIds: [234599484848423] } }),
      // @ts-expect-error the email is a string
      gong.api.POST(PATH, { body: { flowInstanceIds: ["1"], unassignedByUserEmail: 42 } }),
      // @ts-expect-error the path does not exist
      gong.api.POST("/v2/flows/prospects/unassign", { body: { flowInstanceIds: ["1"] } }),
      // @ts-expect-error the endpoint takes POST only
      gong.api.GET(PATH),
    ];
    expectTypeOf(refused).toBeFunction();
  });

  it("refuses both auth shapes at once", () => {
    const both = { bearerToken: "t", accessKey: "k", accessKeySecret: "s" };
    // @ts-expect-error exactly one auth shape
    const bad = () => createGongFlowsClient({ auth: both });
    expectTypeOf(bad).toBeFunction();
  });
});

describe("report and error types are exported", () => {
  it("types the report", async () => {
    const report = await gong.unassignFlowInstances(["1"]);
    expectTypeOf(report).toEqualTypeOf<UnassignReport>();
    expectTypeOf(report.unassigned).toEqualTypeOf<string[]>();
    expectTypeOf(report.errors).toEqualTypeOf<UnassignError[]>();
    expectTypeOf<UnassignError["kind"]>().toEqualTypeOf<GongErrorKind>();
    expectTypeOf<Outcome>().toEqualTypeOf<
      "unassigned" | "notUnassigned" | "rejected" | "unknown" | "skipped"
    >();
  });

  it("types progress events as a union on type", () => {
    expectTypeOf<ProgressEvent["type"]>().toEqualTypeOf<"sending" | "attempted" | "settled">();
    expectTypeOf<Extract<ProgressEvent, { type: "settled" }>["outcome"]>().toEqualTypeOf<Outcome>();
  });

  it("types errors with their fields", () => {
    expectTypeOf<GongRateLimitError>().toExtend<GongApiError>();
    expectTypeOf<GongRateLimitError["retryAfter"]>().toEqualTypeOf<number | null>();
    expectTypeOf<GongApiError["status"]>().toEqualTypeOf<number | null>();
    expectTypeOf<GongApiError["requestId"]>().toEqualTypeOf<string | null>();
    expectTypeOf(GongRateLimitError).toBeConstructibleWith("m", { retryAfter: 1 });
  });

  it("gives each error class its own kind, as a literal", () => {
    expectTypeOf<GongServerError>().toExtend<GongApiError>();
    expectTypeOf(GongServerError).toExtend<typeof GongApiError>();
    expectTypeOf<GongServerError["kind"]>().toEqualTypeOf<"server">();
    expectTypeOf<GongRateLimitError["kind"]>().toEqualTypeOf<"rate_limit">();
    expectTypeOf(GongServerError).toBeConstructibleWith("m");
    expectTypeOf(GongServerError).toBeConstructibleWith("m", {
      status: 503,
      requestId: "r",
      messages: ["x"],
    });
  });
});
