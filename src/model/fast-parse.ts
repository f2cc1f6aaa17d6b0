/*
 * The valid path of validation, without zod: the plain copy prepareInput made (limits.ts) is checked
 * against the schema (schema.ts) in one walk, which hands back the copy zod would return, key for key in the
 * schema's order (the copy itself, wherever its keys are in that order already). It only ever answers
 * "valid, here is the summary" or "not sure": anything it does not accept — an invalid field, a Date where an
 * object belongs — goes to the zod schema, which writes the issues. So the set of summaries accepted and
 * every issue are the schema's own; this walk only spares the valid ones the cost of zod. A property test
 * compares its verdict and output with zod's.
 */

import { AGENDA_TRAILING_PUNCTUATION, RECIPIENT_COLON } from "../format/punctuation.js";
import { isDocumentNumber } from "./document-schema.js";
import { DocumentDirection } from "./document-types.js";
import { AttachmentTable, RectificationStatus, SentenceKind } from "./facts.js";
import { Limits } from "./limits.js";
import { hasWordsBeyond, isDayObject, isDayText, isText } from "./schema.js";
import { MeetingKind, type MeetingSummary } from "./types.js";

/** Thrown inside the walk to give up: the full path decides. */
const GIVE_UP: unique symbol = Symbol("give up");

type Parse = (value: unknown) => unknown;

interface Field {
  /** Its place in the schema: the order of the output's keys. */
  index: number;
  required: boolean;
  parse: Parse;
}

/** A strict object of the schema: its fields in order, and a check of the whole once they pass. */
interface Shape {
  fields: Map<string, Field>;
  required: number;
  check?: (value: Record<string, unknown>) => boolean;
}

/** Every field name of every shape: none may be inherited from `Object.prototype` (see {@link fastParse}). */
const FIELD_NAMES = new Set<string>();

/** A shape from `[name, parse, required?]`, in the schema's order (optional unless said). */
function shape(
  entries: readonly (readonly [string, Parse] | readonly [string, Parse, "required"])[],
  check?: (value: Record<string, unknown>) => boolean,
): Shape {
  const fields = new Map<string, Field>();
  let required = 0;
  entries.forEach(([name, parse, need], index) => {
    fields.set(name, { index, required: need === "required", parse: need ? parse : optional(parse) });
    if (need) required += 1;
    FIELD_NAMES.add(name);
  });
  return check ? { fields, required, check } : { fields, required };
}

function optional(parse: Parse): Parse {
  return (value) => (value === undefined ? undefined : parse(value));
}

function compareIn(fields: Map<string, Field>) {
  return (a: string, b: string) => (fields.get(a) as Field).index - (fields.get(b) as Field).index;
}

/**
 * A strict object: its keys all known, the required ones there. The output has the keys present, in the
 * schema's order, a key given as `undefined` included (as zod has it): the copy itself when its keys are in
 * that order, its fields replaced where theirs were not.
 */
function object(value: unknown, of: Shape): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value) || value instanceof Date) {
    throw GIVE_UP;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let last = -1;
  let ordered = true;
  let required = 0;
  for (const key of keys) {
    const field = of.fields.get(key);
    if (field === undefined) throw GIVE_UP;
    if (field.index < last) ordered = false;
    last = field.index;
    if (field.required) required += 1;
  }
  if (required !== of.required) throw GIVE_UP;
  let out = record;
  if (ordered) {
    for (const key of keys) {
      const field = record[key];
      const parsed = (of.fields.get(key) as Field).parse(field);
      if (parsed !== field) record[key] = parsed;
    }
  } else {
    keys.sort(compareIn(of.fields));
    out = {};
    for (const key of keys) out[key] = (of.fields.get(key) as Field).parse(record[key]);
  }
  if (of.check && !of.check(out)) throw GIVE_UP;
  return out;
}

function list(entry: Parse, min = 0): Parse {
  return (value) => {
    if (!Array.isArray(value) || value.length < min) throw GIVE_UP;
    for (let i = 0; i < value.length; i++) {
      const parsed = entry(value[i]);
      if (parsed !== value[i]) value[i] = parsed;
    }
    return value;
  };
}

const of =
  (s: Shape): Parse =>
  (value) =>
    object(value, s);

const anyString: Parse = (value) => {
  if (typeof value !== "string") throw GIVE_UP;
  return value;
};

const text: Parse = (value) => {
  if (typeof value !== "string" || !isText(value, false)) throw GIVE_UP;
  return value;
};

const multilineText: Parse = (value) => {
  if (typeof value !== "string" || !isText(value, true)) throw GIVE_UP;
  return value;
};

const wordsBeyond =
  (trailing: RegExp): Parse =>
  (value) => {
    if (typeof value !== "string" || !isText(value, false) || !hasWordsBeyond(value, trailing)) {
      throw GIVE_UP;
    }
    return value;
  };

function oneOf(values: object): Parse {
  const set = new Set<unknown>(Object.values(values));
  return (value) => {
    if (!set.has(value)) throw GIVE_UP;
    return value;
  };
}

const literal =
  (expected: unknown): Parse =>
  (value) => {
    if (value !== expected) throw GIVE_UP;
    return value;
  };

const integer =
  (min: number, max: number): Parse =>
  (value) => {
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) throw GIVE_UP;
    return value;
  };

const count = integer(0, Limits.count);

const literalDate = shape([["text", text, "required"]]);

/** A date: a Date, "2026-01-05", or `{ text }`; `literal` false for a real date (no text). */
function day(literal: boolean): Parse {
  return (value) => {
    if (value instanceof Date) {
      if (!isDayObject(value)) throw GIVE_UP;
      return value;
    }
    if (typeof value === "string") {
      if (!isDayText(value)) throw GIVE_UP;
      return value;
    }
    if (!literal) throw GIVE_UP;
    return object(value, literalDate);
  };
}
const date = day(true);
const realDate = day(false);

/* Blocks. */

const paragraph = shape([
  ["type", literal("paragraph"), "required"],
  ["text", text, "required"],
]);
const ordinals = shape([
  ["type", literal("ordinals"), "required"],
  ["items", list(text, 1), "required"],
]);
const generated = shape([
  ["type", literal("generated"), "required"],
  ["kind", oneOf(SentenceKind), "required"],
]);
const level: Parse = (value) => {
  if (value !== 2 && value !== 3 && value !== 4) throw GIVE_UP;
  return value;
};
const item: Shape = shape([
  ["type", literal("item"), "required"],
  ["heading", text, "required"],
  ["text", text],
  ["blocks", (value) => blocks(value)],
  ["level", level],
]);
const byType = new Map<unknown, Shape>([
  ["paragraph", paragraph],
  ["item", item],
  ["ordinals", ordinals],
  ["generated", generated],
]);

const block: Parse = (value) => {
  if (typeof value === "string") return text(value);
  if (typeof value !== "object" || value === null) throw GIVE_UP;
  const kind = byType.get((value as { type?: unknown }).type);
  if (kind === undefined) throw GIVE_UP;
  return object(value, kind);
};
const blocks = list(block, 1);

/** Items go down to （1）: the schema's `checkDepth` on a section's blocks, as a yes/no. */
function depthOk(list: readonly unknown[], at: number): boolean {
  for (const b of list) {
    if (typeof b !== "object" || (b as { type?: unknown }).type !== "item") continue;
    const entry = b as { level?: number; blocks?: unknown[] };
    if (at > 4) return false;
    if (entry.level !== undefined && entry.level < at) return false;
    if (entry.blocks && !depthOk(entry.blocks, (entry.level ?? at) + 1)) return false;
  }
  return true;
}

const section = of(
  shape(
    [
      ["heading", text, "required"],
      ["blocks", blocks, "required"],
    ],
    (s) => depthOk(s.blocks as unknown[], 2),
  ),
);

/* Meeting facts. */

const supervisor = shape([
  ["organization", text, "required"],
  ["name", text],
  ["title", text],
]);
const absentMember = shape([
  ["name", text, "required"],
  ["reason", text],
]);
const observer = shape([
  ["name", text, "required"],
  ["organization", text],
]);
const attendance = shape([
  ["expected", count],
  ["present", count],
  ["attendees", list(text)],
  ["onLeave", list(of(absentMember))],
  ["absent", list(of(absentMember))],
  ["observers", list(of(observer))],
]);
const meetingFacts = shape([
  ["kind", oneOf(MeetingKind)],
  ["theme", text],
  ["date", date],
  ["place", text],
  ["host", text],
  ["supervisors", list(of(supervisor))],
  ["agenda", list(wordsBeyond(AGENDA_TRAILING_PUNCTUATION))],
  ["attendance", of(attendance)],
  ["organizer", text],
  ["recorder", text],
  [
    "preparation",
    of(
      shape([
        ["talks", count],
        ["opinions", count],
      ]),
    ),
  ],
  [
    "criticism",
    of(
      shape([
        ["speakers", count],
        ["criticisms", count],
      ]),
    ),
  ],
]);

/* Facts. */

const evaluation = shape([
  ["excellent", count, "required"],
  ["qualified", count, "required"],
  ["basicallyQualified", count, "required"],
  ["unqualified", count, "required"],
  ["probationary", count],
]);
const rectificationItem = shape([
  ["problem", text, "required"],
  ["measure", text, "required"],
  ["owner", text],
  ["deadline", realDate],
  ["status", oneOf(RectificationStatus)],
]);
const attachment = shape([
  ["title", multilineText, "required"],
  ["table", oneOf(AttachmentTable)],
  ["paragraphs", list(text)],
]);

/* 红头文件 (document-schema.ts). */

const numberParts = shape([
  ["code", text, "required"],
  ["year", integer(1000, 9999), "required"],
  ["serial", integer(1, Limits.count), "required"],
]);
const documentNumber: Parse = (value) => {
  if (typeof value === "string") {
    if (!isDocumentNumber(value)) throw GIVE_UP;
    return value;
  }
  return object(value, numberParts);
};
const documentInfo = shape(
  [
    ["issuer", text, "required"],
    ["documentNumber", documentNumber],
    ["direction", oneOf(DocumentDirection)],
    ["signer", text],
    ["copyTo", list(text, 1)],
    ["printer", text],
    ["printDate", date],
  ],
  (info) =>
    !(info.direction === "upward" && info.signer === undefined) &&
    !(info.printer !== undefined && info.printDate === undefined) &&
    !(info.printer === undefined && (info.printDate !== undefined || info.copyTo !== undefined)),
);

const summary = shape([
  ["$schema", anyString],
  ["title", multilineText, "required"],
  ["recipient", wordsBeyond(RECIPIENT_COLON)],
  ["opening", list(text)],
  ["preparation", section, "required"],
  ["organization", section, "required"],
  ["outcomes", section, "required"],
  ["sections", list(section)],
  ["closing", list(text)],
  ["signature", text],
  ["date", date],
  ["meeting", of(meetingFacts)],
  ["evaluation", of(evaluation)],
  ["problems", list(text)],
  ["rectification", list(of(rectificationItem))],
  ["attachments", list(of(attachment))],
  ["document", of(documentInfo)],
]);

/**
 * The summary zod would return for `copy`, when `copy` is a valid summary; `undefined` when it is not, or
 * when this walk cannot tell (zod then decides and writes the issues). Never throws.
 * (Internal: the fast path of `validateSummary`.)
 * @param copy - prepareInput's copy of the input, within the limits: it is used, and changed, in place
 */
export function fastParse(copy: unknown): MeetingSummary | undefined {
  // zod reads fields with `in` and finds unknown keys with `for…in`: a field inherited from
  // Object.prototype would change what it sees, so such an environment is left to zod.
  for (const _ in {}) return undefined;
  for (const name of FIELD_NAMES) if (name in Object.prototype) return undefined;
  try {
    return object(copy, summary) as unknown as MeetingSummary;
  } catch {
    // GIVE_UP, or anything else: zod reports it.
    return undefined;
  }
}
