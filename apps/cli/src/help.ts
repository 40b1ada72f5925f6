import { FLAG_RANGES } from "./args.js";

const span = (range: { min: number; max: number }) => `${range.min}-${range.max}`;

export const MAIN_HELP = `gong-flows: find the flow instances of CRM prospects and remove prospects from Gong Engage
flows.

Usage:
  gong-flows find (ID... | --file PATH|- | --crm-ids PATH|-) [--flow FLOW_ID]... [--column NAME] [--json | --ids-only]
  gong-flows flows --owner EMAIL [--workspace ID] [--folder ID] [--json]
  gong-flows unassign [ID...] [--file PATH|-]... [options]
  gong-flows unassign --crm-ids PATH|- [--flow FLOW_ID]... [--column NAME] [options]
  gong-flows COMMAND --help
  gong-flows --help | --version

From a CRM export to a finished job:
  gong-flows find --crm-ids contacts.csv --column "Contact ID"        (what would be unassigned)
  gong-flows unassign --crm-ids contacts.csv --column "Contact ID" --journal job.journal --dry-run
  gong-flows unassign --crm-ids contacts.csv --column "Contact ID" --journal job.journal

Credentials come from the environment only:
  GONG_ACCESS_KEY + GONG_ACCESS_KEY_SECRET   (an access key pair, Basic auth)
  GONG_BEARER_TOKEN                          (an OAuth token: api:flows:read to look up, api:flows:write to unassign)
  GONG_BASE_URL                              your company's API base URL (default https://api.gong.io)
  GONG_FLOWS_REDIS_URL                       a Redis that holds one rate and daily limit for many processes

Exit codes: 0 done (every id unassigned); 1 some id not unassigned, a lookup failed, or the run was stopped;
2 usage or input error, nothing sent.
`;

export const FIND_HELP = `Usage: gong-flows find (ID... | --file PATH|- | --crm-ids PATH|-) [--flow FLOW_ID]... [--column NAME]
                       [--json | --ids-only] [--base-url URL] [--rps N] [--max-retries N] [--timeout-ms N]

Looks flow instances up: by flow instance id (any status), or the open ones (Pending, Running, Paused) of CRM
prospect ids (Salesforce, HubSpot, Dynamics ids).

  ID... | --file PATH|-   flow instance ids (a file: separated by newlines, commas or whitespace)
  --crm-ids PATH|-        a file of CRM prospect ids, one per line (or a CSV export with --column)
  --flow FLOW_ID          only instances of this flow (repeatable; \`gong-flows flows\` lists the ids)
  --column NAME           the file is CSV with a header row: take the ids from this column
  --json                  print { "instances": [...], "notFound": [...] }
  --ids-only              print the open flow instance ids, one a line (feeds \`gong-flows unassign --file -\`)
Without --json or --ids-only: a table (prospect, flow, flow instance id, status).
`;

export const FLOWS_HELP = `Usage: gong-flows flows --owner EMAIL [--workspace ID] [--folder ID] [--json] [--base-url URL]

Lists every flow the Gong user EMAIL sees (the company's, and their personal and shared flows), all pages.
  --json                  print { "flows": [...] }; without it, a table (flow id, name, folder, visibility)
`;

export const UNASSIGN_HELP = `Usage: gong-flows unassign [ID...] [--file PATH|-]... [options]

Removes prospects from the given flow instances, in batches, paced to Gong's rate limit, and reports every id
in exactly one list: unassigned, notUnassigned, rejected, unknown or skipped.

Ids:
  ID...                   flow instance ids, one per argument
  --file PATH|-           read ids from a file, or - for standard input (repeatable; stdin once); ids are
                          separated by newlines, commas or whitespace; lines starting with # are comments
  --crm-ids PATH|-        instead: CRM prospect ids; their open flow instances are looked up, then unassigned
  --flow FLOW_ID          with --crm-ids: only instances of this flow (repeatable)
  --column NAME           the file is CSV with a header row: take the ids from this column

Options:
  --unassigned-by EMAIL   the Gong user doing the removal (not the prospect)       (default: none)
  --base-url URL          your company's API base URL       (default: $GONG_BASE_URL, else https://api.gong.io)
  --json                  print the report as one JSON object on stdout, nothing else (default: off)
  --dry-run               validate and print the batch plan; send nothing, need no credentials (default: off)
  --journal PATH          make the run resumable: record every request, skip settled ids on re-run (default: none)
  --rps N                 request starts per second, > 0, fractions allowed          (default: ${FLAG_RANGES.rps.default})
  --max-retries N         retries per request, ${span(FLAG_RANGES.maxRetries)}                                  (default: ${FLAG_RANGES.maxRetries.default})
  --timeout-ms N          timeout of each attempt, ${span(FLAG_RANGES.timeoutMs)}                        (default: ${FLAG_RANGES.timeoutMs.default})
  --batch-size N          ids per request, ${span(FLAG_RANGES.batchSize)}                                     (default: ${FLAG_RANGES.batchSize.default})
  --max-isolation-requests N
                          extra requests a run may spend finding the ids Gong refuses (one id
                          that does not exist fails its whole batch; ~12-16 to find it), ${span(FLAG_RANGES.maxIsolationRequests)}
                                                                                     (default: ${FLAG_RANGES.maxIsolationRequests.default})
  --daily-limit N         requests per UTC day; when spent the run stops and says when to resume
                                                                                     (default: ${FLAG_RANGES.dailyLimit.default})
  --no-daily-limit        no daily limit (Gong's own quota still answers 429)
  --redis URL             share --rps and --daily-limit with every process using this Redis (redis:// or
                          rediss://; one limit per base URL)             (default: $GONG_FLOWS_REDIS_URL, else none)
  --quiet                 no progress line on stderr                                 (default: off)
  -h, --help              show this help

Credentials: GONG_ACCESS_KEY + GONG_ACCESS_KEY_SECRET, or GONG_BEARER_TOKEN (never flags).
Exit codes: 0 every id unassigned; 1 some id not unassigned, or stopped; 2 usage or input error.
`;

/** The help text of each topic. */
export const HELP = { main: MAIN_HELP, unassign: UNASSIGN_HELP, find: FIND_HELP, flows: FLOWS_HELP } as const;
