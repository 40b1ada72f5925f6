import { type Flow, type FlowInstance, GongApiError, GongInputError } from "@gong-flows/client";
import { describeValue, emailProblem, SCHEMA_LIMITS } from "@gong-flows/client/node";
import type { FindArgs, FlowsArgs } from "./args.js";
import { count } from "./count.js";
import { collectCommandIds } from "./ids.js";
import { checkFlowIds } from "./input/id-kinds.js";
import type { CliIo } from "./io.js";
import { printable, terminalSafeJson } from "./printable.js";
import { describeTarget, resolveTarget } from "./target.js";
import { createClient } from "./unassign.js";
import { UsageError } from "./usage-error.js";

const OPEN_STATUSES: ReadonlySet<string> = new Set(["Pending", "Running", "Paused"]);

/** `gong-flows find`: flow instances by id, or the open ones of CRM prospects; a table, JSON, or bare ids. */
export async function find(args: FindArgs, io: CliIo): Promise<number> {
  const byCrm = args.crmIds !== undefined;
  const ids = await collectCommandIds(args, io.readStdin);
  checkFlowIds(args.flows);
  const target = resolveTarget(args.baseUrl, io.env);
  const client = createClient(args, target.baseUrl, io);
  io.stderr.write(`gong-flows: ${describeTarget(target, io.env)}\n`);
  let found: Awaited<ReturnType<typeof client.findFlowInstances>>;
  try {
    found = await client.findFlowInstances(byCrm ? { crmProspectIds: ids } : { flowInstanceIds: ids }, {
      ...(args.flows.length > 0 ? { flowIds: args.flows } : {}),
      ...(io.stopSignal ? { signal: io.stopSignal } : {}),
    });
  } catch (error) {
    if (error instanceof GongInputError) throw new UsageError(error.message);
    throw error;
  }
  const failed = found.errors.length > 0 || found.notLookedUp.length > 0;
  if (args.output === "json") {
    const output = {
      instances: found.instances,
      notFound: found.notFound,
      ...(failed ? { notLookedUp: found.notLookedUp, errors: found.errors } : {}),
    };
    io.stdout.write(`${terminalSafeJson(output)}\n`);
  } else if (args.output === "ids") {
    for (const instance of found.instances) {
      if (OPEN_STATUSES.has(instance.flowInstanceStatus))
        io.stdout.write(`${printable(instance.flowInstanceId)}\n`);
    }
  } else {
    io.stdout.write(instancesTable(found.instances, found.notFound, byCrm));
  }
  for (const error of found.errors) {
    io.stderr.write(`gong-flows: a lookup failed: ${printable(error.message)}\n`);
  }
  if (found.notLookedUp.length > 0) {
    io.stderr.write(
      `gong-flows: ${found.notLookedUp.length} ids were not looked up; re-run to look them up\n`,
    );
  }
  return failed ? 1 : 0;
}

/** A table for people: prospect, flow, flow instance id, status; then what was not found. */
function instancesTable(
  instances: readonly FlowInstance[],
  notFound: readonly string[],
  byCrm: boolean,
): string {
  const rows = instances.map((i) => [
    i.crmProspectId,
    i.flowName === undefined ? i.flowId : `${i.flowName} (${i.flowId})`,
    i.flowInstanceId,
    i.flowInstanceStatus,
  ]);
  const lines = table(["PROSPECT", "FLOW", "FLOW INSTANCE ID", "STATUS"], rows);
  lines.push("", `${count(instances.length, "flow instance")} found.`);
  if (notFound.length > 0) {
    lines.push(
      `${notFound.length} ${byCrm ? "CRM ids have no open flow instance" : "flow instance ids do not exist"}: ` +
        notFound.slice(0, 20).map(printable).join(", ") +
        (notFound.length > 20 ? `, … (${notFound.length - 20} more; --json lists all)` : ""),
    );
  }
  return `${lines.join("\n")}\n`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const safe = rows.map((row) => row.map(printable));
  const widths = header.map((title, column) =>
    Math.max(title.length, ...safe.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(header), ...safe.map(line)];
}

/** `gong-flows flows`: every flow a Gong user sees, all pages; a table or `{ "flows": [...] }`. */
export async function flows(args: FlowsArgs, io: CliIo): Promise<number> {
  const ownerProblem = emailProblem(args.owner);
  if (ownerProblem) throw new UsageError(`--owner ${ownerProblem}`);
  for (const [flag, value, limits] of [
    ["--workspace", args.workspace, SCHEMA_LIMITS.WorkspaceId],
    ["--folder", args.folder, SCHEMA_LIMITS.FolderId],
  ] as const) {
    if (value !== undefined && !new RegExp(limits.pattern, "u").test(value)) {
      throw new UsageError(`${flag} ${describeValue(value)} is not a Gong id: Gong's ids are decimal digits`);
    }
  }
  const target = resolveTarget(args.baseUrl, io.env);
  const client = createClient(args, target.baseUrl, io);
  io.stderr.write(`gong-flows: ${describeTarget(target, io.env)}\n`);
  const all: Flow[] = [];
  const listing = client.listFlows(
    {
      flowOwnerEmail: args.owner,
      ...(args.workspace === undefined ? {} : { workspaceId: args.workspace }),
      ...(args.folder === undefined ? {} : { folderId: args.folder }),
    },
    io.stopSignal ? { signal: io.stopSignal } : {},
  );
  try {
    for await (const flow of listing) all.push(flow);
  } catch (error) {
    if (!(error instanceof GongApiError)) throw error;
    io.stderr.write(`gong-flows: listing the flows failed: ${printable(error.message)}\n`);
    return 1;
  }
  if (args.json) {
    io.stdout.write(`${terminalSafeJson({ flows: all })}\n`);
  } else {
    const rows = all.map((flow) => [flow.id, flow.name, flow.folderName ?? "", flow.visibility ?? ""]);
    const lines = table(["FLOW ID", "NAME", "FOLDER", "VISIBILITY"], rows);
    lines.push("", `${count(all.length, "flow")}.`);
    io.stdout.write(`${lines.join("\n")}\n`);
  }
  return 0;
}
