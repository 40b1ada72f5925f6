import { describe, expect, it } from "vitest";
import { main } from "../src/main.js";

/** Runs the CLI in-process with no credentials and stdin holding `stdin`: a dry run needs neither network nor keys. */
async function dryRun(args: string[], stdin = "") {
  let stdout = "";
  let stderr = "";
  const code = await main(["unassign", ...args, "--dry-run", "--base-url", "https://acme.api.gong.io"], {
    env: {},
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    readStdin: async () => stdin,
  });
  return { code, stdout, stderr };
}

const SENT_TO = "It would be sent to the";

describe("unassign --dry-run", () => {
  it("plans the requests of flow instance ids, the duplicates dropped, and how long the pacing takes", async () => {
    const { code, stdout } = await dryRun(["11", "12", "12", "13", "--batch-size", "2", "--rps", "2"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^Dry run: 3 unique ids \(1 duplicate dropped\); 2 requests of at most 2 ids; at 2 requests\/s that takes at least 0\.5 s\. Nothing was sent\.\nIt would be sent to the .*acme\.api\.gong\.io/,
    );
  });

  it("speaks of one id and one request in the singular", async () => {
    const { stdout } = await dryRun(["11"]);
    expect(stdout).toMatch(/^Dry run: 1 unique id; 1 request of at most 200 ids\. Nothing was sent\.\n/);
    expect(stdout).toContain(SENT_TO);
  });

  it("plans the lookups of CRM ids, with the flows asked for", async () => {
    const { code, stdout } = await dryRun(["--crm-ids", "-", "--flow", "7", "--flow", "8"], "a1\na2\na1\n");
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^Dry run: 2 unique CRM ids \(1 duplicate dropped\), flows 7, 8; 1 lookup request would find their open flow instances, then unassign them\. Nothing was sent\.\n/,
    );
  });

  it("gives the same plan as one JSON object with --json", async () => {
    const ids = await dryRun(["11", "12", "12", "--batch-size", "1", "--json"]);
    expect(JSON.parse(ids.stdout)).toEqual({
      dryRun: true,
      baseUrl: "https://acme.api.gong.io",
      ids: 2,
      duplicates: 1,
      alreadySettled: 0,
      batches: [1, 1],
    });
    const crm = await dryRun(["--crm-ids", "-", "--json"], "a1\n");
    expect(JSON.parse(crm.stdout)).toEqual({
      dryRun: true,
      baseUrl: "https://acme.api.gong.io",
      crmProspectIds: 1,
      duplicates: 0,
      flows: [],
      alreadySettled: 0,
      lookups: 1,
    });
  });
});
