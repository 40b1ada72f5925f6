import { describe, expect, it } from "vitest";
import { idsInColumn, idsInText } from "../../src/ids.js";
import { csvRecords } from "../../src/input/csv.js";
import { CRM_PROSPECT_IDS, FLOW_INSTANCE_IDS } from "../../src/input/id-kinds.js";

const records = (text: string) => [...csvRecords(text)].map(({ line, fields }) => [line, ...fields]);

describe("csvRecords", () => {
  it("reads fields, quoted fields with commas, doubled quotes and line breaks, and CRLF line ends", () => {
    const text = 'Id,Name,Note\r\n1,"Smith, Ann","said ""hi""\nand left"\r\n\r\n2,Bob,\n';
    expect(records(text)).toEqual([
      [1, "Id", "Name", "Note"],
      [2, "1", "Smith, Ann", 'said "hi"\nand left'],
      [5, "2", "Bob", ""],
    ]);
  });

  it("skips a byte order mark and a missing final line end", () => {
    expect(records("\uFEFFId\n7")).toEqual([
      [1, "Id"],
      [2, "7"],
    ]);
  });

  it("refuses a quoted field that is never closed, naming the line it starts on", () => {
    expect(() => records('Id\n"1\n2\n')).toThrow(expect.objectContaining({ line: 2 }));
  });
});

describe("--column", () => {
  const exported = [
    "Contact ID,Email,First Name",
    "0031U00001WbIYHQA3,ann@example.com,Ann",
    '"00Q1U00000GxLkPUAV","bob@example.com","Bob, Jr."',
  ].join("\n");

  it("takes the named column's values, matching the name exactly or else without case", () => {
    const input = { kind: CRM_PROSPECT_IDS, column: "Contact ID" };
    expect(idsInColumn(exported, "export.csv", input)).toEqual(["0031U00001WbIYHQA3", "00Q1U00000GxLkPUAV"]);
    expect(idsInColumn(exported, "export.csv", { ...input, column: "contact id" })).toHaveLength(2);
  });

  it("refuses the email column as CRM ids, naming file, line, value and column", () => {
    expect(() => idsInColumn(exported, "export.csv", { kind: CRM_PROSPECT_IDS, column: "Email" })).toThrow(
      'export.csv:2: "ann@example.com" in column "Email" is not a CRM prospect id: it is an email address',
    );
  });

  it("counts lines as an editor does when a quoted field spans lines", () => {
    const text = 'Id,Note\n234599484800000,"two\nlines"\n234599484800001,x\nnope,y\n';
    expect(() => idsInColumn(text, "f.csv", { kind: FLOW_INSTANCE_IDS, column: "Id" })).toThrow(
      /^f\.csv:5: /,
    );
  });
});

describe("a plain id list", () => {
  it("takes ids separated by newlines, commas and whitespace, with comments", () => {
    expect(idsInText("# ids\n234599484800000, 234599484800001\t234599484800002\n", "f")).toEqual([
      "234599484800000",
      "234599484800001",
      "234599484800002",
    ]);
  });

  it.each([
    ["Id,Email", FLOW_INSTANCE_IDS],
    ["Flow Instance ID", FLOW_INSTANCE_IDS],
    ['"Id";"Email"', FLOW_INSTANCE_IDS],
    ["Id", CRM_PROSPECT_IDS],
    ["Contact ID,Email", CRM_PROSPECT_IDS],
    ["Email", CRM_PROSPECT_IDS],
  ])("refuses a first line %j as a CSV header, pointing to --column", (header, kind) => {
    expect(() => idsInText(`${header}\n123\n`, "f.csv", kind)).toThrow(
      /^f\.csv:1: .* is a CSV header, .*--column NAME/,
    );
  });

  it("does not take CRM ids for a header", () => {
    expect(idsInText("0031U00001WbIYHQA3\n00Q1U00000GxLkPUAV\n", "f", CRM_PROSPECT_IDS)).toEqual([
      "0031U00001WbIYHQA3",
      "00Q1U00000GxLkPUAV",
    ]);
  });

  it("refuses a name in a CRM id list: CRM ids have no spaces", () => {
    expect(() => idsInText("0031U00001WbIYHQA3\nAnn Smith\n", "f", CRM_PROSPECT_IDS)).toThrow(
      'f:2: "Ann Smith" is not a CRM prospect id: it contains whitespace',
    );
  });
});
