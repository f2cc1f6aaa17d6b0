/*
 * The size limits of a summary, and the first look at untrusted input that enforces them. Before the
 * schema sees anything, one iterative walk copies the input into plain data: it reads every property once
 * (a getter that throws becomes an issue, not an exception), takes class instances and null-prototype
 * objects as the plain records they stand for, strips invalid characters on request, and stops at the
 * limits below with the path where they are passed. The schema and the renderer then only ever see data of
 * a bounded size and depth, so neither can run out of stack or memory on hostile input.
 */

import type { Issue, IssuePath } from "../errors/index.js";
import { DEFAULT_LOCALE, type Locale, type Message, messageText } from "../messages/catalogue.js";
import { limitMessages } from "./limit-messages.js";
import { fieldName } from "./messages.js";
import { stripInvalidXmlChars } from "./text.js";

/** The limits of a summary (docs/model.md, "Limits"). */
export const Limits = {
  /** Characters (UTF-16 code units) in one text field: about eight pages of a single paragraph. */
  textLength: 5_000,
  /** Entries in one list: paragraphs, items, ordinals, agenda, names, rectification rows, attachments. */
  listEntries: 1_000,
  /** Values in the whole summary: every text, number, object and list entry counts as one. */
  values: 20_000,
  /** Characters in all the texts of the summary together. */
  totalText: 500_000,
  /** Levels of nesting of objects and lists; a valid summary needs about a dozen. */
  depth: 32,
  /** The largest count (人数, 人次, 条数): sums of counts stay exact far below 2^53. */
  count: 100_000,
  /** Characters in a summary's JSON text (a file or standard input), checked before it is parsed. */
  jsonText: 16_000_000,
} as const;

/**
 * One of our issues from a limit's message: the field's path and name, then the limit's predicate, in
 * `locale` (src/model/limit-messages.ts).
 */
export function limitIssue<K extends keyof typeof limitMessages>(
  path: IssuePath,
  code: string,
  key: K,
  params: Parameters<(typeof limitMessages)[K]["en"]>[0],
  locale: Locale = DEFAULT_LOCALE,
): Issue {
  const predicate = messageText(limitMessages[key] as Message<typeof params>, params, locale);
  const field = fieldName(path, locale);
  return { path, code, message: locale === "zh-CN" ? `${field}${predicate}` : `${field} ${predicate}` };
}

/** What {@link prepareInput} gives: plain data to validate, or the issues that stop it. */
export interface PreparedInput {
  value: unknown;
  issues: Issue[];
}

/** How a thrown value reads in a message. */
function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  try {
    return String(error);
  } catch {
    return "an error";
  }
}

function isRecord(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Sets a key on a plain object, `__proto__` included (as an own property, which the schema then refuses). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else target[key] = value;
}

/**
 * Copies untrusted input into plain objects, arrays and primitives (`Date`s kept), checking the
 * {@link Limits} on the way, without recursion. Never throws: a property that cannot be read is an issue.
 * @param input - anything
 * @param strip - remove the characters a Word document cannot hold from every text
 * @returns the copy, or the issues (limits passed, unreadable properties) with their paths
 */
export function prepareInput(input: unknown, strip: boolean, locale: Locale = DEFAULT_LOCALE): PreparedInput {
  const issues: Issue[] = [];
  let values = 0;
  let text = 0;
  const root: Record<string, unknown> = { value: undefined };
  // Each entry: the value to copy, the object or list its copy goes into and under which key, and the
  // entry of that object or list (its path is made from them only for an issue).
  const stack: Entry[] = [{ value: input, into: root, key: "value", parent: undefined, depth: 0 }];
  while (stack.length > 0) {
    const entry = stack.pop() as Entry;
    const { value, into, key: at } = entry;
    values += 1;
    if (values > Limits.values) {
      return {
        value: undefined,
        issues: [limitIssue([], "too_large", "too_large_values", { max: Limits.values }, locale)],
      };
    }
    if (typeof value === "string") {
      const copy = strip ? stripInvalidXmlChars(value) : value;
      if (copy.length > Limits.textLength) {
        issues.push(
          limitIssue(
            pathOf(entry),
            "too_long",
            "too_long",
            { length: copy.length, max: Limits.textLength },
            locale,
          ),
        );
      }
      // A text too long on its own is reported as such, not as the whole summary being too large.
      text += Math.min(copy.length, Limits.textLength);
      if (text > Limits.totalText) {
        return {
          value: undefined,
          issues: [limitIssue([], "too_large", "too_large_text", { max: Limits.totalText }, locale)],
        };
      }
      put(into, at, copy);
      continue;
    }
    let kind: "list" | "record" | "other";
    try {
      // Even this can throw: for a revoked proxy.
      kind = Array.isArray(value) ? "list" : isRecord(value) ? "record" : "other";
    } catch (error) {
      issues.push(unreadable(pathOf(entry), error, locale));
      continue;
    }
    if (kind === "other") {
      put(into, at, value);
      continue;
    }
    if (entry.depth >= Limits.depth) {
      issues.push(limitIssue(pathOf(entry), "too_deep", "too_deep", { max: Limits.depth }, locale));
      continue;
    }
    try {
      if (kind === "list") {
        const list = value as unknown[];
        const length = list.length;
        if (length > Limits.listEntries) {
          issues.push(
            limitIssue(
              pathOf(entry),
              "too_many",
              "too_many",
              { count: length, max: Limits.listEntries },
              locale,
            ),
          );
          continue;
        }
        const copy: unknown[] = new Array(length);
        put(into, at, copy);
        for (let i = length - 1; i >= 0; i -= 1) readInto(list, i, copy, entry, stack, issues, locale);
      } else {
        const record = value as object;
        const keys = Object.keys(record);
        const copy: Record<string, unknown> = {};
        put(into, at, copy);
        for (let i = keys.length - 1; i >= 0; i -= 1) {
          readInto(record, keys[i] as string, copy, entry, stack, issues, locale);
        }
      }
    } catch (error) {
      // A proxy whose keys or length cannot be read.
      issues.push(unreadable(pathOf(entry), error, locale));
    }
  }
  return { value: root.value, issues };
}

/** The issue of a property that cannot be read (a getter or a proxy that throws). */
function unreadable(path: (string | number)[], error: unknown, locale: Locale): Issue {
  return limitIssue(path, "unreadable_field", "unreadable_field", { reason: reasonOf(error) }, locale);
}

/** A value {@link prepareInput} has still to copy. */
interface Entry {
  value: unknown;
  /** Where its copy goes: a copied object or list, under `key`. */
  into: Record<string, unknown> | unknown[];
  key: string | number;
  /** The entry of the object or list it is in (none for the input itself). */
  parent: Entry | undefined;
  /** How many objects and lists it is inside. */
  depth: number;
}

/**
 * An entry's path, made only for an issue: a path per value copied was most of what the copy allocated.
 */
function pathOf(entry: Entry): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: Entry | undefined = entry; at?.parent; at = at.parent) path.push(at.key);
  return path.reverse();
}

/** Puts a copy in place: in a list at its index, in an object as an own property (`__proto__` too). */
function put(into: Record<string, unknown> | unknown[], key: string | number, copy: unknown): void {
  if (typeof key === "number") (into as unknown[])[key] = copy;
  else setOwn(into as Record<string, unknown>, key, copy);
}

/**
 * Reads one property of `from` (once) and stacks it to be copied into `copy`; a property that cannot be
 * read is an issue at its path instead.
 */
function readInto(
  from: object,
  key: string | number,
  copy: Record<string, unknown> | unknown[],
  parent: Entry,
  stack: Entry[],
  issues: Issue[],
  locale: Locale,
): void {
  let value: unknown;
  try {
    value = (from as Record<string | number, unknown>)[key];
  } catch (error) {
    issues.push(unreadable([...pathOf(parent), key], error, locale));
    return;
  }
  stack.push({ value, into: copy, key, parent, depth: parent.depth + 1 });
}
