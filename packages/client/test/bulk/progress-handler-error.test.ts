import { describe, expect, it } from "vitest";
import { ProgressHandlerError } from "../../src/index.js";
import { listingFetch, testClient } from "../helpers.js";

async function failingHandler(thrown: unknown): Promise<ProgressHandlerError> {
  const { client } = testClient({ fetch: listingFetch().fetch });
  const error = await client
    .unassignFlowInstances(["1"], {
      onProgress: () => {
        throw thrown;
      },
    })
    .catch((rejection: unknown) => rejection);
  expect(error).toBeInstanceOf(ProgressHandlerError);
  return error as ProgressHandlerError;
}

describe("ProgressHandlerError", () => {
  it("is named, says what the handler threw and carries it as the cause", async () => {
    const thrown = new Error("ENOSPC: no space left on device");
    const error = await failingHandler(thrown);
    expect(error.name).toBe("ProgressHandlerError");
    expect(error.message).toBe("onProgress threw, so the run stopped: ENOSPC: no space left on device");
    expect(error.cause).toBe(thrown);
    expect(String(error)).toBe(
      "ProgressHandlerError: onProgress threw, so the run stopped: ENOSPC: no space left on device",
    );
  });

  it("quotes a thrown value that is not an Error", async () => {
    const error = await failingHandler(42);
    expect(error.message).toBe("onProgress threw, so the run stopped: 42");
    expect(error.cause).toBe(42);
    expect(error.report).toMatchObject({ skipped: ["1"], requests: 0 });
  });
});
