import { parseArgs } from "node:util";
import { type NumberRange, OPTION_RANGES } from "@gong-flows/client";
import { UsageError } from "./usage-error.js";

/** Everything `gong-flows unassign` was asked to do, checked and with defaults filled in. */
export interface UnassignArgs {
  readonly ids: readonly string[];
  readonly files: readonly string[];
  /** `--column NAME`: the files are CSV with a header row; the ids are in this column. */
  readonly column: string | undefined;
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
  readonly quiet: boolean;
}

export type Command =
  | { kind: "help"; topic: "main" | "unassign" }
  | { kind: "version" }
  | ({ kind: "unassign" } & UnassignArgs);

/** The flags' defaults and ranges are the client's own (batch size: the spec's `maxItems`). */
export const FLAG_RANGES = {
  rps: OPTION_RANGES.requestsPerSecond,
  maxRetries: OPTION_RANGES.maxRetries,
  timeoutMs: OPTION_RANGES.timeoutMs,
  batchSize: OPTION_RANGES.batchSize,
  maxIsolationRequests: OPTION_RANGES.maxIsolationRequests,
} as const satisfies Record<string, NumberRange>;

const UNASSIGN_OPTIONS = {
  file: { type: "string", multiple: true },
  column: { type: "string" },
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
  quiet: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** Parses the command line; throws {@link UsageError} with what to fix. */
export function parseCommand(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first === "--help" || first === "-h" || first === "help") {
    return { kind: "help", topic: first === "help" && rest[0] === "unassign" ? "unassign" : "main" };
  }
  if (first === "--version" || first === "-v") return { kind: "version" };
  if (first !== "unassign") {
    throw new UsageError(
      `Unknown command ${JSON.stringify(first)}: the command is "unassign" (see gong-flows --help)`,
    );
  }
  return parseUnassign(rest);
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
  if (values.column !== undefined && values.column.trim() === "") {
    throw new UsageError("--column needs the name of a column of the CSV header row");
  }
  if (values.column !== undefined && files.length === 0) {
    throw new UsageError(
      "--column reads CSV files: give the file with --file PATH (or - for standard input)",
    );
  }
  return {
    kind: "unassign",
    ids: positionals,
    files,
    column: values.column,
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
