import { readFileSync } from "node:fs";
import { answerViolations } from "@gong-flows/fake";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type RunningServer, specPath, startPrism } from "../src/index.js";

const UNASSIGN_PATH = "/v2/flows/prospects/unassign-flows-by-instance-id";

interface Media {
  examples: Record<string, { value: unknown }>;
}
interface Operation {
  requestBody: { content: { "application/json": Media } };
  responses: Record<string, { headers?: Record<string, unknown>; content: { "application/json": Media } }>;
}

const operation = (parse(readFileSync(specPath, "utf8")) as { paths: Record<string, { post: Operation }> })
  .paths[UNASSIGN_PATH]?.post as Operation;
const requestExamples = Object.entries(operation.requestBody.content["application/json"].examples);
const responseExamples = Object.entries(operation.responses).flatMap(([status, response]) =>
  Object.entries(response.content["application/json"].examples).map(
    ([name, example]) => [Number(status), name, example.value, Object.keys(response.headers ?? {})] as const,
  ),
);

let prism: RunningServer;
beforeAll(async () => {
  // --errors: the mock answers 500 instead of any example that breaks its own schema.
  prism = await startPrism({ errors: true });
});
afterAll(async () => {
  await prism.stop();
});

const post = (body: unknown, prefer?: string) =>
  fetch(`${prism.url}${UNASSIGN_PATH}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Basic ${Buffer.from("mock-key:mock-secret").toString("base64")}`,
      ...(prefer ? { prefer } : {}),
    },
    body: JSON.stringify(body),
  });

describe("the Prism mock (--errors) serves everything the spec documents", () => {
  const validRequest = requestExamples[0]?.[1].value;

  it.each(requestExamples)("accepts the request example %s", async (_, example) => {
    const response = await post(example.value);
    expect(response.headers.get("sl-violations")).toBeNull();
    expect(response.status).toBe(200);
  });

  it.each(responseExamples)(
    "answers %i with example %s and the documented headers",
    async (status, name, value, headers) => {
      const response = await post(validRequest, `code=${status}, example=${name}`);
      const text = await response.text();
      expect(response.status).toBe(status);
      expect(response.headers.get("sl-violations")).toBeNull();
      for (const header of headers) expect(response.headers.get(header)).not.toBeNull();
      expect(answerViolations("unassignFlows", status, response.headers, text)).toEqual([]);
      expect(JSON.parse(text)).toEqual(value);
    },
  );

  it("documents every status the client and the contract kit rely on", () => {
    expect(new Set(responseExamples.map(([status]) => status))).toEqual(new Set([200, 400, 401, 429, 500]));
  });
});
