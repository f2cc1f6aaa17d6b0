import { closest, distance } from "fastest-levenshtein";
import * as z from "zod";
import { formatPath, type Issue, type IssuePath } from "../errors/index.js";
import { DEFAULT_LOCALE, type Locale } from "../messages/catalogue.js";
import { codeOf, type ModelMessageKey, type ModelMessageParams, modelMessages } from "./messages.js";

/*
 * zod's issues → ours: one issue per problem, a stable code, and a sentence in the language asked for
 * (src/model/messages.ts). The schema knows no language: a refinement hands over the key of its message
 * and the message's parameters (see `fail`), and the sentence is written here, when zod's issues become
 * ours. zod drops the schema from finalized issues, so the parse-time error map below hands over what the
 * sentences need (the fields an object allows, the name of a union) through the issue's message.
 */

type RawIssue = z.core.$ZodRawIssue;

/**
 * Adds one of our issues inside a zod refinement: the key of its message (whose code is the issue's) and
 * the message's parameters travel in `params` (see `convert`); `path` (relative to the refined value)
 * points deeper.
 */
export function fail<K extends ModelMessageKey>(
  ctx: z.RefinementCtx,
  key: K,
  params: ModelMessageParams<K>,
  input: unknown,
  path?: (string | number)[],
): void {
  ctx.addIssue({
    code: "custom",
    message: key,
    params: { key, values: params },
    input,
    continue: true,
    ...(path ? { path } : {}),
  });
}

/** Passed as the `error` option of `safeParse`: runs while the failing schema is still known. */
export function issueHints(issue: RawIssue): string | undefined {
  const def = (issue.inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def;
  if (issue.code === "unrecognized_keys" && def?.shape) return JSON.stringify(Object.keys(def.shape));
  if (issue.code === "invalid_union" && issue.inst) {
    const title = z.globalRegistry.get(issue.inst as z.ZodType)?.title;
    return title ? `union:${title}` : undefined;
  }
  return undefined;
}

/** The closest of `candidates` to `word`, when it is close enough to be a likely misspelling. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(word, candidates as string[]);
  return distance(word.toLowerCase(), best.toLowerCase()) <= Math.max(2, Math.floor(best.length / 3))
    ? best
    : undefined;
}

/**
 * An issue at `path` with the message `key` (src/model/messages.ts) in `locale`; its code is the key's,
 * unless `code` is given.
 */
export function make<K extends ModelMessageKey>(
  path: IssuePath,
  key: K,
  params: ModelMessageParams<K>,
  locale: Locale = DEFAULT_LOCALE,
  code: string = codeOf(key),
): Issue {
  const message = modelMessages[key][locale] as (p: object) => string;
  return { path, code, message: message({ ...params, path }) };
}

/** Converts zod issues (with `reportInput` on) into ours, in document order, written in `locale`. */
export function toIssues(
  zodIssues: readonly z.core.$ZodIssue[],
  base: IssuePath = [],
  locale: Locale = DEFAULT_LOCALE,
): Issue[] {
  return withoutUnsafeIntegerRepeats(zodIssues).flatMap((issue) => convert(issue, base, locale));
}

/**
 * A count past 2^53 fails both zod's safe-integer check and our own maximum: keep only ours, which names
 * the real limit.
 */
function withoutUnsafeIntegerRepeats(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.filter(
    (issue, i) =>
      !(
        issue.code === "too_big" &&
        issue.origin === "int" &&
        issues.some(
          (other, j) =>
            j !== i &&
            other.code === "too_big" &&
            other.origin === "number" &&
            formatPath(other.path as IssuePath) === formatPath(issue.path as IssuePath),
        )
      ),
  );
}

function convert(issue: z.core.$ZodIssue, base: IssuePath, locale: Locale): Issue[] {
  const path: IssuePath = [...base, ...(issue.path as (string | number)[])];
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case "custom": {
      const ours = issue.params as { key?: ModelMessageKey; values?: object } | undefined;
      if (ours?.key === undefined) return [make(path, "invalid", { detail: issue.message }, locale)];
      return [make(path, ours.key, ours.values as never, locale)];
    }
    case "invalid_type":
      if (input === undefined) return [make(path, "required", {}, locale)];
      return [make(path, "invalid_type", { expected: issue.expected, got: input }, locale)];
    case "unrecognized_keys": {
      const allowed: string[] = safeJson(issue.message) ?? [];
      return issue.keys.map((key) =>
        make([...path, key], "unknown_field", { suggestion: suggest(key, allowed), allowed }, locale),
      );
    }
    case "too_small":
      if (issue.origin === "number") {
        return [make(path, "too_small", { minimum: issue.minimum, got: input }, locale)];
      }
      return [make(path, issue.origin === "array" ? "empty.list" : "empty", {}, locale)];
    case "too_big":
      if (issue.origin === "number" || issue.origin === "int") {
        return [make(path, "too_big", { maximum: issue.maximum, got: input }, locale)];
      }
      return [make(path, "invalid", { detail: issue.message }, locale, issue.code)];
    case "invalid_value":
      return [make(path, "invalid_value", { values: issue.values, got: input }, locale)];
    case "invalid_union":
      return convertUnion(issue, path, input, locale);
    default:
      return [make(path, "invalid", { detail: issue.message }, locale, issue.code)];
  }
}

function convertUnion(
  issue: z.core.$ZodIssueInvalidUnion,
  path: IssuePath,
  input: unknown,
  locale: Locale,
): Issue[] {
  if ((issue as { note?: string }).note === "No matching discriminator") {
    const options = ((issue as { options?: unknown[] }).options ?? []).map(String);
    const got =
      typeof input === "object" && input !== null ? (input as Record<string, unknown>).type : undefined;
    if (got === undefined) return [make(path, "required.blockType", { options }, locale)];
    const suggestion = typeof got === "string" ? suggest(got, options) : undefined;
    return [make(path, "unknown_block_type", { options, got: got as string, suggestion }, locale)];
  }
  if (input instanceof Date) return [make(path, "invalid_date.object", {}, locale)];
  // A branch whose own type matched the input (its issues are not a type mismatch at the union itself)
  // says what is wrong far better than "matches none of".
  const matched = issue.errors.filter(
    (branch) => !branch.some((sub) => sub.path.length === 0 && sub.code === "invalid_type"),
  );
  if (matched.length === 1 && matched[0]) return toIssues(matched[0], path, locale);
  if (issue.message === "union:Date" || issue.message === "union:LiteralDate") {
    return [make(path, "invalid_date.form", { got: input }, locale)];
  }
  if (issue.message === "union:Block") return [make(path, "invalid_block", { got: input }, locale)];
  return [make(path, "invalid_type.form", { got: input }, locale)];
}

function safeJson(text: string): string[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.map(String) : undefined;
  } catch {
    return undefined;
  }
}
