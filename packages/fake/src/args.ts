import { parseArgs } from "node:util";
import type { FakeCredentials } from "./auth.js";
import { FAULT_SCRIPTS, type FaultScriptName } from "./faults.js";
import { makeIds } from "./seed.js";
import type { FakeGongServerOptions } from "./server.js";

export const HELP = `Usage: gong-flows-fake [--port N] [--ids N] [--stuck N] [--finished N] [--any-id] [--flows N]
                       [--rps N] [--daily-quota N] [--latency MS] [--faults NAME]
                       [--require-credentials [--token-scopes LIST]] [--write-ids FILE] [--write-crm-ids FILE]

A stateful fake of Gong's flows API on 127.0.0.1, built from @gong-flows/spec: every operation of the spec,
every request checked against the spec as Prism checks it, every answer checked against the spec.

It serves N flow instance ids (234599484800000 upwards), grouped two by two into CRM prospects
(0031U0000000000000, 0031U0000000000001, ...); the first --stuck exist but are never unassigned, the last
--finished are finished (found by id, not by CRM id). Any other id fails its whole unassign request with 400,
as Gong does. The spec's own example ids always exist.

  --port N                port to listen on (default: a free one, printed)
  --ids N                 flow instance ids that exist (default 1000)
  --stuck N               of those, how many can never be removed (default 0)
  --finished N            of those, how many are already finished (default 0)
  --any-id                every well-formed id exists and is assigned until unassigned, and an unknown
                          CRM prospect id gets one open instance: ids made up by other tools just work
  --flows N               flows listed by GET /v2/flows after the spec's examples (default 25)
  --rps N                 the company's limit: 429 with Retry-After beyond it (default: no limit)
  --daily-quota N         requests served per UTC day, then 429 with Retry-After until midnight UTC
  --latency MS            delay before every answer (default 0)
  --faults NAME           ${Object.keys(FAULT_SCRIPTS).join(", ")} (default none)
  --require-credentials   accept only the credentials in GONG_ACCESS_KEY + GONG_ACCESS_KEY_SECRET and/or
                          GONG_BEARER_TOKEN (default: any well-formed Basic key:secret or bearer token)
  --token-scopes LIST     with --require-credentials, the scopes of GONG_BEARER_TOKEN, comma-separated
                          (default: every scope of the spec); e.g. api:flows:write alone gets 403 on lookups
  --write-ids FILE        write the flow instance ids, one per line, to FILE
  --write-crm-ids FILE    write the CRM prospect ids, one per line, to FILE
  -h, --help              this text
  --version               the package's version

Ctrl-C or SIGTERM stops it (exit code 0).
`;

/** A command-line mistake: the bin prints it with the usage and exits 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** What the command line asks for. */
export type FakeCommand =
  | { readonly kind: "help" }
  | { readonly kind: "version" }
  | {
      readonly kind: "serve";
      readonly options: FakeGongServerOptions;
      readonly ids: readonly string[];
      readonly crmProspectIds: readonly string[];
      readonly writeIds: string | undefined;
      readonly writeCrmIds: string | undefined;
      readonly describe: string;
    };

/** Parses the arguments (without node and script) and the environment; throws {@link UsageError}. */
export function parseFakeCommand(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): FakeCommand {
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0] ?? "bad arguments");
  }
  if (values.help) return { kind: "help" };
  if (values.version) return { kind: "version" };
  const count = wholeNumber("--ids", values.ids, 1000);
  const stuckCount = wholeNumber("--stuck", values.stuck, 0);
  const finishedCount = wholeNumber("--finished", values.finished, 0);
  if (stuckCount + finishedCount > count) {
    throw new UsageError(
      `--stuck ${stuckCount} and --finished ${finishedCount} add up to more than --ids ${count}`,
    );
  }
  const port = values.port === undefined ? 0 : wholeNumber("--port", values.port, 0);
  if (port > 65535) throw new UsageError(`--port must be at most 65535, got ${port}`);
  const rps = values.rps === undefined ? null : Number(values.rps);
  if (rps !== null && !(rps > 0))
    throw new UsageError(`--rps must be a number greater than 0, got ${JSON.stringify(values.rps)}`);
  const dailyQuota =
    values["daily-quota"] === undefined ? null : wholeNumber("--daily-quota", values["daily-quota"], 0);
  const faults = (values.faults ?? "none") as FaultScriptName;
  if (!(faults in FAULT_SCRIPTS))
    throw new UsageError(`--faults must be one of: ${Object.keys(FAULT_SCRIPTS).join(", ")}`);
  if (values["token-scopes"] !== undefined && !values["require-credentials"]) {
    throw new UsageError(
      "--token-scopes needs --require-credentials (without it every token has every scope)",
    );
  }
  const credentials = values["require-credentials"]
    ? credentialsFrom(env, values["token-scopes"])
    : undefined;

  const ids = makeIds(count);
  const stuck = ids.slice(0, stuckCount);
  const finished = ids.slice(count - finishedCount);
  const assigned = ids.slice(stuckCount, count - finishedCount);
  const prospects = Array.from({ length: Math.ceil(count / 2) }, (_, k) => ({
    crmProspectId: `0031U${String(k).padStart(13, "0")}`,
    flowInstanceIds: ids.slice(2 * k, 2 * k + 2),
  }));
  const range = count === 0 ? "no ids" : `${count} ids, ${ids[0]} to ${ids.at(-1)}`;
  const describe = [
    `${range} (${stuckCount} stuck, ${finishedCount} finished) in ${prospects.length} prospects`,
    values["any-id"] ? "any well-formed id exists" : null,
    rps === null ? "no rate limit" : `limit ${rps} req/s`,
    dailyQuota === null ? null : `daily quota ${dailyQuota}`,
    `faults ${faults}`,
    credentials ? "only the GONG_* credentials accepted" : "any credentials accepted",
  ]
    .filter(Boolean)
    .join(", ");
  return {
    kind: "serve",
    options: {
      port,
      assigned,
      stuck,
      finished,
      prospects,
      anyId: values["any-id"] ?? false,
      flows: wholeNumber("--flows", values.flows, 25),
      requestsPerSecond: rps,
      dailyQuota,
      latencyMs: wholeNumber("--latency", values.latency, 0),
      faults,
      ...(credentials ? { credentials } : {}),
    },
    ids,
    crmProspectIds: prospects.map((prospect) => prospect.crmProspectId),
    writeIds: values["write-ids"],
    writeCrmIds: values["write-crm-ids"],
    describe,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    options: {
      port: { type: "string" },
      ids: { type: "string" },
      stuck: { type: "string" },
      finished: { type: "string" },
      "any-id": { type: "boolean" },
      flows: { type: "string" },
      rps: { type: "string" },
      "daily-quota": { type: "string" },
      latency: { type: "string" },
      faults: { type: "string" },
      "require-credentials": { type: "boolean" },
      "token-scopes": { type: "string" },
      "write-ids": { type: "string" },
      "write-crm-ids": { type: "string" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean" },
    },
  });
}

function wholeNumber(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text))
    throw new UsageError(`${flag} must be a whole number, got ${JSON.stringify(text)}`);
  return Number(text);
}

/** The credentials of the `gong-flows` CLI's variables: a key pair, a bearer token, or both. */
function credentialsFrom(
  env: Readonly<Record<string, string | undefined>>,
  scopes: string | undefined,
): FakeCredentials[] {
  const { GONG_ACCESS_KEY: key, GONG_ACCESS_KEY_SECRET: secret, GONG_BEARER_TOKEN: token } = env;
  const credentials: FakeCredentials[] = [];
  if (key || secret) {
    if (!key || !secret)
      throw new UsageError("--require-credentials: set both GONG_ACCESS_KEY and GONG_ACCESS_KEY_SECRET");
    credentials.push({ accessKey: key, accessKeySecret: secret });
  }
  if (token) {
    const list = scopes
      ?.split(",")
      .map((scope) => scope.trim())
      .filter(Boolean);
    credentials.push(list ? { bearerToken: token, scopes: list } : { bearerToken: token });
  }
  if (credentials.length === 0) {
    throw new UsageError(
      "--require-credentials needs GONG_ACCESS_KEY and GONG_ACCESS_KEY_SECRET, or GONG_BEARER_TOKEN",
    );
  }
  return credentials;
}
