import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type FakeGong, type FakeGongOptions, makeIds, startFakeGong } from "@gong-flows/fake";
import { afterEach, describe, expect, it } from "vitest";
import { CREDENTIALS, runCli, withoutTarget } from "./helpers.js";

let fake: FakeGong | undefined;
afterEach(async () => {
  expect(fake?.violations ?? []).toEqual([]);
  await fake?.stop();
  fake = undefined;
});
async function startFake(options: FakeGongOptions) {
  fake = await startFakeGong(options);
  return fake;
}
const scratch = () => mkdtempSync(join(tmpdir(), "gong-flows-lookups-"));
const crm = (n: number) => `0031U00001Wb${String(n).padStart(6, "0")}`;

/** 450 prospects, two open instances each (ids 2n, 2n+1); 10 more instances finished. */
function prospects(count = 450) {
  const ids = makeIds(2 * count + 10);
  return {
    ids,
    options: {
      assigned: ids.slice(0, 2 * count),
      finished: ids.slice(2 * count),
      prospects: Array.from({ length: count }, (_, n) => ({
        crmProspectId: crm(n),
        flowInstanceIds: [ids[2 * n] as string, ids[2 * n + 1] as string],
      })),
    } satisfies FakeGongOptions,
  };
}

/** A CRM export as operators have it: a header row, quoted fields, emails and names beside the ids. */
function crmExport(count: number): string {
  const rows = Array.from({ length: count }, (_, n) => `${crm(n)},"Smith, Ann ${n}",ann${n}@example.com`);
  return `Contact ID,Full Name,Email\n${rows.join("\n")}\n`;
}

describe("gong-flows unassign --crm-ids against the fake", () => {
  it("unassigns the open instances of 450 CRM ids from a CSV export: 5 lookups and 5 unassigns", async () => {
    const { options } = prospects();
    const gong = await startFake(options);
    const file = join(scratch(), "contacts.csv");
    writeFileSync(file, crmExport(450));
    const result = await runCli(
      [
        "unassign",
        "--crm-ids",
        file,
        "--column",
        "Contact ID",
        "--json",
        "--rps",
        "100",
        "--base-url",
        gong.url,
      ],
      { env: CREDENTIALS },
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.unassigned).toHaveLength(900);
    expect(report.prospects.withoutOpenInstances).toEqual([]);
    expect(report.prospects.instances[0]).toEqual(
      expect.objectContaining({ crmProspectId: crm(0), flowInstanceId: options.assigned[0] }),
    );
    expect(report.requests).toBe(10);
    expect(gong.requests.map((request) => request.operationId)).toEqual([
      ...Array(5).fill("getProspectsAssignedFlows"),
      ...Array(5).fill("unassignFlows"),
    ]);
    expect(gong.assigned.size).toBe(0);
    expect(withoutTarget(result.stderr)).toMatch(
      /^gong-flows: 450 CRM ids: 900 open flow instances of 450 prospects/,
    );
  });

  it("binds its journal to the CRM ids: a resumed job sends no instance already settled", async () => {
    const { options, ids } = prospects(20);
    const gong = await startFake(options);
    const dir = scratch();
    writeFileSync(join(dir, "crm.txt"), Array.from({ length: 20 }, (_, n) => crm(n)).join("\n"));
    const journal = join(dir, "job.journal");
    const args = [
      "unassign",
      "--crm-ids",
      join(dir, "crm.txt"),
      "--journal",
      journal,
      "--json",
      "--base-url",
      gong.url,
    ];
    const first = await runCli([...args, "--rps", "100"], { env: CREDENTIALS });
    expect(first.code).toBe(0);
    const unassignsBefore = gong.requests.filter((request) => request.operationId === "unassignFlows").length;
    const again = await runCli([...args, "--rps", "100"], { env: CREDENTIALS });
    expect(again.code).toBe(0);
    const report = JSON.parse(again.stdout);
    expect(report.unassigned.sort()).toEqual(ids.slice(0, 40).sort());
    expect(gong.requests.filter((request) => request.operationId === "unassignFlows")).toHaveLength(
      unassignsBefore,
    );
    expect(withoutTarget(again.stderr)).toContain("resuming: the journal already settled 40 of 40 ids");
  });

  it("refuses the export's email column before anything is sent", async () => {
    const gong = await startFake(prospects(5).options);
    const file = join(scratch(), "contacts.csv");
    writeFileSync(file, crmExport(5));
    const result = await runCli(
      ["unassign", "--crm-ids", file, "--column", "Email", "--base-url", gong.url],
      {
        env: CREDENTIALS,
      },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /contacts\.csv:2: "ann0@example\.com" in column "Email" is not a CRM prospect id/,
    );
    expect(gong.requests).toHaveLength(0);
  });

  it("refuses a --flow that is not a flow id, naming it", async () => {
    const gong = await startFake(prospects(1).options);
    const result = await runCli(["unassign", "--crm-ids", "-", "--flow", "Inbound", "--base-url", gong.url], {
      env: CREDENTIALS,
      stdin: `${crm(0)}\n`,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--flow "Inbound" is not a flow id/);
    expect(gong.requests).toHaveLength(0);
  });

  it("refuses the export without --column, pointing to it", async () => {
    const gong = await startFake(prospects(5).options);
    const file = join(scratch(), "contacts.csv");
    writeFileSync(file, crmExport(5));
    const result = await runCli(["unassign", "--crm-ids", file, "--base-url", gong.url], {
      env: CREDENTIALS,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/contacts\.csv:1: .* is a CSV header, .*--column NAME .*"Contact ID"/);
    expect(gong.requests).toHaveLength(0);
  });
});

describe("gong-flows find against the fake", () => {
  it("prints a table for people, JSON for scripts, and bare open ids to feed unassign", async () => {
    const { options } = prospects(3);
    const gong = await startFake(options);
    const stdin = `${crm(0)}\n${crm(1)}\n003NOTINGONG000000\n`;
    const table = await runCli(["find", "--crm-ids", "-", "--base-url", gong.url], {
      env: CREDENTIALS,
      stdin,
    });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^PROSPECT\s+FLOW\s+FLOW INSTANCE ID\s+STATUS\n/);
    expect(table.stdout).toContain("4 flow instances found.");
    expect(table.stdout).toContain("1 CRM ids have no open flow instance: 003NOTINGONG000000");
    const json = await runCli(["find", "--crm-ids", "-", "--json", "--base-url", gong.url], {
      env: CREDENTIALS,
      stdin,
    });
    const found = JSON.parse(json.stdout);
    expect(Object.keys(found)).toEqual(["instances", "notFound"]);
    expect(found.notFound).toEqual(["003NOTINGONG000000"]);
    const bare = await runCli(["find", "--crm-ids", "-", "--ids-only", "--base-url", gong.url], {
      env: CREDENTIALS,
      stdin,
    });
    expect(bare.stdout.trim().split("\n")).toEqual(options.assigned.slice(0, 4));
  });

  it("finds instances by id whatever their status, and says which do not exist", async () => {
    const { options } = prospects(2);
    const gong = await startFake(options);
    const finished = options.finished[0] as string;
    const result = await runCli(["find", finished, "999999999999999", "--json", "--base-url", gong.url], {
      env: CREDENTIALS,
    });
    const found = JSON.parse(result.stdout);
    expect(found.instances.map((i: { flowInstanceStatus: string }) => i.flowInstanceStatus)).toEqual([
      "Finished",
    ]);
    expect(found.notFound).toEqual(["999999999999999"]);
  });
});

describe("gong-flows flows against the fake", () => {
  it("lists every flow over every page", async () => {
    const gong = await startFake({ flows: 45 });
    const json = await runCli(["flows", "--owner", "owner@example.com", "--json", "--base-url", gong.url], {
      env: CREDENTIALS,
    });
    expect(json.code).toBe(0);
    const { flows } = JSON.parse(json.stdout);
    expect(flows.length).toBeGreaterThanOrEqual(45);
    expect(gong.requests.length).toBeGreaterThan(1);
    const table = await runCli(["flows", "--owner", "owner@example.com", "--base-url", gong.url], {
      env: CREDENTIALS,
    });
    expect(table.stdout).toMatch(/^FLOW ID\s+NAME\s+FOLDER\s+VISIBILITY\n/);
    expect(table.stdout).toContain(`${flows.length} flows.`);
  });

  it("needs --owner as an email", async () => {
    const result = await runCli(["flows", "--owner", "owner"], { env: CREDENTIALS });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--owner "owner" does not look like local@domain\.tld/);
  });
});
