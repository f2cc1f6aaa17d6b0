import { readFileSync } from "node:fs";
import { join } from "node:path";
import { documentNumberProblem } from "../../src/model/document-schema";
import { validateSummary } from "../../src/model/parse";

const base = JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "document.json"), "utf8"));

function issuesWith(document: object) {
  return validateSummary({ ...base, document }).issues;
}

const path = ["document", "documentNumber"];

describe("document (红头文件 fields)", () => {
  it("accepts the example's upward document with 签发人, 抄送 and 印发", () => {
    expect(validateSummary(base).issues).toEqual([]);
  });

  it("accepts a 发文字号 in parts", () => {
    expect(
      issuesWith({ issuer: "中共某某委员会", documentNumber: { code: "某委发", year: 2026, serial: 5 } }),
    ).toEqual([]);
  });

  it.each([
    ["某委发[2026]5号", "uses [] instead of 〔〕 around the year: write 某委发〔2026〕5号"],
    ["某委发（2026）5号", "uses （） instead of 〔〕 around the year: write 某委发〔2026〕5号"],
    ["某委发〔2026〕05号", "number 05 must not be zero-padded: write 某委发〔2026〕5号"],
    [
      "某委发（2026）第05号",
      "uses （） instead of 〔〕 around the year; must not put 第 before the number; number 05 must not be zero-padded: write 某委发〔2026〕5号",
    ],
    [
      "某委发[26]5号",
      "uses [] instead of 〔〕 around the year; and must give the year as four digits in 〔〕 (got 〔26〕)",
    ],
    ["某委发〔2026〕第5号", "must not put 第 before the number: write 某委发〔2026〕5号"],
    ["某委发〔26〕5号", "must give the year as four digits in 〔〕 (got 〔26〕)"],
    ["某委发〔2026〕5", "must end with 号 after the number, like 某委发〔2026〕5号"],
    ["〔2026〕5号", "must start with the issuer's code (机关代字), like 某委发〔2026〕5号"],
    ["某委发2026年5号", "must put the year in hexagonal brackets 〔〕, like 某委发〔2026〕5号"],
  ])("says what is wrong with %s", (documentNumber, predicate) => {
    expect(issuesWith({ issuer: "中共某某委员会", documentNumber })).toEqual([
      { path, code: "invalid_document_number", message: `document.documentNumber (发文字号) ${predicate}` },
    ]);
  });

  it("rejects a serial number of 0 in parts and in text", () => {
    expect(documentNumberProblem("某委发〔2026〕0号")).toBe(
      "number 0 is not a serial number: they start at 1",
    );
    expect(
      issuesWith({ issuer: "中共某某委员会", documentNumber: { code: "某委发", year: 2026, serial: 0 } }),
    ).toMatchObject([{ path: [...path, "serial"], code: "too_small" }]);
  });

  it("requires the 签发人 of an upward document", () => {
    expect(issuesWith({ issuer: "中共某某委员会", direction: "upward" })).toEqual([
      {
        path: ["document", "signer"],
        code: "required",
        message: 'document.signer (签发人) is required for an upward document (direction "upward")',
      },
    ]);
  });

  it("requires 印发机关 and 印发日期 together, and 印发机关 with 抄送", () => {
    expect(issuesWith({ issuer: "某", printer: "某某办公室" })).toEqual([
      {
        path: ["document", "printDate"],
        code: "required",
        message: "document.printDate (印发日期) is required with printer: the 版记 prints both",
      },
    ]);
    expect(issuesWith({ issuer: "某", copyTo: ["某某纪委"] })).toEqual([
      {
        path: ["document", "printer"],
        code: "required",
        message: "document.printer (印发机关) is required with copyTo: the 版记 ends with it",
      },
    ]);
  });

  it("rejects an unknown direction and a misspelt field", () => {
    expect(issuesWith({ issuer: "某", direction: "up" })).toMatchObject([
      { path: ["document", "direction"], code: "invalid_value" },
    ]);
    expect(issuesWith({ issuer: "某", signerr: "张" })).toMatchObject([
      { path: ["document", "signerr"], code: "unknown_field" },
    ]);
  });
});
