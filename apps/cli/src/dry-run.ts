import { OPTION_RANGES } from "@gong-flows/client";
import { type BatchPlan, planBatches } from "@gong-flows/client/node";
import type { UnassignArgs } from "./args.js";
import { count } from "./count.js";
import { credentialsFromEnv } from "./credentials.js";
import type { CliIo } from "./io.js";
import { type JournalBinding, journalKey } from "./journal/format.js";
import { readJournal } from "./journal/journal.js";
import { terminalSafeJson } from "./printable.js";
import { describeTarget, type Target } from "./target.js";

/** What a dry run learns from a journal: its settled ids when the credentials verify it, or that it could not. */
type DryRunJournal =
  | { readonly verified: true; readonly settled: ReadonlyMap<string, unknown> }
  | { readonly verified: false };

/** The `--json` fields of a dry run of flow instance ids. */
interface IdsPlanFields {
  readonly ids: number;
  readonly duplicates: number;
  readonly alreadySettled: number;
  /** The size of each request it would send. */
  readonly batches: number[];
}

/** The `--json` fields of a dry run of CRM ids (`--crm-ids`). */
interface CrmPlanFields {
  readonly crmProspectIds: number;
  readonly duplicates: number;
  readonly flows: readonly string[];
  readonly alreadySettled: number;
  readonly lookups: number;
}

/** What a dry run prints: the fields of its `--json` object and the clauses of its sentence. */
interface DryRunPlan {
  readonly fields: IdsPlanFields | CrmPlanFields;
  readonly clauses: readonly string[];
}

const CREDENTIAL_VARIABLES = ["GONG_ACCESS_KEY", "GONG_ACCESS_KEY_SECRET", "GONG_BEARER_TOKEN"];

/** `--dry-run`: the requests a job would send, after the checks a real run makes; nothing is sent. */
export function dryRun(
  plan: BatchPlan,
  args: UnassignArgs,
  target: Target,
  io: CliIo,
  binding: JournalBinding,
): number {
  const journal = args.journal ? dryRunJournal(args.journal, binding, io) : null;
  const { fields, clauses } =
    args.crmIds === undefined ? idsPlan(plan, args, journal) : crmPlan(plan, args, journal);
  if (args.json) {
    const verified = journal ? { journalVerified: journal.verified } : {};
    io.stdout.write(
      `${terminalSafeJson({ dryRun: true, baseUrl: target.baseUrl, ...fields, ...verified })}\n`,
    );
  } else {
    io.stdout.write(
      `Dry run: ${clauses.join("")}. Nothing was sent.\nIt would be sent to the ${describeTarget(target, io.env)}.\n`,
    );
  }
  return 0;
}

/**
 * A dry run needs no credentials. With them, the journal is verified as a real run would and its settled ids are
 * left out of the plan; without them its chain cannot be checked (anyone can write one), so it is only checked to
 * be a journal of this job and the plan treats nothing as settled.
 */
function dryRunJournal(path: string, binding: JournalBinding, io: CliIo): DryRunJournal {
  if (!CREDENTIAL_VARIABLES.some((name) => io.env[name])) {
    readJournal(path, binding, null);
    return { verified: false };
  }
  const key = journalKey(credentialsFromEnv(io.env));
  return { verified: true, settled: readJournal(path, binding, key).settled };
}

/** Flow instance ids: the unassign requests themselves, less what a verified journal already settled. */
function idsPlan(plan: BatchPlan, args: UnassignArgs, journal: DryRunJournal | null): DryRunPlan {
  const settled = settledIn(journal);
  const toSend = plan.ids.filter((id) => !settled.has(id));
  const batches = planBatches(toSend, args.batchSize).batches.map((batch) => batch.length);
  const seconds = Math.max(0, (batches.length - 1) / args.rps);
  return {
    fields: { ids: plan.ids.length, duplicates: plan.duplicates, alreadySettled: settled.size, batches },
    clauses: [
      ...uniqueClauses(plan, "unique id"),
      ...journalClauses(journal, `, ${settled.size} already settled in the journal`),
      `; ${count(batches.length, "request")} of at most ${args.batchSize} ids`,
      batches.length > 1 ? `; at ${args.rps} requests/s that takes at least ${seconds.toFixed(1)} s` : "",
    ],
  };
}

/** CRM ids (`--crm-ids`): the lookups it would send; what they find decides the unassign requests. */
function crmPlan(plan: BatchPlan, args: UnassignArgs, journal: DryRunJournal | null): DryRunPlan {
  const settled = settledIn(journal);
  const lookups = Math.ceil(plan.ids.length / OPTION_RANGES.lookupBatchSize.default);
  return {
    fields: {
      crmProspectIds: plan.ids.length,
      duplicates: plan.duplicates,
      flows: args.flows,
      alreadySettled: settled.size,
      lookups,
    },
    clauses: [
      ...uniqueClauses(plan, "unique CRM id"),
      args.flows.length > 0 ? `, flows ${args.flows.join(", ")}` : "",
      `; ${count(lookups, "lookup request")} would find their open flow instances, then unassign them`,
      ...journalClauses(journal, ` (${count(settled.size, "flow instance")} already settled in the journal)`),
    ],
  };
}

const settledIn = (journal: DryRunJournal | null): ReadonlyMap<string, unknown> =>
  journal?.verified ? journal.settled : new Map();

function uniqueClauses(plan: BatchPlan, noun: string): string[] {
  return [
    count(plan.ids.length, noun),
    plan.duplicates > 0 ? ` (${count(plan.duplicates, "duplicate")} dropped)` : "",
  ];
}

function journalClauses(journal: DryRunJournal | null, whenVerified: string): string[] {
  if (journal === null) return [];
  return [
    journal.verified
      ? whenVerified
      : ", the journal not verified (no credentials set), so nothing in it is counted as settled",
  ];
}
