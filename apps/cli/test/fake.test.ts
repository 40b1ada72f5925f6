import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type FakeGong, type FakeGongOptions, makeIds, startFakeGong } from "@gong-flows/fake";
import { afterEach, describe, expect, it } from "vitest";
import { BIN, CREDENTIALS, runCli, withoutTarget } from "./helpers.js";

let fake: FakeGong | undefined;
afterEach(async () => {
  expect(fake?.violations ?? []).toEqual([]);
  await fake?.stop();
  fake = undefined;
});

const scratch = () => mkdtempSync(join(tmpdir(), "gong-flows-cli-"));
async function startFake(options: FakeGongOptions) {
  fake = await startFakeGong(options);
  return fake;
}
const LISTS = ["unassigned", "notUnassigned", "rejected", "unknown", "skipped"] as const;

/** Checks the contract's rules on a --json report: every unique id exactly once, lists in input order. */
function expectHonestReport(report: Record<string, unknown>, uniqueIds: string[]) {
  expect(Object.keys(report).sort()).toEqual(
    [...LISTS, "duplicates", "requests", "requestIds", "errors"].sort(),
  );
  const all = LISTS.flatMap((list) => report[list] as string[]);
  expect([...all].sort()).toEqual([...uniqueIds].sort());
  for (const list of LISTS) {
    const ids = report[list] as string[];
    expect(ids).toEqual(uniqueIds.filter((id) => ids.includes(id)));
  }
}

describe("gong-flows unassign against the local fake", () => {
  it("runs 1,000 ids from a file with one stuck id: summary on stdout, exit 1", async () => {
    const ids = makeIds(1_000);
    const gong = await startFake({ assigned: ids.slice(1), stuck: [ids[0] as string] });
    const dir = scratch();
    writeFileSync(join(dir, "ids.txt"), `# flows to clean\n${ids.join("\n")}\n`);
    const result = await runCli(
      ["unassign", "--file", join(dir, "ids.txt"), "--base-url", gong.url, "--rps", "50"],
      {
        env: CREDENTIALS,
      },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("Unassigned 999 of 1000 flow instances in 5 requests.");
    expect(result.stdout).toMatch(/Not unassigned \(still assigned\):\n {2}234599484800000\n/);
    expect(withoutTarget(result.stderr)).toBe("");
    expect(gong.requests).toHaveLength(5);
  });

  it("prints exactly the report with --json, reads stdin and drops duplicates", async () => {
    const ids = makeIds(450);
    const gong = await startFake({ assigned: ids });
    const stdin = `${ids.slice(0, 300).join(",")}\n${ids.slice(250).join(" ")}\n`;
    const result = await runCli(
      [
        "unassign",
        "--file",
        "-",
        "--json",
        "--base-url",
        gong.url,
        "--rps",
        "50",
        "--unassigned-by",
        "ops@example.com",
      ],
      { env: CREDENTIALS, stdin },
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expectHonestReport(report, ids);
    expect(report).toMatchObject({ duplicates: 50, requests: 3, errors: [] });
    expect(report.requestIds).toHaveLength(3);
    expect(JSON.parse(gong.requests[0]?.body ?? "{}").unassignedByUserEmail).toBe("ops@example.com");
  });

  it("isolates a nonexistent id and reports it rejected with Gong's message", async () => {
    const ids = makeIds(300);
    const gong = await startFake({ assigned: ids });
    const result = await runCli(
      [
        "unassign",
        ...ids.slice(0, 100),
        "123",
        ...ids.slice(100),
        "--json",
        "--base-url",
        gong.url,
        "--rps",
        "100",
      ],
      {
        env: CREDENTIALS,
      },
    );
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expectHonestReport(report, [...ids.slice(0, 100), "123", ...ids.slice(100)]);
    expect(report.rejected).toEqual(["123"]);
    expect(report.errors.at(-1)).toMatchObject({
      kind: "bad_request",
      messages: ["One or more of the given flowInstanceIds does not exist"],
      flowInstanceIds: ["123"],
    });
  });

  it("says how to go on when the budget for finding refused ids runs out", async () => {
    const ids = makeIds(40);
    const gong = await startFake({ assigned: ids });
    const input = ["999999999999990", ...ids.slice(0, 20), "999999999999991", ...ids.slice(20)];
    const args = [
      "unassign",
      ...input,
      "--batch-size",
      "21",
      "--max-isolation-requests",
      "0",
      "--base-url",
      gong.url,
    ];
    const result = await runCli(args, { env: CREDENTIALS });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("42  skipped");
    expect(result.stdout).toMatch(
      /HTTP 400 bad_request: One or more of the given flowInstanceIds does not exist — 2 requests carrying 42 ids between them/,
    );
    expect(result.stdout).toContain("raise --max-isolation-requests");
    expect(gong.requests).toHaveLength(2);
  });

  it("keeps every secret out of stdout and stderr in an auth-failure run, debug output included", async () => {
    const gong = await startFake({
      assigned: ["1"],
      credentials: [{ accessKey: "not-these", accessKeySecret: "credentials" }],
    });
    const basic = Buffer.from(
      `${CREDENTIALS.GONG_ACCESS_KEY}:${CREDENTIALS.GONG_ACCESS_KEY_SECRET}`,
    ).toString("base64");
    for (const json of [false, true]) {
      const result = await runCli(
        ["unassign", "1", "2", "--base-url", gong.url, ...(json ? ["--json"] : [])],
        {
          env: { ...CREDENTIALS, GONG_FLOWS_DEBUG: "1" },
        },
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("[REDACTED]");
      for (const secret of [CREDENTIALS.GONG_ACCESS_KEY_SECRET, CREDENTIALS.GONG_ACCESS_KEY, basic]) {
        expect(result.stdout).not.toContain(secret);
        expect(result.stderr).not.toContain(secret);
      }
      if (json) expect(JSON.parse(result.stdout).skipped).toEqual(["1", "2"]);
      else expect(result.stdout).toContain("HTTP 401 authentication");
    }
  });

  it("shows a dry run's plan and sends nothing", async () => {
    const gong = await startFake({ assigned: [] });
    const ids = makeIds(450);
    const result = await runCli([
      "unassign",
      ...ids,
      ids[0] as string,
      "--dry-run",
      "--json",
      "--base-url",
      gong.url,
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      dryRun: true,
      baseUrl: gong.url,
      ids: 450,
      duplicates: 1,
      alreadySettled: 0,
      batches: [200, 200, 50],
    });
    expect(gong.requests).toHaveLength(0);
  });

  it("shows no progress line when stderr is not a terminal", async () => {
    const ids = makeIds(20);
    const gong = await startFake({ assigned: ids });
    const result = await runCli(
      ["unassign", ...ids, "--base-url", gong.url, "--batch-size", "5", "--rps", "50"],
      {
        env: CREDENTIALS,
      },
    );
    expect(result.code).toBe(0);
    expect(withoutTarget(result.stderr)).toBe("");
  });
});

describe("input errors: exit 2, a message saying what to fix, nothing sent", () => {
  const cases: [string, string[], Record<string, string>, string | undefined, RegExp][] = [
    ["no ids", ["unassign"], CREDENTIALS, undefined, /No ids given/],
    ["an empty file", ["unassign", "--file", "-"], CREDENTIALS, "# only a comment\n\n", /No ids given/],
    [
      "an id with a control character in a file",
      ["unassign", "--file", "-"],
      CREDENTIALS,
      "1\n2\n3\u0007\n",
      /standard input:3: "3\\u0007" is not a flow instance id: it contains U\+0007/,
    ],
    [
      "an argument with a comma",
      ["unassign", "1,2"],
      CREDENTIALS,
      undefined,
      /Argument 1 "1,2" is not a flow instance id: it contains ","/,
    ],
    [
      "a bad email",
      ["unassign", "1", "--unassigned-by", "nobody"],
      CREDENTIALS,
      undefined,
      /--unassigned-by "nobody" does not look like/,
    ],
    [
      "a non-numeric --rps",
      ["unassign", "1", "--rps", "fast"],
      CREDENTIALS,
      undefined,
      /--rps must be a number greater than 0/,
    ],
    ["--rps 0", ["unassign", "1", "--rps", "0"], CREDENTIALS, undefined, /--rps/],
    [
      "--max-retries 11",
      ["unassign", "1", "--max-retries", "11"],
      CREDENTIALS,
      undefined,
      /--max-retries must be a whole number from 0 to 10/,
    ],
    ["--timeout-ms 99", ["unassign", "1", "--timeout-ms", "99"], CREDENTIALS, undefined, /--timeout-ms/],
    [
      "--batch-size 201",
      ["unassign", "1", "--batch-size", "201"],
      CREDENTIALS,
      undefined,
      /--batch-size must be a whole number from 1 to 200/,
    ],
    ["an unknown flag", ["unassign", "1", "--force"], CREDENTIALS, undefined, /Unknown option '--force'/],
    ["an unknown command", ["remove", "1"], CREDENTIALS, undefined, /Unknown command "remove"/],
    ["missing credentials", ["unassign", "1"], {}, undefined, /No credentials/],
    [
      "half a key pair",
      ["unassign", "1"],
      { GONG_ACCESS_KEY: "k" },
      undefined,
      /GONG_ACCESS_KEY_SECRET is not set/,
    ],
    [
      "both kinds of credentials",
      ["unassign", "1"],
      { ...CREDENTIALS, GONG_BEARER_TOKEN: "t" },
      undefined,
      /Both GONG_BEARER_TOKEN and/,
    ],
    [
      "plain http to a remote host",
      ["unassign", "1", "--base-url", "http://api.gong.io"],
      CREDENTIALS,
      undefined,
      /plain http/,
    ],
    [
      "a missing file",
      ["unassign", "--file", "/nonexistent/ids.txt"],
      CREDENTIALS,
      undefined,
      /Cannot read --file \/nonexistent\/ids.txt: no such file \(ENOENT\)/,
    ],
    ["stdin twice", ["unassign", "--file", "-", "--file", "-"], CREDENTIALS, "1", /only once/],
    [
      "a CSV export without --column",
      ["unassign", "--file", "-"],
      CREDENTIALS,
      "Flow Instance Id,Email,Name\n234599484800000,ann@example.com,Ann\n",
      /standard input:1: "Flow Instance Id,Email,Name" is a CSV header, not flow instance ids\. Take the ids from one column with --column NAME \(this file's columns: "Flow Instance Id", "Email", "Name"\)/,
    ],
    [
      "a CSV header after comments and blank lines",
      ["unassign", "--file", "-"],
      CREDENTIALS,
      "# export of Monday\n\nid\n234599484800000\n",
      /standard input:3: "id" is a CSV header.*--column NAME/,
    ],
    [
      "an email among the ids",
      ["unassign", "--file", "-"],
      CREDENTIALS,
      "234599484800000\n234599484800001\nann@example.com\n",
      /standard input:3: "ann@example\.com" is not a flow instance id/,
    ],
    [
      "a name among the ids",
      ["unassign", "--file", "-"],
      CREDENTIALS,
      "234599484800000\nSVXHP\n",
      /standard input:2: "SVXHP" is not a flow instance id/,
    ],
    [
      "a --column that the header does not have",
      ["unassign", "--file", "-", "--column", "Instance"],
      CREDENTIALS,
      "Id,Email\n234599484800000,ann@example.com\n",
      /standard input:1: no column "Instance" in the header row; its columns are "Id", "Email"/,
    ],
    [
      "a --column value that is not an id",
      ["unassign", "--file", "-", "--column", "Email"],
      CREDENTIALS,
      "Id,Email\n234599484800000,ann@example.com\n",
      /standard input:2: "ann@example\.com" in column "Email" is not a flow instance id/,
    ],
    [
      "an empty cell in the --column",
      ["unassign", "--file", "-", "--column", "Id"],
      CREDENTIALS,
      "Id,Email\n234599484800000,ann@example.com\n,bob@example.com\n",
      /standard input:3: no value in column "Id"/,
    ],
    [
      "--column without a file",
      ["unassign", "1", "--column", "Id"],
      CREDENTIALS,
      undefined,
      /--column reads CSV files/,
    ],
    [
      "a flag where a value belongs",
      ["unassign", "1", "--unassigned-by", "--json"],
      CREDENTIALS,
      undefined,
      /--unassigned-by needs a value, but the next argument is another option/,
    ],
    ["a directory as --file", ["unassign", "--file", "/tmp"], CREDENTIALS, undefined, /it is a directory/],
    [
      "credentials in the base URL",
      ["unassign", "1", "--base-url", "https://user:pw@api.gong.io"],
      CREDENTIALS,
      undefined,
      /must not contain credentials; set GONG_ACCESS_KEY/,
    ],
  ];

  it.each(cases)("refuses %s", async (_, args, env, stdin, message) => {
    const gong = await startFake({ assigned: ["1", "2", "3"] });
    const withUrl = args.includes("--base-url") ? args : [...args, "--base-url", gong.url];
    const result = await runCli([...withUrl, "--json"], { env, ...(stdin === undefined ? {} : { stdin }) });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
    expect(result.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(gong.requests).toHaveLength(0);
  });
});

describe("a file that is not UTF-8", () => {
  it("is refused with its line before anything is sent", async () => {
    const gong = await startFake({ assigned: ["1", "2"] });
    const file = join(scratch(), "latin1.txt");
    writeFileSync(file, Buffer.from([0x31, 0x0a, 0x32, 0xa0, 0x33, 0x0a]));
    const result = await runCli(["unassign", "--file", file, "--base-url", gong.url], { env: CREDENTIALS });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("latin1.txt:2: not valid UTF-8 text");
    expect(gong.requests).toHaveLength(0);
  });
});

describe("output to a closed pipe", () => {
  it("stops quietly when the reader of stdout goes away", async () => {
    // Enough output (~400 kB of JSON) to overflow the pipe after the reader has gone.
    const ids = makeIds(20_000);
    const gong = await startFake({ assigned: ids });
    const file = join(scratch(), "ids.txt");
    writeFileSync(file, ids.join("\n"));
    const command = `node "$BIN" unassign --file "$IDS" --json --rps 1000 --base-url "$URL" | head -c 1 > /dev/null; echo "\${PIPESTATUS[0]}"`;
    const shell = spawn("bash", ["--norc", "--noprofile", "-c", command], {
      env: { PATH: process.env.PATH ?? "", ...CREDENTIALS, BIN, IDS: file, URL: gong.url },
    });
    let output = "";
    let errors = "";
    shell.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    shell.stderr.on("data", (chunk: Buffer) => {
      errors += chunk.toString();
    });
    await new Promise((resolve) => shell.on("close", resolve));
    expect(withoutTarget(errors)).toBe("");
    expect(output.trim()).toBe("0");
    expect(gong.requests).toHaveLength(100);
  });
});
