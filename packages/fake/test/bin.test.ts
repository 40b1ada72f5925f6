import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { post, UNASSIGN } from "./helpers.js";

const BIN = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

/** Starts the built bin with only the given environment; resolves once it printed its URL. */
function startBin(args: readonly string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? "", ...env } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, stdout, stderr })),
  );
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", () => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then(() => reject(new Error(`the bin exited: ${stdout}${stderr}`)));
  });
  // Tests that expect an exit never ask for the URL.
  url.catch(() => {});
  return { child, url, exited };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe("gong-flows-fake", () => {
  it("listens on --port, serves its ids, and exits 0 quietly on SIGTERM and SIGINT", async () => {
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      const port = await freePort();
      const bin = startBin(["--port", String(port), "--ids", "3"]);
      const url = await bin.url;
      expect(url).toBe(`http://127.0.0.1:${port}`);
      const answer = await post(url, UNASSIGN, { flowInstanceIds: ["234599484800002"] });
      expect(await answer.json()).toMatchObject({ unassignedFlowInstanceIds: ["234599484800002"] });
      bin.child.kill(signal);
      const { code, stdout, stderr } = await bin.exited;
      expect(code).toBe(0);
      expect(stderr).toBe("");
      expect(stdout).toContain("Fake Gong served 1 requests.");
    }
  });

  it("with --require-credentials accepts the key pair and the bearer token of the environment, nothing else", async () => {
    const bin = startBin(["--require-credentials", "--ids", "3"], {
      GONG_ACCESS_KEY: "bin-key",
      GONG_ACCESS_KEY_SECRET: "bin-secret",
      GONG_BEARER_TOKEN: "bin-token",
    });
    const url = await bin.url;
    const send = (authorization: string) =>
      post(url, UNASSIGN, { flowInstanceIds: ["234599484800000"] }, { authorization });
    expect((await send(`Basic ${btoa("bin-key:bin-secret")}`)).status).toBe(200);
    expect((await send("Bearer bin-token")).status).toBe(200);
    expect((await send("Bearer other-token")).status).toBe(401);
    expect((await send(`Basic ${btoa("bin-key:wrong")}`)).status).toBe(401);
    bin.child.kill("SIGTERM");
    expect((await bin.exited).code).toBe(0);
  });

  it("says what is wrong with its arguments and exits 2", async () => {
    for (const [args, message] of [
      [["--port", "http"], "--port must be a whole number"],
      [["--faults", "sometimes"], "--faults must be one of: none, rate-limit-burst"],
      [["--require-credentials"], "needs GONG_ACCESS_KEY and GONG_ACCESS_KEY_SECRET, or GONG_BEARER_TOKEN"],
      [["--token-scopes", "api:flows:write"], "--token-scopes needs --require-credentials"],
      [["--stuck", "5", "--ids", "2"], "--stuck 5 and --finished 0 add up to more than --ids 2"],
    ] as const) {
      const { code, stdout, stderr } = await startBin(args).exited;
      expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
      expect(stderr).toContain(message);
    }
  });

  it("says which port is taken", async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, "127.0.0.1", () => resolve((blocker.address() as { port: number }).port)),
    );
    try {
      const { code, stderr } = await startBin(["--port", String(port)]).exited;
      expect(code).toBe(1);
      expect(stderr).toContain(`port ${port} is in use; pick another --port`);
    } finally {
      blocker.close();
    }
  });
});
