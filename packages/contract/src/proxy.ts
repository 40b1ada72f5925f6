import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningServer, startPrism } from "@gong-flows/fake/prism";
import { parse } from "yaml";
import { specText } from "./spec.js";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

interface Document {
  security?: unknown;
  paths?: Record<string, Record<string, { security?: unknown }>>;
}

/**
 * The spec with its security requirements removed. Prism checks those before forwarding and answers a request
 * without credentials itself, so the target's own 401 would never be seen. Answers are judged exactly as before.
 */
export function withoutSecurity(specText: string): Document {
  const spec = parse(specText) as Document;
  delete spec.security;
  for (const item of Object.values(spec.paths ?? {})) {
    for (const method of METHODS) delete item[method]?.security;
  }
  return spec;
}

/**
 * Starts `prism proxy --errors` in front of `target` on a free loopback port: it forwards every request as is
 * (request validation off, since most probes are invalid on purpose) and turns any answer that breaks the spec
 * into a 500 listing the violations.
 */
export async function startValidatingProxy(target: string): Promise<RunningServer> {
  const dir = await mkdtemp(join(tmpdir(), "gong-flows-contract-"));
  const removeDir = () => rm(dir, { recursive: true, force: true });
  try {
    const spec = join(dir, "openapi.json");
    await writeFile(spec, JSON.stringify(withoutSecurity(specText)));
    const prism = await startPrism({
      mode: "proxy",
      upstream: target,
      errors: true,
      validateRequest: false,
      spec,
    });
    return {
      url: prism.url,
      stop: async () => {
        await prism.stop();
        await removeDir();
      },
    };
  } catch (error) {
    await removeDir();
    throw error;
  }
}
