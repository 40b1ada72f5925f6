import type { SpecDocument } from "./spec-document.js";
import { routesOf } from "./spec-routes.js";
import { type FakeFlow, FakeState, type InstanceDetails, type InstanceStatus } from "./state.js";

/** What the fake starts with. Ids are opaque strings; Gong's look like long decimal numbers. */
export interface FakeSeed {
  /** Open flow instances. Any id the fake does not know makes an unassign request fail with 400, as Gong does. */
  readonly assigned?: Iterable<string>;
  /** Open instances that can never be removed: an unassign answer never lists them. */
  readonly stuck?: Iterable<string>;
  /** Instances that exist but are finished: found by id, not by CRM id, never listed as unassigned. */
  readonly finished?: Iterable<string>;
  /** Which CRM prospect owns which instances; an instance with no prospect here is `crm-<its id>`'s only one. */
  readonly prospects?: Iterable<{
    readonly crmProspectId: string;
    readonly flowInstanceIds: readonly string[];
  }>;
  /** The flows, or how many to make up (default 25). The spec's example flows always come first. */
  readonly flows?: number | readonly FakeFlow[];
  /** Flows per page of `GET /v2/flows` (default 10). */
  readonly flowsPerPage?: number;
  /** Every well-formed id exists and is assigned until unassigned; an unknown CRM id gets one open instance. */
  readonly anyId?: boolean;
}

const WORKSPACE_ID = "623457276584334";
const OPEN_STATUSES: readonly InstanceStatus[] = ["Running", "Pending", "Paused"];

/** `count` distinct ids that look like Gong's, starting from `start`. */
export function makeIds(count: number, start = 234599484800000): string[] {
  return Array.from({ length: count }, (_, i) => String(start + i));
}

/** `count` made-up flows in a few folders, every visibility represented. */
export function makeFlows(count: number): FakeFlow[] {
  const folders = [
    ["7782342274030001", "Outbound"],
    ["7782342274030002", "Renewals"],
    ["7782342274030003", "Events"],
  ] as const;
  const visibilities = ["Company", "Shared", "Personal"] as const;
  return Array.from({ length: count }, (_, i) => {
    const [folderId, folderName] = folders[i % folders.length] as (typeof folders)[number];
    return {
      id: String(5843453270000 + i),
      name: `${folderName} flow ${i + 1}`,
      folderId,
      folderName,
      visibility: visibilities[i % visibilities.length] as FakeFlow["visibility"],
      creationDate: new Date(Date.UTC(2024, 0, 1 + i)).toISOString().replace(".000Z", "Z"),
      exclusive: i % 2 === 0,
      workspaceId: WORKSPACE_ID,
    };
  });
}

/** The state a fake starts from: the spec's own examples, then the caller's seed. */
export function seedState(spec: SpecDocument, seed: FakeSeed): FakeState {
  const examples = examplesOf(spec);
  const flows = typeof seed.flows === "object" ? seed.flows : makeFlows(seed.flows ?? 25);
  const known = new Set(flows.map((flow) => flow.id));
  const state = new FakeState(
    [...examples.flows.filter((flow) => !known.has(flow.id)), ...flows],
    seed.anyId ?? false,
    seed.flowsPerPage ?? 10,
  );
  for (const [id, { status, details }] of examples.instances) state.seed(id, status, { details });
  for (const id of examples.flowInstanceIds) {
    if (!state.has(id)) state.seed(id, "Running");
  }
  const prospectOf = new Map<string, string>();
  for (const prospect of seed.prospects ?? []) {
    for (const id of prospect.flowInstanceIds) prospectOf.set(id, prospect.crmProspectId);
  }
  const details = (id: string): InstanceDetails | undefined => {
    const crmProspectId = prospectOf.get(id);
    return crmProspectId === undefined ? undefined : { crmProspectId };
  };
  let n = 0;
  for (const id of seed.assigned ?? []) {
    state.seed(id, OPEN_STATUSES[n++ % OPEN_STATUSES.length] as InstanceStatus, {
      tracked: true,
      details: details(id),
    });
  }
  for (const id of seed.stuck ?? []) state.seed(id, "Running", { stuck: true, details: details(id) });
  for (const id of seed.finished ?? []) state.seed(id, "Finished", { details: details(id) });
  for (const id of prospectOf.keys()) {
    if (!state.has(id)) state.seed(id, "Running", { tracked: true, details: details(id) });
  }
  return state;
}

interface Examples {
  readonly instances: Map<string, { status: InstanceStatus; details: InstanceDetails }>;
  readonly flowInstanceIds: Set<string>;
  readonly flows: FakeFlow[];
}

/**
 * The ids and records the spec's own examples use, so a tool that sends the spec's examples (Specmatic, Portman,
 * Schemathesis) gets the answers the spec pairs with them: instance records of any answer, flows of any flow
 * list, and every flow instance id of any request.
 */
function examplesOf(spec: SpecDocument): Examples {
  const examples: Examples = { instances: new Map(), flowInstanceIds: new Set(), flows: [] };
  const seenFlows = new Set<string>();
  for (const route of routesOf(spec)) {
    for (const media of Object.values(route.operation.requestBody?.content ?? {})) {
      for (const value of exampleValues(media)) {
        walk(value, (node) => {
          const ids = node.flowInstanceIds;
          if (Array.isArray(ids))
            for (const id of ids) if (typeof id === "string") examples.flowInstanceIds.add(id);
        });
      }
    }
    for (const response of Object.values(route.responses)) {
      for (const media of Object.values(response.content ?? {})) {
        for (const value of exampleValues(media)) {
          walk(value, (node) => {
            if (typeof node.flowInstanceId === "string" && typeof node.flowInstanceStatus === "string") {
              examples.instances.set(node.flowInstanceId, {
                status: node.flowInstanceStatus as InstanceStatus,
                details: {
                  crmProspectId: stringOr(node.crmProspectId),
                  flowId: stringOr(node.flowId),
                  createDate: stringOr(node.flowInstanceCreateDate),
                  ownerEmail: stringOr(node.flowInstanceOwnerEmail),
                  ownerFullName: stringOr(node.flowInstanceOwnerFullName),
                },
              });
            }
            if (Array.isArray(node.flows)) {
              for (const flow of node.flows as Record<string, unknown>[]) {
                if (typeof flow.id !== "string" || typeof flow.name !== "string" || seenFlows.has(flow.id))
                  continue;
                seenFlows.add(flow.id);
                examples.flows.push({
                  id: flow.id,
                  name: flow.name,
                  folderId: stringOr(flow.folderId) ?? "7782342274030001",
                  folderName: stringOr(flow.folderName) ?? "Outbound",
                  visibility: (stringOr(flow.visibility) ?? "Company") as FakeFlow["visibility"],
                  creationDate: stringOr(flow.creationDate) ?? "2024-01-01T00:00:00Z",
                  exclusive: flow.exclusive === true,
                  workspaceId: WORKSPACE_ID,
                });
              }
            }
          });
        }
      }
    }
  }
  return examples;
}

function exampleValues(media: {
  example?: unknown;
  examples?: Readonly<Record<string, { value?: unknown }>>;
}) {
  return [media.example, ...Object.values(media.examples ?? {}).map((example) => example.value)].filter(
    (value) => value !== undefined,
  );
}

function walk(value: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) for (const item of value) walk(item, visit);
  else if (typeof value === "object" && value !== null) {
    visit(value as Record<string, unknown>);
    for (const child of Object.values(value)) walk(child, visit);
  }
}

const stringOr = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
