import type { Redactor } from "@gong-flows/client/node";

/** What came back for one probe, as seen through the validating proxy. */
export interface Answer {
  readonly status: number;
  readonly contentType: string | null;
  readonly retryAfter: string | null;
  readonly bodyText: string;
  /** The parsed body, or `undefined` when it is not JSON. */
  readonly json: unknown;
  /**
   * Set when Prism answered instead of the target: the spec violations it found in the target's answer, or why
   * it could not get one. `null` when the answer is the target's own.
   */
  readonly proxyProblems: readonly string[] | null;
}

const PRISM_ERROR_TYPE = "https://stoplight.io/prism/errors#";

/**
 * Reads a response from the proxy and tells the target's own answers from Prism's verdicts. Secrets are taken
 * out of the body before anything else sees it, so no report, however it is printed or cut, can hold one.
 */
export async function readAnswer(response: Response, redact: Redactor = (text) => text): Promise<Answer> {
  const bodyText = redact(await response.text());
  const contentType = response.headers.get("content-type");
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    json = undefined;
  }
  return {
    status: response.status,
    contentType,
    retryAfter: response.headers.get("retry-after"),
    bodyText,
    json,
    proxyProblems: prismProblems(contentType, json),
  };
}

interface PrismProblem {
  type?: unknown;
  title?: unknown;
  detail?: unknown;
  validation?: unknown;
}

interface Violation {
  location?: unknown;
  message?: unknown;
}

function prismProblems(contentType: string | null, json: unknown): string[] | null {
  if (!contentType?.startsWith("application/problem+json") || typeof json !== "object" || json === null) {
    return null;
  }
  const { type, title, detail, validation } = json as PrismProblem;
  if (typeof type !== "string" || typeof title !== "string") return null;
  if (type.startsWith(PRISM_ERROR_TYPE)) {
    if (Array.isArray(validation) && validation.length > 0) {
      return validation.map((violation: Violation) => {
        const where = Array.isArray(violation.location) ? violation.location.join(".") : "response";
        return `the target's answer breaks the spec at ${where}: ${String(violation.message)}`;
      });
    }
    return [`Prism refused the exchange: ${title}`];
  }
  // Errors Prism meets while forwarding (connection refused, a body that is not JSON) carry the error's name as type.
  if (/^[A-Z]\w*Error$/.test(type) && typeof detail === "string") {
    return [`Prism could not get a readable answer from the target: ${title}`];
  }
  return null;
}
