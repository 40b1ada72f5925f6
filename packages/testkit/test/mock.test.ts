import { readFileSync } from "node:fs";
import { answerViolations } from "@gong-flows/fake";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type RunningServer, specPath, startPrism } from "../src/index.js";

const UNASSIGN_PATH = "/v2/flows/prospects/unassign-flows-by-instance-id";

interface Media {
  examples: Record<string, { value: unknown }>;
}
interface DocumentedResponse {
  $ref?: string;
  headers?: Record<string, unknown>;
  content: { "application/json": Media };
}
interface Parameter {
  name: string;
  in: string;
  examples?: Record<string, { value: unknown }>;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: { "application/json": Media } };
  responses: Record<string, DocumentedResponse>;
}
interface Spec {
  paths: Record<string, Record<"get" | "post", Operation>>;
  components: { responses: Record<string, DocumentedResponse> };
}

const spec = parse(readFileSync(specPath, "utf8")) as Spec;
const resolve = (response: DocumentedResponse): DocumentedResponse =>
  response.$ref
    ? (spec.components.responses[response.$ref.split("/").at(-1) ?? ""] as DocumentedResponse)
    : response;

/** One valid request of an operation, taken from a named example: a JSON body, or query parameters. */
interface RequestExample {
  readonly name: string;
  readonly body?: unknown;
  readonly query?: URLSearchParams;
}

function requestExamplesOf(operation: Operation): RequestExample[] {
  const bodies = Object.entries(operation.requestBody?.content["application/json"].examples ?? {});
  if (bodies.length > 0) return bodies.map(([name, example]) => ({ name, body: example.value }));
  // Query examples are named per parameter: one request per name, from every parameter that has it.
  const names = new Set(
    (operation.parameters ?? []).flatMap((parameter) => Object.keys(parameter.examples ?? {})),
  );
  return [...names].map((name) => {
    const query = new URLSearchParams();
    for (const parameter of operation.parameters ?? []) {
      const example = parameter.examples?.[name];
      if (example) query.set(parameter.name, String(example.value));
    }
    return { name, query };
  });
}

const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => {
    const responses = Object.entries(operation.responses).map(([status, response]) => {
      const resolved = resolve(response);
      return { status: Number(status), headers: Object.keys(resolved.headers ?? {}), resolved };
    });
    return {
      path,
      method: method as "get" | "post",
      operation,
      requests: requestExamplesOf(operation),
      responseExamples: responses.flatMap(({ status, headers, resolved }) =>
        Object.entries(resolved.content["application/json"].examples).map(
          ([name, example]) => [status, name, example.value, headers] as const,
        ),
      ),
    };
  }),
);

let prism: RunningServer;
beforeAll(async () => {
  // --errors: the mock answers 500 instead of any example that breaks its own schema.
  prism = await startPrism({ errors: true });
});
afterAll(async () => {
  await prism.stop();
});

const authorization = `Basic ${Buffer.from("mock-key:mock-secret").toString("base64")}`;

function send(path: string, method: "get" | "post", request: Omit<RequestExample, "name">, prefer?: string) {
  const query = request.query ? `?${request.query}` : "";
  return fetch(`${prism.url}${path}${query}`, {
    method: method.toUpperCase(),
    headers: {
      authorization,
      ...(method === "post" ? { "content-type": "application/json" } : {}),
      ...(prefer ? { prefer } : {}),
    },
    ...(method === "post" ? { body: JSON.stringify(request.body) } : {}),
  });
}

describe.each(operations.map((entry) => [entry.operation.operationId, entry] as const))(
  "the Prism mock (--errors) serves everything the spec documents for %s",
  (operationId, { path, method, requests, responseExamples }) => {
    it("has request examples", () => {
      expect(requests.length).toBeGreaterThan(0);
    });

    it.each(requests.map((request) => [request.name, request] as const))(
      "accepts the request example %s without violations",
      async (_, request) => {
        const response = await send(path, method, request);
        expect(response.headers.get("sl-violations")).toBeNull();
        expect(response.status).toBe(200);
      },
    );

    it.each(responseExamples)(
      "answers %i with example %s and the documented headers",
      async (status, name, value, headers) => {
        const response = await send(path, method, requests[0] ?? {}, `code=${status}, example=${name}`);
        const text = await response.text();
        expect(response.status).toBe(status);
        expect(response.headers.get("sl-violations")).toBeNull();
        for (const header of headers) expect(response.headers.get(header)).not.toBeNull();
        expect(answerViolations(operationId, status, response.headers, text)).toEqual([]);
        expect(JSON.parse(text)).toEqual(value);
      },
    );
  },
);

describe("the documented statuses", () => {
  const statuses = (operationId: string) =>
    new Set(
      operations
        .find((entry) => entry.operation.operationId === operationId)
        ?.responseExamples.map(([status]) => status),
    );

  it("are every status the client and the contract kit rely on", () => {
    expect(statuses("unassignFlows")).toEqual(new Set([200, 400, 401, 429, 500]));
    expect(statuses("getProspectsAssignedFlows")).toEqual(new Set([200, 400, 401, 403, 429, 500]));
    expect(statuses("listFlows")).toEqual(new Set([200, 400, 401, 403, 429, 500]));
  });
});

describe("the Prism mock refuses what the spec forbids", () => {
  const refused = async (response: Response) => {
    expect(response.status).toBe(400);
    expect(response.headers.get("sl-violations")).not.toBeNull();
  };

  it.each([
    ["a flow instance id that is not digits", { flowInstanceIds: ["SVXHP"] }],
    ["a flow instance id of 31 digits", { flowInstanceIds: ["1".repeat(31)] }],
  ])("unassign: %s", async (_, body) => {
    await refused(await send(UNASSIGN_PATH, "post", { body }));
  });

  it.each([
    ["neither kind of id", {}],
    ["both kinds of id", { crmProspectsIds: ["0031U00001WbIYHQA3"], flowInstanceIds: ["234599484848423"] }],
    ["a repeated CRM id", { crmProspectsIds: ["0031U00001WbIYHQA3", "0031U00001WbIYHQA3"] }],
    ["a flow instance id that is not digits", { flowInstanceIds: ["SVXHP"] }],
  ])("prospects lookup: %s", async (_, body) => {
    await refused(await send("/v2/flows/prospects", "post", { body }));
  });

  it("flows: no flowOwnerEmail", async () => {
    await refused(
      await send("/v2/flows", "get", { query: new URLSearchParams({ workspaceId: "623457276584334" }) }),
    );
  });
});
