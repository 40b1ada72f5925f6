import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { parse } from "yaml";

export const REPO = fileURLToPath(new URL("../../..", import.meta.url));

/** The packages other teams install. */
export const PUBLIC_PACKAGES = [
  { name: "@gong-flows/spec", dir: "spec" },
  { name: "@gong-flows/client", dir: "packages/client" },
  { name: "@gong-flows/cli", dir: "apps/cli" },
  { name: "@gong-flows/limiter-redis", dir: "packages/limiter-redis" },
  { name: "@gong-flows/fake", dir: "packages/fake" },
  { name: "@gong-flows/contract", dir: "packages/contract" },
] as const;

/**
 * Every workspace package that is not private, read from the workspace's globs: what `changeset publish` would
 * publish, including packages added after the three above.
 */
export function publishedPackages(root: string = REPO): { name: string; dir: string }[] {
  const { packages } = parse(readFileSync(join(root, "pnpm-workspace.yaml"), "utf8")) as {
    packages: string[];
  };
  const dirs = packages.flatMap((glob) =>
    glob.endsWith("/*")
      ? readdirSync(join(root, glob.slice(0, -2)), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => `${glob.slice(0, -2)}/${entry.name}`)
      : [glob],
  );
  return dirs
    .filter((dir) => existsSync(join(root, dir, "package.json")))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")) }))
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ dir, manifest }) => ({ name: manifest.name as string, dir }));
}

const execFileAsync = promisify(execFile);

/** Runs a command and returns its output; a non-zero exit rejects with the output in the message. */
export async function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<string> {
  try {
    const { stdout, stderr } = await execFileAsync(command, [...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      maxBuffer: 64 * 1024 * 1024,
    });
    return `${stdout}${stderr}`;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(" ")} failed in ${options.cwd}:\n${stdout ?? ""}${stderr ?? ""}`);
  }
}

/** Like {@link run}, but resolves with the exit code instead of rejecting. */
export async function runStatus(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<{ code: number; output: string }> {
  try {
    return { code: 0, output: await run(command, args, options) };
  } catch (error) {
    return { code: 1, output: (error as Error).message };
  }
}
