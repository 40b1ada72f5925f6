/** A flow instance's state, as Gong names it. Pending, Running and Paused are open: the prospect is in the flow. */
export type InstanceStatus =
  | "Pending"
  | "Running"
  | "Paused"
  | "FinishedNoReply"
  | "FinishedResponse"
  | "Finished";

const OPEN: ReadonlySet<InstanceStatus> = new Set(["Pending", "Running", "Paused"]);

/** Whether an instance with this status still holds its prospect in the flow. */
export const isOpen = (status: InstanceStatus): boolean => OPEN.has(status);

/** A flow, as `GET /v2/flows` lists it. */
export interface FakeFlow {
  readonly id: string;
  readonly name: string;
  readonly folderId: string;
  readonly folderName: string;
  readonly visibility: "Company" | "Personal" | "Shared";
  readonly creationDate: string;
  readonly exclusive: boolean;
  readonly workspaceId: string;
}

/** Everything the fake knows about one flow instance. */
export interface InstanceView {
  readonly flowInstanceId: string;
  readonly crmProspectId: string;
  readonly flow: FakeFlow;
  readonly status: InstanceStatus;
  readonly createDate: string;
  readonly ownerEmail: string;
  readonly ownerFullName: string;
}

/** How an instance was seeded beyond its status (spec examples carry all of it). */
export interface InstanceDetails {
  readonly crmProspectId?: string;
  readonly flowId?: string;
  readonly createDate?: string;
  readonly ownerEmail?: string;
  readonly ownerFullName?: string;
}

/** The outcome of an unassign request against the state. */
export type UnassignResult =
  | { readonly kind: "unassigned"; readonly removed: readonly string[] }
  | { readonly kind: "unknown-ids"; readonly unknown: readonly string[] };

export const DEFAULT_OWNER = { email: "fake.owner@example.com", fullName: "Fake Owner" } as const;
const DEFAULT_CREATE_DATE = "2025-01-06T09:00:00Z";

/**
 * The one state model behind every operation: flow instances (by id, with status), the CRM prospects they belong
 * to, and the flows. Kept lean (one map entry per instance; details only where seeded) so a million ids fit.
 */
export class FakeState {
  readonly #status = new Map<string, InstanceStatus>();
  readonly #details = new Map<string, InstanceDetails>();
  readonly #byProspect = new Map<string, string[]>();
  readonly #stuck = new Set<string>();
  readonly #flows: FakeFlow[];
  readonly #flowById = new Map<string, FakeFlow>();
  /** Ids seeded as assigned (or first seen with `anyId`) that are still assigned. */
  readonly assigned = new Set<string>();
  readonly unassignCounts = new Map<string, number>();

  constructor(
    flows: readonly FakeFlow[],
    private readonly anyId: boolean,
    /** How many flows one page of `GET /v2/flows` holds. */
    readonly flowsPerPage: number,
  ) {
    if (!(Number.isInteger(flowsPerPage) && flowsPerPage > 0)) {
      throw new RangeError(`flowsPerPage must be a whole number above 0, got ${flowsPerPage}`);
    }
    if (flows.length === 0) throw new RangeError("the fake needs at least one flow");
    this.#flows = [...flows];
    for (const flow of flows) this.#flowById.set(flow.id, flow);
  }

  get flows(): readonly FakeFlow[] {
    return this.#flows;
  }

  /** Adds (or overwrites) an instance. `tracked` puts an open one in {@link assigned}. */
  seed(
    id: string,
    status: InstanceStatus,
    options: { stuck?: boolean; tracked?: boolean; details?: InstanceDetails } = {},
  ) {
    this.#status.set(id, status);
    if (options.stuck) this.#stuck.add(id);
    if (options.tracked && isOpen(status) && !options.stuck) this.assigned.add(id);
    const details = options.details;
    if (details) {
      this.#details.set(id, details);
      if (details.crmProspectId) this.#index(details.crmProspectId, id);
    }
  }

  /** Whether the instance was seeded (or first seen with `anyId`), without creating it. */
  has(id: string): boolean {
    return this.#status.has(id);
  }

  /** The status of an instance, or `undefined` when it does not exist. */
  statusOf(id: string): InstanceStatus | undefined {
    this.#materialize(id);
    return this.#status.get(id);
  }

  /** Removes every listed instance that can be removed; any id that does not exist fails the whole request. */
  unassign(ids: readonly string[]): UnassignResult {
    const unknown = ids.filter((id) => this.statusOf(id) === undefined);
    if (unknown.length > 0) return { kind: "unknown-ids", unknown };
    const removed: string[] = [];
    for (const id of ids) {
      const status = this.#status.get(id) as InstanceStatus;
      if (!isOpen(status) || this.#stuck.has(id)) continue;
      this.#status.set(id, "Finished");
      this.assigned.delete(id);
      this.unassignCounts.set(id, (this.unassignCounts.get(id) ?? 0) + 1);
      removed.push(id);
    }
    return { kind: "unassigned", removed };
  }

  /** The listed instances that exist, whatever their status, in request order. */
  instances(ids: readonly string[]): InstanceView[] {
    return ids.flatMap((id) => (this.statusOf(id) === undefined ? [] : [this.#view(id)]));
  }

  /** The open instances of these CRM prospects, prospect by prospect. */
  openInstancesOf(crmProspectIds: readonly string[]): InstanceView[] {
    return crmProspectIds.flatMap((crmId) => {
      if (this.anyId && this.#instanceIdsOf(crmId).length === 0) {
        const id = instanceIdFor(crmId);
        this.seed(id, "Running", { tracked: true, details: { crmProspectId: crmId } });
      }
      return this.#instanceIdsOf(crmId)
        .filter((id) => isOpen(this.#status.get(id) as InstanceStatus))
        .map((id) => this.#view(id));
    });
  }

  #instanceIdsOf(crmId: string): readonly string[] {
    const indexed = this.#byProspect.get(crmId);
    if (indexed) return indexed;
    // An instance seeded without a prospect is its own prospect's only instance.
    const id = crmId.startsWith("crm-") ? crmId.slice(4) : null;
    return id !== null && this.#status.has(id) && !this.#details.get(id)?.crmProspectId ? [id] : [];
  }

  #materialize(id: string) {
    if (this.anyId && !this.#status.has(id)) this.seed(id, "Running", { tracked: true });
  }

  #index(crmId: string, id: string) {
    const ids = this.#byProspect.get(crmId);
    if (ids) {
      if (!ids.includes(id)) ids.push(id);
    } else this.#byProspect.set(crmId, [id]);
  }

  #view(id: string): InstanceView {
    const details = this.#details.get(id) ?? {};
    const flow =
      (details.flowId ? this.#flowById.get(details.flowId) : undefined) ??
      (this.#flows[hash(id) % this.#flows.length] as FakeFlow);
    return {
      flowInstanceId: id,
      crmProspectId: details.crmProspectId ?? defaultProspectOf(id),
      flow,
      status: this.#status.get(id) as InstanceStatus,
      createDate: details.createDate ?? DEFAULT_CREATE_DATE,
      ownerEmail: details.ownerEmail ?? DEFAULT_OWNER.email,
      ownerFullName: details.ownerFullName ?? DEFAULT_OWNER.fullName,
    };
  }
}

/** The CRM id of an instance seeded without one: its own prospect. */
export const defaultProspectOf = (flowInstanceId: string): string => `crm-${flowInstanceId}`;

/** A stable 31-bit hash (FNV-1a), to spread instances over flows and derive ids without randomness. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) value = Math.imul(value ^ text.charCodeAt(i), 0x01000193);
  return (value >>> 0) & 0x7fffffff;
}

/** The flow instance id an `anyId` fake gives a CRM prospect it first hears of: digits, like Gong's. */
function instanceIdFor(crmProspectId: string): string {
  return `9${String(hash(crmProspectId)).padStart(10, "0")}${String(hash(`${crmProspectId}#`) % 10_000).padStart(4, "0")}`;
}
