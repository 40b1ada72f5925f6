import { spawn, spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeIds, startFakeGong } from "@gong-flows/fake";
import { afterEach, describe, expect, it } from "vitest";
import { encodeLine, journalKey } from "../src/journal/format.js";
import { BIN, CREDENTIALS, runCli } from "./helpers.js";

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A loopback server answering every request with the same status and JSON body. */
async function answering(status: number, body: unknown): Promise<string> {
  const server = createServer((_request, response) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Whether a terminal would act on any character of `text` other than a line feed. */
const actsOnTerminal = (text: string) => /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(text.replace(/\n/g, ""));

const tempDir = () => mkdtempSync(join(tmpdir(), "gong-flows-hostile-"));

describe("a hostile server's text on the operator's terminal", () => {
  const forged =
    "\x1b[2J\x1b[H\r\nUnassigned 10 of 10 flow instances in 1 request.\n\u009b31m\u202Eevil\u2028x\x7f";
  const requestId = "req\x1b]0;pwned\x07-1";

  it("is escaped in the summary: no screen clearing, no line of its own, no reversed text", async () => {
    const url = await answering(401, { requestId, errors: [forged] });
    const result = await runCli(["unassign", "1234", "--base-url", url, "--max-retries", "0"], {
      env: CREDENTIALS,
    });
    expect(result.code).toBe(1);
    const printed = result.stdout + result.stderr;
    // Only line feeds of our own: no other C0, DEL, C1, bidi or separator character reaches the terminal.
    expect(actsOnTerminal(printed)).toBe(false);
    expect(result.stdout.split("\n")[0]).toBe("Unassigned 0 of 1 flow instances in 1 request.");
    expect(result.stdout.split("\n").filter((line) => line.startsWith("Unassigned"))).toHaveLength(1);
    expect(result.stdout).toContain(
      "\\x1b[2J\\x1b[H\\r\\nUnassigned 10 of 10 flow instances in 1 request.\\n\\x9b31m\\u202eevil\\u2028x\\x7f",
    );
    expect(result.stdout).toContain("requestId req\\x1b]0;pwned\\x07-1");
  });

  it("stays valid JSON with --json, the same strings once parsed, and nothing raw a terminal acts on", async () => {
    const url = await answering(401, { requestId, errors: [forged] });
    const result = await runCli(["unassign", "1234", "--base-url", url, "--max-retries", "0", "--json"], {
      env: CREDENTIALS,
    });
    expect(actsOnTerminal(result.stdout)).toBe(false);
    const report = JSON.parse(result.stdout);
    expect(report.errors[0].messages).toEqual([forged]);
    expect(report.errors[0].requestId).toBe(requestId);
  });
});

describe("credentials a server echoes back transformed", () => {
  const key = CREDENTIALS.GONG_ACCESS_KEY;
  const secret = CREDENTIALS.GONG_ACCESS_KEY_SECRET;
  const basic = Buffer.from(`${key}:${secret}`).toString("base64");
  const echoes = [
    basic.replace(/=+$/, ""),
    encodeURIComponent(basic),
    basic.slice(0, 40),
    Buffer.from(secret).toString("base64"),
    Buffer.from(secret).toString("base64url"),
    secret.slice(0, 14),
  ];

  it("never reach the summary or --json", async () => {
    const url = await answering(401, { requestId: `r-${echoes[0]}`, errors: echoes });
    for (const extra of [[], ["--json"]]) {
      const result = await runCli(["unassign", "1234", "--base-url", url, "--max-retries", "0", ...extra], {
        env: CREDENTIALS,
      });
      expect(result.stdout).toContain("[REDACTED]");
      for (const echo of echoes) expect(result.stdout + result.stderr).not.toContain(echo);
    }
  });
});

describe("endless or oversized input", () => {
  it("--file /dev/zero is refused at once (exit 2), not read until memory runs out", async () => {
    const result = await runCli(["unassign", "--file", "/dev/zero", "--dry-run"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\/dev\/zero:1: a value of more than 1024 bytes without a separator/);
  });

  it("--file - from an endless stream of zeros is refused at once (exit 2)", async () => {
    const zero = openSync("/dev/zero", "r");
    const child = spawn(process.execPath, [BIN, "unassign", "--file", "-", "--dry-run"], {
      stdio: [zero, "pipe", "pipe"],
      env: { PATH: process.env.PATH ?? "" },
    });
    closeSync(zero);
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/standard input:1: a value of more than 1024 bytes/);
  });

  it("refuses more than 5,000,000 ids, and more than 256 MiB, in one source", async () => {
    const dir = tempDir();
    const many = join(dir, "many.txt");
    writeFileSync(many, "1\n".repeat(5_000_001));
    const tooMany = await runCli(["unassign", "--file", many, "--dry-run"]);
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toContain(`${many}:5000001: more than 5,000,000 ids in all id sources together`);

    // One comment line of 257 MiB (a sparse file: no disk used): no id in it, but far too large to be an id list.
    const huge = join(dir, "huge.txt");
    writeFileSync(huge, "# ");
    truncateSync(huge, 257 * 1024 * 1024);
    const tooLarge = await runCli(["unassign", "--file", huge, "--dry-run"]);
    expect(tooLarge.code).toBe(2);
    expect(tooLarge.stderr).toMatch(/the id sources hold more than 256 MiB together/);
  }, 60_000);

  it("counts the caps over all sources together, not per source", async () => {
    // The reviewer's case: several files, each under the cap, adding up far past it.
    const dir = tempDir();
    const part = join(dir, "part.txt");
    writeFileSync(part, "1\n".repeat(2_000_000));
    const files = [part, part, part].flatMap((file) => ["--file", file]);
    const tooMany = await runCli(["unassign", "1", ...files, "--dry-run"]);
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toContain(`${part}:1000000: more than 5,000,000 ids in all id sources together`);

    const comment = join(dir, "comment.txt");
    writeFileSync(comment, "# ");
    truncateSync(comment, 130 * 1024 * 1024);
    const tooLarge = await runCli(["unassign", "--file", comment, "--file", comment, "--dry-run"]);
    expect(tooLarge.code).toBe(2);
    expect(tooLarge.stderr).toMatch(/the id sources hold more than 256 MiB together/);
  }, 120_000);
});

describe("cosmetic input errors", () => {
  it("a journal that is not a regular file is a usage error, and a dangling link is not followed", async () => {
    const dir = tempDir();
    const gong = await startFakeGong({ assigned: ["1234"] });
    try {
      const devNull = join(dir, "null.journal");
      symlinkSync("/dev/null", devNull);
      const toDevice = await runCli(["unassign", "1234", "--journal", devNull, "--base-url", gong.url], {
        env: CREDENTIALS,
      });
      expect(toDevice.code).toBe(2);
      expect(toDevice.stderr).toContain(`--journal ${devNull} is not a regular file`);
      const dangling = join(dir, "dangling.journal");
      symlinkSync(join(dir, "planted-target"), dangling);
      const throughLink = await runCli(["unassign", "1234", "--journal", dangling, "--base-url", gong.url], {
        env: CREDENTIALS,
      });
      expect(throughLink.code).toBe(2);
      expect(existsSync(join(dir, "planted-target"))).toBe(false);
      expect(gong.requests).toHaveLength(0);
    } finally {
      await gong.stop();
    }
  });

  it("an id argument that is not UTF-8 is refused like the same bytes in a file", () => {
    const bytes = Buffer.from([0x31, 0x32, 0xff, 0x33]);
    const file = join(tempDir(), "ids.txt");
    writeFileSync(file, bytes);
    const env = { PATH: process.env.PATH ?? "" };
    // Node hands a Buffer argument's bytes to the child as they are: what a shell does with a Latin-1 paste.
    const raw = bytes as unknown as string;
    const asArgument = spawnSync(process.execPath, [BIN, "unassign", raw, "--dry-run"], { env });
    const inFile = spawnSync(process.execPath, [BIN, "unassign", "--file", file, "--dry-run"], { env });
    expect(inFile.status).toBe(2);
    expect(asArgument.status).toBe(2);
    expect(asArgument.stdout.toString()).toBe("");
    expect(asArgument.stderr.toString()).toContain("Id argument 1 is not valid UTF-8 text");
  });
});

describe("a hand-edited journal", () => {
  it("is never trusted into reporting ids unassigned that were never sent", async () => {
    const ids = makeIds(10);
    // Every request is refused (401): nothing is processed, and the journal records that.
    const gong = await startFakeGong({ assigned: ids, credentials: [{ bearerToken: "refused" }] });
    try {
      const journal = join(tempDir(), "job.journal");
      const args = ["unassign", ...ids, "--journal", journal, "--base-url", gong.url];
      expect((await runCli(args, { env: CREDENTIALS })).code).toBe(1);
      const header = readFileSync(journal, "utf8").split("\n")[0] as string;
      // The forgery, by someone who even holds the credentials: the header and one `settled unassigned` line.
      const key = journalKey({
        accessKey: CREDENTIALS.GONG_ACCESS_KEY,
        accessKeySecret: CREDENTIALS.GONG_ACCESS_KEY_SECRET,
      });
      const forgery = encodeLine(key, header.slice(0, 64), { type: "settled", ids, outcome: "unassigned" });
      writeFileSync(journal, `${header}\n${forgery.line}`);
      const requestsBefore = gong.requests.length;
      const resumed = await runCli(args, { env: CREDENTIALS });
      expect(resumed.code).toBe(2);
      expect(resumed.stdout).toBe("");
      expect(resumed.stderr).toMatch(
        /is corrupt at line 2 \(it settles id \d+ as unassigned without a request/,
      );
      expect(gong.requests.length).toBe(requestsBefore);
    } finally {
      await gong.stop();
    }
  });
});
