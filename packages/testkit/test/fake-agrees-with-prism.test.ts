import { type FakeGong, startFakeGong } from "@gong-flows/fake";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startPrism } from "../src/index.js";

const UNASSIGN = "/v2/flows/prospects/unassign-flows-by-instance-id";
// The spec's example id: it exists for the fake too, so only validation can tell the two apart.
const ID = "234599484848423";
const BASIC = `Basic ${Buffer.from("agree-key:agree-secret").toString("base64")}`;
const JSON_TYPE = "application/json";

interface Case {
  readonly name: string;
  readonly body?: string;
  readonly contentType?: string | null;
  readonly authorization?: string | null;
}

const json = (value: unknown) => JSON.stringify(value);
const CASES: readonly Case[] = [
  { name: "a valid request", body: json({ flowInstanceIds: [ID] }) },
  {
    name: "a valid request with an email",
    body: json({ flowInstanceIds: [ID], unassignedByUserEmail: "a@b.co" }),
  },
  {
    name: "a charset in the content type",
    body: json({ flowInstanceIds: [ID] }),
    contentType: `${JSON_TYPE}; charset=utf-8`,
  },
  {
    name: "an email that is not one",
    body: json({ flowInstanceIds: [ID], unassignedByUserEmail: "not-an-email" }),
  },
  {
    name: "an email without a dot in the domain",
    body: json({ flowInstanceIds: [ID], unassignedByUserEmail: "a@b" }),
  },
  { name: "an email that is a number", body: json({ flowInstanceIds: [ID], unassignedByUserEmail: 42 }) },
  { name: "an unknown property", body: json({ flowInstanceIds: [ID], force: true }) },
  { name: "a duplicate id", body: json({ flowInstanceIds: [ID, ID] }) },
  { name: "an empty list", body: json({ flowInstanceIds: [] }) },
  { name: "201 ids", body: json({ flowInstanceIds: Array.from({ length: 201 }, (_, i) => String(i)) }) },
  { name: "ids as a string", body: json({ flowInstanceIds: ID }) },
  { name: "an id that is a number", body: json({ flowInstanceIds: [Number(ID)] }) },
  { name: "a JSON array body", body: "[]" },
  { name: "no body", body: "" },
  { name: "a text/plain body", body: json({ flowInstanceIds: [ID] }), contentType: "text/plain" },
  { name: "no content type", body: json({ flowInstanceIds: [ID] }), contentType: null },
  { name: "no credentials", body: json({ flowInstanceIds: [ID] }), authorization: null },
  { name: "no credentials and a bad body", body: json({ flowInstanceIds: [] }), authorization: null },
  {
    name: "a Basic value that is not key:secret",
    body: json({ flowInstanceIds: [ID] }),
    authorization: `Basic ${btoa("garbled")}`,
  },
  { name: "an empty bearer token", body: json({ flowInstanceIds: [ID] }), authorization: "Bearer " },
  { name: "another scheme", body: json({ flowInstanceIds: [ID] }), authorization: "Token abc" },
  { name: "a bearer token", body: json({ flowInstanceIds: [ID] }), authorization: "Bearer some-token" },
];

let prism: RunningServer;
let fake: FakeGong;
beforeAll(async () => {
  [prism, fake] = await Promise.all([startPrism(), startFakeGong()]);
});
afterAll(async () => {
  await Promise.all([prism?.stop(), fake?.stop()]);
});

function send(base: string, { body, contentType = JSON_TYPE, authorization = BASIC }: Case) {
  const headers: Record<string, string> = {};
  if (contentType !== null) headers["content-type"] = contentType;
  if (authorization !== null) headers.authorization = authorization;
  return fetch(`${base}${UNASSIGN}`, { method: "POST", headers, ...(body ? { body } : {}) });
}

describe("the fake checks requests exactly as Prism does, from the same spec", () => {
  it.each(CASES)("same status for $name", async (request) => {
    const [fromPrism, fromFake] = await Promise.all([send(prism.url, request), send(fake.url, request)]);
    const prismStatus = fromPrism.status;
    expect({ fake: fromFake.status, body: await fromFake.json() }).toMatchObject({ fake: prismStatus });
    // A refusal from Prism always names a violation; the fake names it in errors[] instead of a header.
    if (prismStatus >= 400) expect(fromPrism.headers.get("sl-violations")).not.toBeNull();
    expect(fake.violations).toEqual([]);
  });

  it("names what is wrong in errors[], as Prism's sl-violations header does", async () => {
    const answer = await send(fake.url, {
      name: "three problems",
      body: json({ flowInstanceIds: ["1", "1"], extra: 1, unassignedByUserEmail: "no" }),
    });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { errors: string[] }).errors).toEqual([
      "Request body must NOT have additional properties; found 'extra'",
      "Request body property flowInstanceIds must NOT have duplicate items (items ## 0 and 1 are identical)",
      'Request body property unassignedByUserEmail must match format "email"',
    ]);
  });
});
