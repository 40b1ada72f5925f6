import { parseArgs } from "node:util";
import { MAX_IDS_PER_REQUEST, OPTION_RANGES } from "@gong-flows/client";
import { UsageError } from "./usage-error.js";

/** What the command line asks for. */
export type Command =
  | { readonly kind: "help" }
  | { readonly kind: "version" }
  | {
      readonly kind: "run";
      readonly target: string | undefined;
      readonly writeIds: readonly string[];
      readonly requestsPerSecond: number | undefined;
      readonly timeoutMs: number | undefined;
    };

export const HELP = `Usage: gong-flows-contract [--target URL] [--allow-writes ID...] [--rps N] [--timeout-ms N]

Checks an implementation of POST /v2/flows/prospects/unassign-flows-by-instance-id against the spec:
every probe goes through \`prism proxy --errors\`, so each answer is validated against the spec (status,
headers such as Retry-After on 429, body schema, content type) as well as against the check itself.

  --target URL        the implementation to check (Gong, a fake, a proxy); without it the suite runs
                      against a Prism mock of the spec, as a self-test of the kit
  --allow-writes ID...
                      also really unassign these flow instance ids (at most ${MAX_IDS_PER_REQUEST}) and check the answer;
                      the first one also carries the body-rule probes (bad email, unknown property,
                      duplicate id), which need an id that exists. Without it every probe uses ids that
                      cannot exist, or the spec's example id when the target's lookup finds it
  --rps N             probe starts per second (default 1 with --target: the rate limit is the company's)
  --timeout-ms N      how long to wait for each answer (default ${OPTION_RANGES.timeoutMs.default})
  -h, --help          this text
  --version           the kit's version

Credentials for --target come from the environment, as for the gong-flows CLI: GONG_ACCESS_KEY and
GONG_ACCESS_KEY_SECRET, or GONG_BEARER_TOKEN. They are never printed.
Plain http:// is allowed only to localhost, 127.0.0.0/8 and ::1.

Exit codes: 0 every check passed (skipped ones aside), 1 some check failed, 2 usage error.
`;

/** Parses the arguments (without node and script); throws {@link UsageError} for anything malformed. */
export function parseCommand(argv: readonly string[]): Command {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const option = /'(-{1,2}[^'\s]+)/.exec(message)?.[1];
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      throw new UsageError(`Unknown option '${option}'`);
    }
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      throw new UsageError(`${option} needs a value`);
    }
    throw new UsageError(message.split(/\.\s/)[0] ?? message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  if (values.version) return { kind: "version" };
  if (positionals.length > 0 && !values["allow-writes"]) {
    throw new UsageError(
      `unexpected argument ${JSON.stringify(positionals[0])}: ids to unassign need --allow-writes`,
    );
  }
  if (values["allow-writes"] && positionals.length === 0) {
    throw new UsageError(
      "--allow-writes needs the flow instance ids to unassign, e.g. --allow-writes 1234 5678",
    );
  }
  return {
    kind: "run",
    target: values.target,
    writeIds: positionals,
    requestsPerSecond: number(values.rps, "--rps", 0.01, 100),
    timeoutMs: number(
      values["timeout-ms"],
      "--timeout-ms",
      OPTION_RANGES.timeoutMs.min,
      OPTION_RANGES.timeoutMs.max,
    ),
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      target: { type: "string" },
      "allow-writes": { type: "boolean" },
      rps: { type: "string" },
      "timeout-ms": { type: "string" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean" },
    },
  });
}

function number(text: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < min || value > max) {
    throw new UsageError(`${flag} must be a number from ${min} to ${max}, got ${JSON.stringify(text)}`);
  }
  return value;
}
