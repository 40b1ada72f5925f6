/** Shared fixtures of the fake's tests. */
export const UNASSIGN = "/v2/flows/prospects/unassign-flows-by-instance-id";
export const PROSPECTS = "/v2/flows/prospects";
export const FLOWS = "/v2/flows";
export const BASIC = `Basic ${btoa("fake-test-key:fake-test-secret")}`;

/** A JSON POST with Basic credentials, as a client would send it. */
export function post(base: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: BASIC, ...headers },
    body: JSON.stringify(body),
  });
}

/** A GET with Basic credentials. */
export function get(base: string, path: string, headers: Record<string, string> = {}) {
  return fetch(`${base}${path}`, { headers: { authorization: BASIC, ...headers } });
}
