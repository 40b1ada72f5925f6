import { type ParseArgsConfig, parseArgs } from "node:util";
import { type NumberRange, OPTION_RANGES } from "@gong-flows/client";
import { UsageError } from "./usage-error.js";

/** Everything `gong-flows unassign` was asked to do, checked and with defaults filled in. */
export interface UnassignArgs {
  readonly ids: readonly string[];
  readonly files: readonly string[];
  /** `--column NAME`: the files are CSV with a header row; the ids are in this column. */
  readonly column: string | undefined;
  /** `--crm-ids PATH|-`: CRM prospect ids whose open flow instances are looked up and unassigned. */
  readonly crmIds: string | undefined;
  /** `--flow ID`: only instances of these flows (with --crm-ids). */
  readonly flows: readonly string[];
  readonly unassignedBy: string | undefined;
  readonly baseUrl: string | undefined;
  readonly json: boolean;
  readonly dryRun: boolean;
  readonly journal: string | undefined;
  readonly rps: number;
  readonly maxRetries: number;
  readonly timeoutMs: number;
  readonly batchSize: number;
  readonly maxIsolationRequests: number;
  /** Requests per UTC day (`--daily-limit N`), or `null` (`--no-daily-limit`). */
  readonly dailyLimit: number | null;
  /** `--redis URL`; `GONG_FLOWS_REDIS_URL` is read with the rest of the environment. */
  readonly redis: string | undefined;
  readonly quiet: boolean;
}

/** What `gong-flows find` was asked: flow instances by id, or the open ones of CRM prospects. */
export interface FindArgs {
  readonly ids: readonly string[];
  readonly files: readonly string[];
  readonly crmIds: string | undefined;
  readonly flows: readonly string[];
  readonly column: string | undefined;
  readonly output: "table" | "json" | "ids";
  readonly baseUrl: string | undefined;
  readonly rps: number;
  readonly maxRetries: number;
  readonly timeoutMs: number;
}

/** What `gong-flows flows` was asked. */
export interface FlowsArgs {
  readonly owner: string;
  readonly workspace: string | undefined;
  readonly folder: string | undefined;
  readonly json: boolean;
  readonly baseUrl: string | undefined;
  readonly rps: number;
  readonly maxRetries: number;
  readonly timeoutMs: number;
}

export type Command =
  | { kind: "help"; topic: "main" | "unassign" | "find" | "flows" }
  | { kind: "version" }
  | ({ kind: "unassign" } & UnassignArgs)
  | ({ kind: "find" } & FindArgs)
  | ({ kind: "flows" } & FlowsArgs);

/** The flags' defaults and ranges are the client's own (batch size: the spec's `maxItems`). */
export const FLAG_RANGES = {
  rps: OPTION_RANGES.requestsPerSecond,
  maxRetries: OPTION_RANGES.maxRetries,
  timeoutMs: OPTION_RANGES.timeoutMs,
  batchSize: OPTION_RANGES.batchSize,
  maxIsolationRequests: OPTION_RANGES.maxIsolationRequests,
  dailyLimit: OPTION_RANGES.dailyRequestLimit,
} as const satisfies Record<string, NumberRange>;

const UNASSIGN_OPTIONS = {
  file: { type: "string", multiple: true },
  column: { type: "string" },
  "crm-ids": { type: "string" },
  flow: { type: "string", multiple: true },
  "unassigned-by": { type: "string" },
  "base-url": { type: "string" },
  json: { type: "boolean" },
  "dry-run": { type: "boolean" },
  journal: { type: "string" },
  rps: { type: "string" },
  "max-retries": { type: "string" },
  "timeout-ms": { type: "string" },
  "batch-size": { type: "string" },
  "max-isolation-requests": { type: "string" },
  "daily-limit": { type: "string" },
  "no-daily-limit": { type: "boolean" },
  redis: { type: "string" },
  quiet: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

const CONNECTION_OPTIONS = {
  "base-url": { type: "string" },
  rps: { type: "string" },
  "max-retries": { type: "string" },
  "timeout-ms": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

const FIND_OPTIONS = {
  ...CONNECTION_OPTIONS,
  file: { type: "string", multiple: true },
  "crm-ids": { type: "string" },
  flow: { type: "string", multiple: true },
  column: { type: "string" },
  json: { type: "boolean" },
  "ids-only": { type: "boolean" },
} as const;

const FLOWS_OPTIONS = {
  ...CONNECTION_OPTIONS,
  owner: { type: "string" },
  workspace: { type: "string" },
  folder: { type: "string" },
  json: { type: "boolean" },
} as const;

const COMMANDS = ["unassign", "find", "flows"] as const;

/** Parses the command line; throws {@link UsageError} with what to fix. */
export function parseCommand(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first === "--help" || first === "-h" || first === "help") {
    const topic = COMMANDS.find((command) => command === rest[0]);
    return { kind: "help", topic: first === "help" && topic ? topic : "main" };
  }
  if (first === "--version" || first === "-v") return { kind: "version" };
  if (first === "find") return parseFind(rest);
  if (first === "flows") return parseFlows(rest);
  if (first !== "unassign") {
    throw new UsageError(
      `Unknown command ${JSON.stringify(first)}: the commands are unassign, find and flows (see gong-flows --help)`,
    );
  }
  return parseUnassign(rest);
}

function parseWith<T extends ParseArgsConfig>(config: T, command: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(
      `${explainParseError(error as NodeJS.ErrnoException)} See gong-flows ${command} --help`,
    );
  }
}

function connection(values: Record<string, unknown>) {
  return {
    baseUrl: values["base-url"] as string | undefined,
    rps: parseNumber("--rps", values.rps as string | undefined, FLAG_RANGES.rps),
    maxRetries: parseNumber(
      "--max-retries",
      values["max-retries"] as string | undefined,
      FLAG_RANGES.maxRetries,
    ),
    timeoutMs: parseNumber("--timeout-ms", values["timeout-ms"] as string | undefined, FLAG_RANGES.timeoutMs),
  };
}

function checkColumn(column: string | undefined, hasFile: boolean): void {
  if (column !== undefined && column.trim() === "") {
    throw new UsageError("--column needs the name of a column of the CSV header row");
  }
  if (column !== undefined && !hasFile) {
    throw new UsageError(
      "--column reads CSV files: give the file with --file PATH or --crm-ids PATH (- for standard input)",
    );
  }
}

function parseFind(argv: readonly string[]): Command {
  const { values, positionals } = parseWith(
    { args: [...argv], options: FIND_OPTIONS, allowPositionals: true, strict: true },
    "find",
  );
  if (values.help) return { kind: "help", topic: "find" };
  const files = values.file ?? [];
  const crmIds = values["crm-ids"];
  if (crmIds !== undefined && (files.length > 0 || positionals.length > 0)) {
    throw new UsageError("find takes flow instance ids (ID... or --file) or --crm-ids, not both");
  }
  if (values.json && values["ids-only"])
    throw new UsageError("--json and --ids-only are two outputs: choose one");
  if (files.filter((file) => file === "-").length > 1) {
    throw new UsageError("--file - (standard input) can be given only once");
  }
  checkColumn(values.column, files.length > 0 || crmIds !== undefined);
  return {
    kind: "find",
    ids: positionals,
    files,
    crmIds,
    flows: values.flow ?? [],
    column: values.column,
    output: values.json ? "json" : values["ids-only"] ? "ids" : "table",
    ...connection(values),
  };
}

function parseFlows(argv: readonly string[]): Command {
  const { values, positionals } = parseWith(
    { args: [...argv], options: FLOWS_OPTIONS, allowPositionals: true, strict: true },
    "flows",
  );
  if (values.help) return { kind: "help", topic: "flows" };
  if (positionals.length > 0)
    throw new UsageError(`flows takes no arguments, got ${JSON.stringify(positionals[0])}`);
  if (values.owner === undefined) {
    throw new UsageError(
      "flows needs --owner EMAIL: the Gong user whose flows (with the company's) are listed",
    );
  }
  return {
    kind: "flows",
    owner: values.owner,
    workspace: values.workspace,
    folder: values.folder,
    json: values.json ?? false,
    ...connection(values),
  };
}

function parseUnassign(argv: readonly string[]): Command {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof UNASSIGN_OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: UNASSIGN_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(
      `${explainParseError(error as NodeJS.ErrnoException)} See gong-flows unassign --help`,
    );
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help", topic: "unassign" };
  const files = values.file ?? [];
  if (files.filter((file) => file === "-").length > 1) {
    throw new UsageError("--file - (standard input) can be given only once");
  }
  if (values["no-daily-limit"] && values["daily-limit"] !== undefined) {
    throw new UsageError("--daily-limit and --no-daily-limit contradict each other: give one");
  }
  const crmIds = values["crm-ids"];
  if (crmIds !== undefined && (files.length > 0 || positionals.length > 0)) {
    throw new UsageError("unassign takes flow instance ids (ID... or --file) or --crm-ids, not both");
  }
  if (values.flow !== undefined && crmIds === undefined) {
    throw new UsageError(
      "--flow chooses among the flow instances of --crm-ids; flow instance ids need no --flow",
    );
  }
  checkColumn(values.column, files.length > 0 || crmIds !== undefined);
  return {
    kind: "unassign",
    ids: positionals,
    files,
    column: values.column,
    crmIds,
    flows: values.flow ?? [],
    unassignedBy: values["unassigned-by"],
    baseUrl: values["base-url"],
    json: values.json ?? false,
    dryRun: values["dry-run"] ?? false,
    journal: values.journal,
    rps: parseNumber("--rps", values.rps, FLAG_RANGES.rps),
    maxRetries: parseNumber("--max-retries", values["max-retries"], FLAG_RANGES.maxRetries),
    timeoutMs: parseNumber("--timeout-ms", values["timeout-ms"], FLAG_RANGES.timeoutMs),
    batchSize: parseNumber("--batch-size", values["batch-size"], FLAG_RANGES.batchSize),
    maxIsolationRequests: parseNumber(
      "--max-isolation-requests",
      values["max-isolation-requests"],
      FLAG_RANGES.maxIsolationRequests,
    ),
    dailyLimit: values["no-daily-limit"]
      ? null
      : parseNumber("--daily-limit", values["daily-limit"], FLAG_RANGES.dailyLimit),
    redis: values.redis,
    quiet: values.quiet ?? false,
  };
}

function parseNumber(flag: string, text: string | undefined, range: NumberRange): number {
  if (text === undefined) return range.default;
  const pattern = range.integer ? /^\d+$/ : /^(?:\d+(?:\.\d+)?|\.\d+)$/;
  const lowest = range.exclusiveMin ? `greater than ${range.min}` : `from ${range.min}`;
  const bounded = range.max !== Number.POSITIVE_INFINITY;
  const expected = `${range.integer ? "a whole number" : "a number"} ${bounded ? `${lowest} to ${range.max}` : lowest}`;
  if (!pattern.test(text.trim()))
    throw new UsageError(`${flag} must be ${expected}, got ${JSON.stringify(text)}`);
  const value = Number(text);
  const tooLow = range.exclusiveMin ? value <= range.min : value < range.min;
  if (tooLow || value > range.max) throw new UsageError(`${flag} must be ${expected}, got ${text}`);
  return value;
}

/** node's parseArgs messages, said as what to fix. */
function explainParseError(error: NodeJS.ErrnoException): string {
  const option = /'(-{1,2}[^'\s]+)/.exec(error.message)?.[1] ?? "";
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `Unknown option '${option}'.`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return /ambiguous/.test(error.message)
        ? `${option} needs a value, but the next argument is another option (write ${option}=VALUE if the value starts with -).`
        : /argument missing/.test(error.message)
          ? `${option} needs a value.`
          : `${option} takes no value.`;
    default:
      return `${error.message.split(/\.\s/)[0]}.`;
  }
}
