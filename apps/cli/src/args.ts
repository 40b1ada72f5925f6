import { parseArgs } from "node:util";
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

export const DEFAULTS = {
  rps: 3,
  maxRetries: 3,
  timeoutMs: 30_000,
  batchSize: 200,
  maxIsolationRequests: 64,
} as const;

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
    rps: parseNumber("--rps", values.rps, DEFAULTS.rps, { min: 0, exclusiveMin: true, integer: false }),
    maxRetries: parseNumber("--max-retries", values["max-retries"], DEFAULTS.maxRetries, { min: 0, max: 10 }),
    timeoutMs: parseNumber("--timeout-ms", values["timeout-ms"], DEFAULTS.timeoutMs, {
      min: 100,
      max: 600_000,
    }),
    batchSize: parseNumber("--batch-size", values["batch-size"], DEFAULTS.batchSize, { min: 1, max: 200 }),
    maxIsolationRequests: parseNumber(
      "--max-isolation-requests",
      values["max-isolation-requests"],
      DEFAULTS.maxIsolationRequests,
      { min: 0, max: 10_000 },
    ),
    quiet: values.quiet ?? false,
  };
}

interface NumberRule {
  min: number;
  max?: number;
  exclusiveMin?: boolean;
  integer?: boolean;
}

function parseNumber(flag: string, text: string | undefined, fallback: number, rule: NumberRule): number {
  if (text === undefined) return fallback;
  const integer = rule.integer ?? true;
  const pattern = integer ? /^\d+$/ : /^(?:\d+(?:\.\d+)?|\.\d+)$/;
  const lowest = rule.exclusiveMin ? `greater than ${rule.min}` : `from ${rule.min}`;
  const range = rule.max === undefined ? lowest : `${lowest} to ${rule.max}`;
  const kind = integer ? "a whole number" : "a number";
  if (!pattern.test(text.trim()))
    throw new UsageError(`${flag} must be ${kind} ${range}, got ${JSON.stringify(text)}`);
  const value = Number(text);
  const tooLow = rule.exclusiveMin ? value <= rule.min : value < rule.min;
  if (tooLow || value > (rule.max ?? Number.POSITIVE_INFINITY))
    throw new UsageError(`${flag} must be ${kind} ${range}, got ${text}`);
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
