import { describe, expect, it } from "vitest";
import { GongInputError } from "../../src/index.js";
import { listingFetch, testClient } from "../helpers.js";

/** An address of exactly `length` characters. */
const emailOf = (length: number) => `${"a".repeat(length - "@example.com".length)}@example.com`;

async function refusalOf(call: () => Promise<unknown>): Promise<GongInputError> {
  const error = await call().then(
    () => null,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(GongInputError);
  return error as GongInputError;
}

describe("the id length limit (256) is checked before the spec's pattern", () => {
  it("lets an id of exactly 256 characters through to the pattern check", async () => {
    const { client } = testClient({ fetch: listingFetch().fetch });
    const error = await refusalOf(() => client.unassignFlowInstances(["9".repeat(256)]));
    expect(error.message).toMatch(/^ids\[0\] "9+…" is not a Gong id: flow instance ids are decimal digits/);
  });

  it("refuses an id of 257 characters for its length", async () => {
    const { client } = testClient({ fetch: listingFetch().fetch });
    const error = await refusalOf(() => client.unassignFlowInstances(["1", "9".repeat(257)]));
    expect(error.message).toMatch(/^ids\[1\] "9+…" is 257 characters long \(at most 256\)$/);
    expect([error.field, error.index]).toEqual(["ids", 1]);
  });
});

describe("unassignedByUserEmail", () => {
  it.each([emailOf(254), "ops@mail.eu.example.com"])("sends %s", async (email) => {
    const { fetch, bodies } = listingFetch();
    const { client } = testClient({ fetch });
    await client.unassignFlowInstances(["1"], { unassignedByUserEmail: email });
    expect(bodies.map((body) => body.unassignedByUserEmail)).toEqual([email]);
  });

  it.each([
    ["an address of 255 characters", emailOf(255)],
    ["a trailing dot", "ops@example.com."],
    ["a trailing space", "ops@example.com "],
    ["a second @ after the domain", "ops@example.com@x"],
  ])("refuses %s", async (_case, email) => {
    const { fetch, bodies } = listingFetch();
    const { client } = testClient({ fetch });
    const error = await refusalOf(() =>
      client.unassignFlowInstances(["1"], { unassignedByUserEmail: email }),
    );
    expect(error.message).toMatch(/^unassignedByUserEmail ".+" does not look like local@domain\.tld$/);
    expect(error.field).toBe("unassignedByUserEmail");
    expect(bodies).toEqual([]);
  });
});
