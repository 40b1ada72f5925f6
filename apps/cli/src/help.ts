import { FLAG_RANGES } from "./args.js";

const span = (range: { min: number; max: number }) => `${range.min}-${range.max}`;

export const MAIN_HELP = `gong-flows: remove prospects from Gong Engage flows by flow instance id.

Usage:
  gong-flows unassign [ID...] [--file PATH|-]... [options]
  gong-flows unassign --help
  gong-flows --help | --version

Credentials come from the environment only:
  GONG_ACCESS_KEY + GONG_ACCESS_KEY_SECRET   (an access key pair, Basic auth)
  GONG_BEARER_TOKEN                          (an OAuth token with scope api:flows:write)
  GONG_BASE_URL                              your company's API base URL (default https://api.gong.io)

Exit codes: 0 every id unassigned; 1 some id not unassigned (or the run was stopped); 2 usage or input error,
nothing sent.
`;

export const UNASSIGN_HELP = `Usage: gong-flows unassign [ID...] [--file PATH|-]... [options]

Removes prospects from the given flow instances, in batches, paced to Gong's rate limit, and reports every id
in exactly one list: unassigned, notUnassigned, rejected, unknown or skipped.

Ids:
  ID...                   flow instance ids, one per argument
  --file PATH|-           read ids from a file, or - for standard input (repeatable; stdin once); ids are
                          separated by newlines, commas or whitespace; lines starting with # are comments

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
  --quiet                 no progress line on stderr                                 (default: off)
  -h, --help              show this help

Credentials: GONG_ACCESS_KEY + GONG_ACCESS_KEY_SECRET, or GONG_BEARER_TOKEN (never flags).
Exit codes: 0 every id unassigned; 1 some id not unassigned, or stopped; 2 usage or input error.
`;
