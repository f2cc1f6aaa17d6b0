/*
 * Property: the fast path of validation (src/model/fast-parse.ts) accepts only what the zod schema accepts,
 * and returns the very copy zod returns (the same keys in the same order, a key given as undefined kept,
 * the same Date objects); it does not give up on valid summaries, or it would be no fast path; and
 * validateSummary, which now gives zod the copy the fast path looked at (and may have reordered), reports
 * every summary exactly as before: the same verdict, issues, warnings and summary. Valid summaries come
 * from the render fuzz's arbitrary; invalid ones from mutating them where the schema is strict.
 */
import fc from "fast-check";
import type { Issue } from "../../src/errors";
import { checkConsistency } from "../../src/model/checks";
import { fastParse } from "../../src/model/fast-parse";
import { issueHints, toIssues } from "../../src/model/issues";
import { Limits, prepareInput } from "../../src/model/limits";
import { validateSummary } from "../../src/model/parse";
import { meetingSummarySchema } from "../../src/model/schema";
import { findInvalidXmlChar } from "../../src/model/text";
import type { MeetingSummary } from "../../src/model/types";
import { DOCUMENT_FIELDS, fullFactsSummary, minimalSummary } from "../fixtures/summaries";
import { renderCase } from "../helpers/arbitrary";

const runs = Number(process.env.FUZZ_RUNS ?? 200);
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const params = { numRuns: runs, ...(seed === undefined ? {} : { seed }) };

/** The fast path on its own: the summary, or undefined when it gives up (or the limits refuse). */
function fast(input: unknown, strip: boolean): unknown {
  const prepared = prepareInput(input, strip);
  return prepared.issues.length > 0 ? undefined : fastParse(prepared.value);
}

interface Reference {
  /** What zod's schema gives: the checked copy, or undefined when it reports issues (or the limits do). */
  schema: unknown;
  result: { ok: boolean; summary?: unknown; issues: Issue[]; warnings: Issue[] };
}

/** Validation as it was before the fast path: the limits, zod, the consistency rules. */
function reference(input: unknown, strip: boolean): Reference {
  const prepared = prepareInput(input, strip);
  if (prepared.issues.length > 0) {
    return { schema: undefined, result: { ok: false, issues: prepared.issues, warnings: [] } };
  }
  const parsed = meetingSummarySchema.safeParse(prepared.value, { reportInput: true, error: issueHints });
  if (!parsed.success) {
    return { schema: undefined, result: { ok: false, issues: toIssues(parsed.error.issues), warnings: [] } };
  }
  const { errors, warnings } = checkConsistency(parsed.data);
  const result =
    errors.length > 0
      ? { ok: false, issues: errors, warnings }
      : { ok: true, summary: parsed.data, issues: [], warnings };
  return { schema: parsed.data, result };
}

/** Where `a` and `b` differ (keys, their order, values, Date identity), or undefined when they are the same. */
function difference(a: unknown, b: unknown, path = "$"): string | undefined {
  if (a instanceof Date || b instanceof Date) return a === b ? undefined : `${path}: not the same Date`;
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) {
    return Object.is(a, b) ? undefined : `${path}: ${String(a)} ≠ ${String(b)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array and object`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: prototypes differ`;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.join("\u0000") !== keysB.join("\u0000")) return `${path}: keys ${keysA} ≠ ${keysB}`;
  for (const key of keysA) {
    const found = difference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      `${path}.${key}`,
    );
    if (found) return found;
  }
  return undefined;
}

function containsDate(value: unknown): boolean {
  if (value instanceof Date) return true;
  if (typeof value !== "object" || value === null) return false;
  return Object.values(value).some(containsDate);
}

/** Every object and list inside `value`, with itself first. */
function containers(value: unknown, out: object[] = []): object[] {
  if (typeof value !== "object" || value === null || value instanceof Date) return out;
  out.push(value);
  for (const v of Object.values(value)) containers(v, out);
  return out;
}

const longText = "文".repeat(Limits.textLength + 1);
const longList = Array.from({ length: Limits.listEntries + 1 }, () => "文");

/** Texts that break the schema or a limit somewhere, or pass in one place and not another. */
const TEXTS: unknown[] = [
  "",
  "  ",
  "a\nb",
  "a\rb",
  "bad\u0001char",
  "\uD800",
  "\uFFFE",
  "：",
  "。",
  "正文",
  "2026-01-05",
  "2026-02-30",
  "0000-01-01",
  "2026-1-5",
  "某委发〔2026〕5号",
  "某委发[2026]5号",
  "item",
  "paragraph",
  "ordinals",
  "generated",
  "meeting",
  "upward",
  "downward",
  "民主生活会",
  "已完成",
  "rectification",
  longText,
];

/** Numbers, likewise: the bounds of counts, years, serials and levels, and what is not a number at all. */
const NUMBERS: unknown[] = [
  0,
  -0,
  -1,
  1,
  2,
  3,
  4,
  5,
  1.5,
  999,
  1000,
  9999,
  10000,
  Limits.count,
  Limits.count + 1,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 53 + 2,
];

/** Objects and lists, likewise. */
const OBJECTS: unknown[] = [
  [],
  ["正文"],
  [""],
  longList,
  {},
  { text: "某日" },
  { text: "" },
  { type: "paragraph", text: "正文" },
  { type: "item", heading: "标题", level: 3 },
  { type: "item", heading: "标题", blocks: [{ type: "item", heading: "下级", blocks: ["正文"] }] },
  { code: "某委发", year: 2026, serial: 5 },
  { code: "某委发", year: 26, serial: 5 },
  new Date(2026, 0, 5),
  new Date(Number.NaN),
  new Date(-62198755200000), // year 0
];

const ANY: unknown[] = [...TEXTS, ...NUMBERS, ...OBJECTS, null, undefined, true];

const DATES: unknown[] = [
  "2026-01-05",
  "2026-02-30",
  "0000-01-01",
  "2026-1-5",
  "2026-01-05T00:00",
  { text: "某日" },
  { text: "" },
  { text: "某日", extra: 1 },
  new Date(2026, 0, 5),
  new Date(Number.NaN),
  new Date(-62198755200000), // year 0
];

/** Near misses for a field of that name: what its own check is about. */
const NEAR: Record<string, unknown[]> = {
  date: DATES,
  deadline: DATES,
  printDate: [...DATES, undefined],
  recipient: ["：", ":", "市委：", "市委", " ："],
  "[]": [...TEXTS, "。", "；;", "正文。", longText, undefined, {}, []],
  direction: ["upward", "downward", "sideways", undefined],
  signer: [undefined, "", "签发人"],
  printer: [undefined, "印发机关"],
  copyTo: [undefined, [], ["抄送"], longList],
  level: [1, 2, 3, 4, 5, "2", undefined],
  type: ["item", "paragraph", "ordinals", "generated", "other", undefined],
  kind: ["meeting", "agenda", "民主生活会", "组织生活会", "other"],
  status: ["已完成", "整改中", "长期坚持", "完成"],
  table: ["rectification", "evaluation", "other"],
  documentNumber: [
    "某委发〔2026〕5号",
    "某委发[2026]5号",
    "某委发〔2026〕05号",
    "\u0001〔2026〕5号",
    { code: "某委发", year: 2026, serial: 5 },
    { code: "某委发", year: 999, serial: 5 },
    { code: "", year: 2026, serial: 5 },
  ],
  year: [999, 1000, 9999, 10000, 2026.5],
  serial: [0, 1, Limits.count, Limits.count + 1],
  blocks: [[], ["正文"], [""], longList, undefined],
  items: [[], ["正文"], longList],
  agenda: [[], ["。"], ["议程。"], longList],
  title: ["标题\n第二行", "", "\n", "a\u0001", longText],
};

/** What every text is checked for (a field with a check of its own has its near misses in {@link NEAR}). */
const TEXT_MISSES: unknown[] = ["", "  ", "a\nb", "bad\u0001char", longText];

/** The values tried in place of `value`: of its own type. */
function sameType(value: unknown): unknown[] {
  if (typeof value === "string") return TEXT_MISSES;
  if (typeof value === "number") return NUMBERS;
  return OBJECTS;
}

/** A value of each other type. */
const OTHER_TYPES: unknown[] = [1, undefined];

/** A replacement for `old` (in a field named `name`): a near miss for that field or type, or anything. */
function replacementFor(old: unknown, pick: number, anyType: boolean, name?: string): unknown {
  const near = name === undefined ? undefined : NEAR[name];
  const pool = anyType
    ? ANY
    : near && pick % 4 !== 0
      ? near
      : typeof old === "string"
        ? TEXTS
        : typeof old === "number"
          ? NUMBERS
          : typeof old === "object" && old !== null
            ? OBJECTS
            : ANY;
  return structuredClone(pool[pick % pool.length]);
}

const KEYS = [
  "title",
  "text",
  "type",
  "heading",
  "blocks",
  "level",
  "items",
  "kind",
  "date",
  "meeting",
  "attendance",
  "expected",
  "present",
  "signer",
  "printer",
  "printDate",
  "copyTo",
  "direction",
  "documentNumber",
  "deadline",
  "status",
  "table",
  "paragraphs",
  "excellent",
  "probationary",
  "recipient",
  "agenda",
  "$schema",
  "titel",
  "__proto__",
  "constructor",
];

interface Mutation {
  at: number;
  op: "set" | "retype" | "delete" | "add" | "shuffle" | "nullProto" | "nest";
  key: string;
  pick: number;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom("set", "set", "set", "retype", "delete", "add", "shuffle", "nullProto", "nest"),
  key: fc.constantFrom(...KEYS),
  pick: fc.nat(),
});

/** Every field and list entry inside `root` (holder and key), grouped by its name or by its value's type. */
function fieldsBy(
  root: unknown,
  by: "name" | "type",
): [Record<string | number, unknown>, string | number][][] {
  const groups = new Map<string, [Record<string | number, unknown>, string | number][]>();
  for (const holder of containers(root)) {
    for (const key of Object.keys(holder)) {
      const value = (holder as Record<string, unknown>)[key];
      const type = value instanceof Date ? "date" : Array.isArray(value) ? "list" : typeof value;
      const group = by === "type" ? type : Array.isArray(holder) ? "[]" : key;
      const field = Array.isArray(holder) ? Number(key) : key;
      groups.set(group, [...(groups.get(group) ?? []), [holder as Record<string | number, unknown>, field]]);
    }
  }
  return [...groups.values()];
}

/** Applies the mutations to a deep copy of `summary`. */
function mutate(summary: MeetingSummary, mutations: readonly Mutation[]): unknown {
  const root = structuredClone(summary) as unknown;
  for (const m of mutations) {
    const all = containers(root);
    const target = all[m.at % all.length] as Record<string, unknown> | unknown[];
    if (m.op === "set" || m.op === "retype") {
      // Each field name (or, to retype, each type) is as likely to be hit: counts and a signer are few
      // beside the texts.
      const slots = fieldsBy(root, m.op === "set" ? "name" : "type");
      const group = slots[m.pick % slots.length] as [Record<string | number, unknown>, string | number][];
      const [holder, field] = group[m.at % group.length] as [
        Record<string | number, unknown>,
        string | number,
      ];
      const name = Array.isArray(holder) ? "[]" : String(field);
      holder[field] = replacementFor(
        holder[field],
        Math.floor(m.pick / slots.length),
        m.op === "retype",
        name,
      );
    } else if (m.op === "delete") {
      const slots = fieldsBy(root, "name");
      const group = slots[m.pick % slots.length] as [Record<string | number, unknown>, string | number][];
      const [holder, field] = group[m.at % group.length] as [
        Record<string | number, unknown>,
        string | number,
      ];
      if (Array.isArray(holder)) holder.splice(field as number, 1);
      else delete holder[field];
    } else if (m.op === "add" && !Array.isArray(target)) {
      const value = replacementFor(undefined, m.pick, true);
      Object.defineProperty(target, m.key, { value, enumerable: true, writable: true, configurable: true });
    } else if (m.op === "shuffle" && !Array.isArray(target)) {
      const entries = Object.entries(target).reverse();
      for (const k of Object.keys(target)) delete target[k];
      for (const [k, v] of entries) target[k] = v;
    } else if (m.op === "nest") {
      // Items nested 1 to 4 deep, some with a level: within the four levels allowed, or past them.
      const lists = containers(root).flatMap((c) => {
        const blocks = Array.isArray(c) ? undefined : (c as { blocks?: unknown }).blocks;
        return Array.isArray(blocks) ? [blocks] : [];
      });
      const list = lists[m.at % Math.max(1, lists.length)];
      let nested: unknown = "正文";
      for (let depth = 1 + (m.pick % 4), n = m.pick; depth > 0; depth--, n = Math.floor(n / 5)) {
        const level = [undefined, 2, 3, 4, undefined][n % 5];
        nested = { type: "item", heading: "标题", ...(level ? { level } : {}), blocks: [nested] };
      }
      list?.push(nested);
    } else if (m.op === "nullProto" && !Array.isArray(target)) {
      Object.setPrototypeOf(target, null);
    }
  }
  return root;
}

/** The same summary with its keys in reverse order everywhere and every ISO date as a Date. */
function reordered(value: unknown, dates: boolean): unknown {
  if (typeof value === "string" && dates && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split("-").map(Number) as [number, number, number];
    return new Date(y, m - 1, d);
  }
  if (Array.isArray(value)) return value.map((v) => reordered(v, dates));
  if (typeof value !== "object" || value === null || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reordered(v, dates)]),
  );
}

/** `value` with every list cut to one entry (the others are checked as it is). */
function shortened(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice(0, 1).map(shortened);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shortened(v)]));
}

/**
 * Every part of the model once or more: the full-facts example with a 红头文件 and every kind of block; a
 * small summary with the other forms of a date, a 发文字号 and a direction.
 */
function richSummaries(): unknown[] {
  const facts = shortened(fullFactsSummary()) as MeetingSummary;
  const blocks = [
    { type: "ordinals", items: ["一项", "二项"] },
    { type: "paragraph", text: "正文" },
    { type: "generated", kind: "agenda" },
    {
      type: "item",
      heading: "标题",
      text: "正文",
      level: 3,
      blocks: [{ type: "item", heading: "下级", blocks: ["正文"] }, "段落"],
    },
    { type: "item", heading: "标题" },
    { type: "item", heading: "标题", level: 4 },
  ];
  return [
    {
      ...facts,
      sections: [{ heading: "第四部分", blocks }],
      closing: ["结束语"],
      signature: "机关第一党支部",
      document: { ...DOCUMENT_FIELDS, direction: "downward", copyTo: ["某某局"] },
    },
    {
      ...minimalSummary(),
      date: { text: "*月*日" },
      document: {
        issuer: "中共某某支部委员会",
        documentNumber: { code: "某支发", year: 2026, serial: 5 },
        direction: "upward",
        signer: "张三",
        printer: "中共某某支部委员会",
        printDate: new Date(2026, 0, 20),
      },
    },
  ];
}

/**
 * Checks one input both ways: the fast path accepts exactly what zod accepts, with its copy, and
 * validateSummary answers as it did before. Returns whether the fast path accepted it.
 */
function agree(input: unknown, strip: boolean): boolean {
  const before = reference(input, strip);
  const now = validateSummary(input, strip ? { invalidCharacters: "strip" } : undefined);
  expect(now.ok).toBe(before.result.ok);
  expect(now.issues).toEqual(before.result.issues);
  expect(now.warnings).toEqual(before.result.warnings);
  if (now.ok) expect(difference(now.summary, before.result.summary)).toBeUndefined();
  const accepted = fast(input, strip);
  if (accepted !== undefined) {
    expect(before.schema).toBeDefined();
    expect(difference(accepted, before.schema)).toBeUndefined();
  } else if (!containsDate(input)) {
    // A Date where an object belongs is the one thing zod may take that the fast path leaves to it.
    expect(before.schema).toBeUndefined();
  }
  return accepted !== undefined;
}

describe("the fast path of validation", () => {
  it("agrees with the full path on every single change to every field of a rich summary", () => {
    let accepted = 0;
    let refused = 0;
    for (const [n, base] of richSummaries().entries()) {
      expect(fast(base, false)).toBeDefined();
      for (const holder of containers(base)) {
        const slot = holder as Record<string | number, unknown>;
        // A list's first entry stands for the others.
        const keys = Array.isArray(slot) ? (slot.length > 0 ? [0] : []) : Object.keys(slot);
        for (const key of keys) {
          const old = slot[key];
          const name = Array.isArray(slot) ? "[]" : String(key);
          for (const value of new Set([...(NEAR[name] ?? []), ...sameType(old), ...OTHER_TYPES])) {
            slot[key] = value;
            if (agree(base, false)) accepted += 1;
            else refused += 1;
            if (typeof value === "string" && findInvalidXmlChar(value)) agree(base, true);
          }
          slot[key] = old;
          // Without it: an array loses the entry, an object the key (its order kept).
          const copy = Array.isArray(slot) ? [...slot] : { ...slot };
          if (Array.isArray(slot)) slot.splice(key as number, 1);
          else delete slot[key];
          agree(base, false);
          if (Array.isArray(slot)) slot.splice(0, slot.length, ...(copy as unknown as unknown[]));
          else {
            for (const k of Object.keys(slot)) delete slot[k];
            Object.assign(slot, copy);
          }
        }
        if (!Array.isArray(slot) && n === 0) {
          for (const [k, key] of KEYS.entries()) {
            if (Object.hasOwn(slot, key)) continue;
            // A text, or undefined (a key given as undefined is kept in the copy, as zod keeps it).
            for (const value of [k % 2 === 0 ? "正文" : undefined]) {
              Object.defineProperty(slot, key, {
                value,
                enumerable: true,
                writable: true,
                configurable: true,
              });
              agree(base, false);
              delete slot[key];
            }
          }
        }
      }
      expect(fast(base, false)).toBeDefined();
    }
    // Both answers were given often: the changes are near misses, not all fatal.
    expect(accepted).toBeGreaterThan(200);
    expect(refused).toBeGreaterThan(1000);
  });

  it("accepts every valid summary, with the copy the schema returns", () => {
    fc.assert(
      fc.property(renderCase, fc.boolean(), fc.boolean(), ({ summary }, shuffle, dates) => {
        const input = shuffle || dates ? reordered(summary, dates) : summary;
        expect(agree(input, false)).toBe(true);
      }),
      params,
    );
  });

  it("accepts nothing the full path refuses, and gives up on nothing it accepts", () => {
    fc.assert(
      fc.property(
        renderCase,
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        ({ summary }, mutations, strip) => {
          agree(mutate(summary, mutations), strip);
        },
      ),
      params,
    );
  });

  it("strips invalid characters as the full path does", () => {
    fc.assert(
      fc.property(renderCase, fc.nat(), ({ summary }, at) => {
        const input = structuredClone(summary) as unknown as Record<string, unknown>;
        const keys = ["title", "recipient", "signature"] as const;
        const key = keys[at % keys.length] as string;
        if (typeof input[key] === "string") input[key] = `\u0007${input[key] as string}\uFFFF`;
        expect(agree(input, true)).toBe(true);
      }),
      params,
    );
  });

  it("keeps to the limits on the whole summary: its texts' length and its count of values", () => {
    const base = minimalSummary();
    const paragraphs = (n: number) =>
      Array.from({ length: n }, (_, i) => `${i}`.padEnd(Limits.textLength, "文"));
    const perText = Limits.totalText / Limits.textLength;
    const sections = (n: number) =>
      Array.from({ length: n }, () => ({
        heading: "部分",
        blocks: Array.from({ length: 1000 }, () => "文"),
      }));
    const perValues = Math.floor(Limits.values / 1000);
    for (const [input, ok] of [
      [{ ...base, opening: paragraphs(perText - 1) }, true],
      [{ ...base, opening: paragraphs(perText + 1) }, false],
      [{ ...base, sections: sections(perValues - 1) }, true],
      [{ ...base, sections: sections(perValues) }, false],
    ] as const) {
      expect(agree(input, false)).toBe(ok);
    }
  });

  it("reads the input once, valid or not: the fast path looks at prepareInput's copy", () => {
    const summary = { title: "标题" } as Record<string, unknown>;
    Object.defineProperty(summary, "preparation", {
      enumerable: true,
      get() {
        throw new Error("no");
      },
    });
    const result = validateSummary(summary);
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.code)).toEqual(["unreadable_field"]);
    for (const valid of [true, false]) {
      let reads = 0;
      const input = { ...minimalSummary(), recipient: "" } as Record<string, unknown>;
      if (valid) delete input.recipient;
      Object.defineProperty(input, "title", {
        enumerable: true,
        get() {
          reads += 1;
          return "标题";
        },
      });
      expect(validateSummary(input).ok).toBe(valid);
      expect(reads).toBe(1);
    }
  });

  it("gives up when Object.prototype holds a field name (zod would read it)", () => {
    const valid = { title: "标题", preparation: { heading: "一", blocks: ["正文"] } };
    const input = { ...valid, organization: valid.preparation, outcomes: valid.preparation };
    expect(fast(input, false)).toBeDefined();
    Object.defineProperty(Object.prototype, "signature", { value: "署名", configurable: true });
    try {
      expect(fast(input, false)).toBeUndefined();
    } finally {
      delete (Object.prototype as Record<string, unknown>).signature;
    }
    expect(fast(input, false)).toBeDefined();
  });
});
