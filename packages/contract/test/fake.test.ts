import { makeIds, startFakeGong } from "@gong-flows/fake";
import { afterEach, describe, expect, it } from "vitest";
import { type ContractReport, runContract } from "../src/index.js";
import { AUTH, blockOf, CREDENTIALS, runKit, startStrictFake } from "./helpers.js";

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

const failedIds = (report: ContractReport) =>
  report.results.filter((result) => result.outcome === "fail").map((result) => result.check.id);

describe("the kit against the repo's fake of Gong", () => {
  it("passes every check, without changing the fake's state", async () => {
    const ids = makeIds(3);
    const fake = await startStrictFake({ assigned: ids });
    stops.push(fake.stop);
    const report = await runContract({ target: fake.url, auth: AUTH, requestsPerSecond: null });
    expect(failedIds(report)).toEqual([]);
    expect(report.results.map((result) => result.outcome)).toEqual(Array(12).fill("pass"));
    expect(report.passed).toBe(true);
    const unassigns = fake.requests.filter((request) => request.operationId === "unassignFlows");
    expect(unassigns).toHaveLength(12);
    expect(unassigns.some((request) => request.processed)).toBe(false);
    expect([...fake.assigned]).toEqual(ids);
    expect(fake.violations).toEqual([]);
  });

  it("really unassigns the ids given to --allow-writes, once", async () => {
    const [first, second, kept] = makeIds(3);
    const fake = await startStrictFake({ assigned: [first, second, kept] as string[] });
    stops.push(fake.stop);
    const result = await runKit(
      ["--target", fake.url, "--rps", "100", "--allow-writes", first as string, second as string],
      CREDENTIALS,
    );
    expect(blockOf(result.stdout, "unassign")).toMatch(/^PASS {2}unassign .*\n {6}got 200 application\/json/);
    expect(result.stdout).toContain("13 checks: 13 passed, 0 failed, 0 skipped. Conforms to the spec.");
    expect(result.code).toBe(0);
    expect([...fake.assigned]).toEqual([kept]);
    expect([...fake.unassignCounts.values()]).toEqual([1, 1]);
  });

  it("fails the wrong-credential checks when the target accepts any credentials", async () => {
    const lax = await startFakeGong();
    stops.push(lax.stop);
    const report = await runContract({ target: lax.url, auth: AUTH, requestsPerSecond: null });
    // A Basic value that is not key:secret is malformed for any server, as Prism too refuses it.
    expect(failedIds(report)).toEqual(["wrong-key-pair", "wrong-bearer-token"]);
    for (const result of report.results.filter((r) => r.outcome === "fail")) {
      expect(result.problems).toEqual(["expected status 401, got 400"]);
    }
  });

  it("says the target refused the credentials when every check that sends them got 401, never printing them", async () => {
    const fake = await startStrictFake();
    stops.push(fake.stop);
    const wrong = { ...CREDENTIALS, GONG_ACCESS_KEY_SECRET: "s3cr3t-but-not-this-one" };
    const result = await runKit(["--target", fake.url, "--rps", "100"], wrong);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /Does NOT conform to the spec \(\d+ failed\)\.\nThe target refused your credentials: every check that sends them got 401 \("Invalid credentials"\)\. Check GONG_ACCESS_KEY and GONG_ACCESS_KEY_SECRET, or GONG_BEARER_TOKEN/,
    );
    expect(result.stdout + result.stderr).not.toContain("s3cr3t-but-not-this-one");
  });

  it("passes on the target's reason when a token lacks the write scope", async () => {
    const fake = await startFakeGong({
      credentials: [{ bearerToken: "tok-read-only", scopes: ["api:flows:read"] }],
    });
    stops.push(fake.stop);
    const result = await runKit(["--target", fake.url, "--rps", "100"], {
      GONG_BEARER_TOKEN: "tok-read-only",
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /The target refused your credentials: every check that sends them got 40[13] \("The access token lacks the scope api:flows:write"\)\. .*an OAuth token needs the api:flows:write scope/,
    );
    expect(result.stdout + result.stderr).not.toContain("tok-read-only");
  });

  it("does not blame the credentials when the target accepted them", async () => {
    const lax = await startFakeGong();
    stops.push(lax.stop);
    const result = await runKit(["--target", lax.url, "--rps", "100"], CREDENTIALS);
    expect(result.stdout).toContain("Does NOT conform to the spec (2 failed).");
    expect(result.stdout).not.toContain("refused your credentials");
  });

  it("waits out a documented 429 and judges the answer that follows", async () => {
    let limited = false;
    const fake = await startStrictFake({
      // Request 1 is the kit's lookup of a probe id; the first check that reaches the script gets the 429.
      faults: (n) => {
        if (limited || n === 1) return null;
        limited = true;
        return { type: "status", status: 429, retryAfter: "0" };
      },
    });
    stops.push(fake.stop);
    const report = await runContract({ target: fake.url, auth: AUTH, requestsPerSecond: null });
    expect(report.passed).toBe(true);
    const waited = report.results.filter((result) => result.rateLimitRetries > 0);
    expect(waited.map((result) => [result.check.id, result.rateLimitRetries])).toEqual([["unknown-id", 1]]);
    expect(fake.requests.map((request) => request.outcome)).toContain(429);
  });

  it("refuses a target without credentials in the environment, naming the variables", async () => {
    const fake = await startStrictFake();
    stops.push(fake.stop);
    const result = await runKit(["--target", fake.url]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("GONG_ACCESS_KEY and GONG_ACCESS_KEY_SECRET, or GONG_BEARER_TOKEN");
    expect(fake.requests).toHaveLength(0);
  });
});
