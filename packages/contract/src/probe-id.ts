import { parse } from "yaml";
import type { Answer } from "./answer.js";
import { type ProbeId, UNKNOWN_PROBE_ID } from "./checks.js";
import { pathOf, specText } from "./spec.js";

interface Document {
  paths?: Record<string, Record<string, Operation | undefined>>;
}
interface Operation {
  operationId?: string;
  requestBody?: { content?: Record<string, { examples?: Record<string, { value?: unknown }> }> };
}

/** The flow instance ids of the spec's own unassign request examples: documentation ids, never a tenant's data. */
function exampleIds(): string[] {
  const ids = new Set<string>();
  for (const item of Object.values((parse(specText) as Document).paths ?? {})) {
    for (const operation of Object.values(item)) {
      if (operation?.operationId !== "unassignFlows") continue;
      for (const media of Object.values(operation.requestBody?.content ?? {})) {
        for (const example of Object.values(media.examples ?? {})) {
          const value = (example.value as { flowInstanceIds?: unknown } | undefined)?.flowInstanceIds;
          if (Array.isArray(value)) for (const id of value) if (typeof id === "string") ids.add(id);
        }
      }
    }
  }
  return [...ids];
}

/**
 * The id the body-rule checks carry: the first `--allow-writes` id (the operator said it exists), else one of
 * the spec's example ids that the target's own lookup (`POST /v2/flows/prospects` by flow instance id) finds,
 * else an id that cannot exist. A lookup that fails in any way just means "not found".
 */
export async function findProbeId(
  writeIds: readonly string[],
  post: (path: string, body: unknown) => Promise<Answer>,
): Promise<ProbeId> {
  const [written] = writeIds;
  if (written !== undefined)
    return { id: written, exists: true, source: "the first id given to --allow-writes" };
  let path: string;
  try {
    path = pathOf("getProspectsAssignedFlows");
  } catch {
    return UNKNOWN_PROBE_ID;
  }
  const candidates = exampleIds();
  if (candidates.length === 0) return UNKNOWN_PROBE_ID;
  try {
    const answer = await post(path, { flowInstanceIds: candidates });
    const records = (answer.json as { prospectsAssigned?: unknown } | undefined)?.prospectsAssigned;
    if (answer.status !== 200 || answer.proxyProblems || !Array.isArray(records)) return UNKNOWN_PROBE_ID;
    const found = records
      .map((record) => (record as { flowInstanceId?: unknown }).flowInstanceId)
      .find((id): id is string => typeof id === "string" && candidates.includes(id));
    return found === undefined
      ? UNKNOWN_PROBE_ID
      : { id: found, exists: true, source: `the spec's example id, found by the target's ${path}` };
  } catch {
    return UNKNOWN_PROBE_ID;
  }
}
