import type { Answer } from "./answer.js";
import type { ProbeId } from "./checks.js";
import type { CheckResult, ContractReport } from "./run.js";

const LABEL = { pass: "PASS", fail: "FAIL", skip: "SKIP" } as const;
const MAX_SHOWN = 120;

/** The first lines of a run: what is checked, how, and with which id the body rules are probed. */
export function formatHeading(target: string | null, checkCount: number, probeId?: ProbeId): string {
  const what = target ?? "a Prism mock of the spec (self-test; pass --target URL to check an implementation)";
  const heading = `gong-flows-contract: ${checkCount} checks against ${what}, every answer validated by prism proxy --errors\n`;
  return probeId
    ? `${heading}body rules probed with flow instance id ${probeId.id}: ${probeId.source}\n`
    : heading;
}

/** One check's verdict: a status line, the answer seen, and each problem on its own line. */
export function formatResult(result: CheckResult): string {
  const lines = [`${LABEL[result.outcome]}  ${result.check.id.padEnd(20)} ${result.check.title}`];
  if (result.answer) lines.push(`      got ${describeAnswer(result.answer)}`);
  if (result.rateLimitRetries > 0) lines.push(`      waited out ${result.rateLimitRetries} × 429 first`);
  const bullet = result.outcome === "skip" ? "" : "- ";
  for (const problem of result.problems) lines.push(`      ${bullet}${problem}`);
  return `${lines.join("\n")}\n`;
}

/** The closing count; says plainly whether the target conforms. */
export function formatSummary(report: ContractReport): string {
  const count = (outcome: CheckResult["outcome"]) =>
    report.results.filter((r) => r.outcome === outcome).length;
  const failed = count("fail");
  const tally = `${report.results.length} checks: ${count("pass")} passed, ${failed} failed, ${count("skip")} skipped.`;
  const verdict = failed === 0 ? "Conforms to the spec." : `Does NOT conform to the spec (${failed} failed).`;
  return `${tally} ${verdict}\n${refusalHint(report.results)}`;
}

/**
 * When every check sent with the caller's own credentials got the same 401 or 403 from the target itself, a line
 * that says so (a wrong key makes every check fail alike, which reads as a broken target unless said), with the
 * target's own reason; otherwise nothing.
 */
function refusalHint(results: readonly CheckResult[]): string {
  const answers = results
    .filter((result) => result.check.credentials === "valid")
    .map((result) => result.answer);
  const [first] = answers;
  if (first == null || first.proxyProblems || (first.status !== 401 && first.status !== 403)) return "";
  const alike = answers.every(
    (answer) => answer != null && !answer.proxyProblems && answer.status === first.status,
  );
  if (!alike) return "";
  const reason = (first.json as { errors?: unknown } | undefined)?.errors;
  const said =
    Array.isArray(reason) && typeof reason[0] === "string" ? ` (${shorten(JSON.stringify(reason[0]))})` : "";
  return (
    `The target refused your credentials: every check that sends them got ${first.status}${said}. Check ` +
    "GONG_ACCESS_KEY and GONG_ACCESS_KEY_SECRET, or GONG_BEARER_TOKEN (an OAuth token needs the api:flows:write " +
    "scope), and that they are for this target; until they are accepted, the failures above say nothing of its " +
    "conformance.\n"
  );
}

function describeAnswer(answer: Answer): string {
  if (answer.proxyProblems) return `${answer.status} from Prism, not from the target`;
  const parts = [String(answer.status), answer.contentType ?? "no content-type"];
  const body = answer.json;
  if (typeof body === "object" && body !== null && !Array.isArray(body)) {
    const { requestId, errors, unassignedFlowInstanceIds } = body as Record<string, unknown>;
    if (requestId !== undefined) parts.push(`requestId=${JSON.stringify(requestId)}`);
    if (errors !== undefined) parts.push(`errors=${shorten(JSON.stringify(errors))}`);
    if (unassignedFlowInstanceIds !== undefined) {
      parts.push(`unassignedFlowInstanceIds=${shorten(JSON.stringify(unassignedFlowInstanceIds))}`);
    }
  } else {
    parts.push(`body ${shorten(JSON.stringify(answer.bodyText))}`);
  }
  return parts.join(" ");
}

const shorten = (text: string) => (text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text);
