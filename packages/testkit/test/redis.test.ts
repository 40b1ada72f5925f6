import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { startRedis } from "../src/index.js";

/** Sends one inline command and returns the first reply line. */
function ask(port: number, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("error", reject);
    socket.once("data", (data) => {
      resolve(data.toString("utf8").split("\r\n")[0] ?? "");
      socket.destroy();
    });
    socket.write(`${command}\r\n`);
  });
}

describe("startRedis", () => {
  it("starts a real redis-server on a free loopback port and stops it", async () => {
    const redis = await startRedis();
    expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
    expect(await ask(redis.port, "PING")).toBe("+PONG");
    expect(await ask(redis.port, "CONFIG GET save")).toBe("*2");
    await redis.stop();
    await expect(ask(redis.port, "PING")).rejects.toMatchObject({ code: "ECONNREFUSED" });
    await redis.stop();
  });

  it("sets a password when asked, and puts it in the URL", async () => {
    const redis = await startRedis({ password: "s3cret/pw" });
    try {
      expect(redis.url).toBe(`redis://:s3cret%2Fpw@127.0.0.1:${redis.port}`);
      expect(await ask(redis.port, "PING")).toMatch(/^-NOAUTH/);
    } finally {
      await redis.stop();
    }
  });

  it("gives two servers two ports", async () => {
    const [a, b] = await Promise.all([startRedis(), startRedis()]);
    try {
      expect(a?.port).not.toBe(b?.port);
    } finally {
      await Promise.all([a?.stop(), b?.stop()]);
    }
  });
});
