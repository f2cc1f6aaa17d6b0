import { closest, distance } from "fastest-levenshtein";
import * as z from "zod";
import { formatPath, type Issue, type IssuePath } from "../errors/index.js";
import { labelFor } from "./labels.js";

/*
 * zod's issues → ours: one issue per problem, a stable code, and a sentence that starts with the path.
 * zod drops the schema from finalized issues, so the parse-time error map below hands over what the
 * sentences need (the fields an object allows, the name of a union) through the issue's message.
 */

type RawIssue = z.core.$ZodRawIssue;

/**
 * Adds one of our issues inside a zod refinement: our code travels in `params.code` (see `convert`), the
 * message is the predicate after the path, and `path` (relative to the refined value) points deeper.
 */
export function fail(
  ctx: z.RefinementCtx,
  code: string,
  message: string,
  input: unknown,
  path?: (string | number)[],
): void {
  ctx.addIssue({
    code: "custom",
    message,
    params: { code },
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

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return "a date";
  return "an object";
}

const EXPECTED: Record<string, string> = {
  string: "text",
  array: "a list",
  object: "an object",
  date: "a date",
  number: "a number",
  boolean: "true or false",
  int: "a whole number",
};

/** The closest of `candidates` to `word`, when it is close enough to be a likely misspelling. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(word, candidates as string[]);
  return distance(word.toLowerCase(), best.toLowerCase()) <= Math.max(2, Math.floor(best.length / 3))
    ? best
    : undefined;
}

/** An issue at `path`: the message starts with the path and its Chinese name. */
export function make(path: IssuePath, code: string, predicate: string): Issue {
  const where = formatPath(path) || "The summary";
  const label = labelFor(path);
  return { path, code, message: `${where}${label ? ` (${label})` : ""} ${predicate}` };
}

function quoteList(values: readonly unknown[]): string {
  const quoted = values.map((v) => JSON.stringify(v));
  return quoted.length <= 1 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`;
}

/** Converts zod issues (with `reportInput` on) into ours, in document order. */
export function toIssues(zodIssues: readonly z.core.$ZodIssue[], base: IssuePath = []): Issue[] {
  return zodIssues.flatMap((issue) => convert(issue, base));
}

function convert(issue: z.core.$ZodIssue, base: IssuePath): Issue[] {
  const path: IssuePath = [...base, ...(issue.path as (string | number)[])];
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case "custom": {
      const code = (issue.params as { code?: string } | undefined)?.code ?? "invalid";
      return [make(path, code, issue.message)];
    }
    case "invalid_type":
      if (input === undefined) return [make(path, "required", "is required")];
      return [
        make(
          path,
          "invalid_type",
          `must be ${EXPECTED[issue.expected] ?? issue.expected} (got ${describe(input)})`,
        ),
      ];
    case "unrecognized_keys": {
      const allowed: string[] = safeJson(issue.message) ?? [];
      return issue.keys.map((key) => {
        const near = suggest(key, allowed);
        const hint = near ? `did you mean "${near}"?` : `allowed here: ${allowed.join(", ")}`;
        return make([...path, key], "unknown_field", `is not a field here (${hint})`);
      });
    }
    case "too_small":
      if (issue.origin === "number") {
        return [make(path, "too_small", `must be at least ${issue.minimum} (got ${describe(input)})`)];
      }
      return [
        make(path, "empty", issue.origin === "array" ? "must have at least one entry" : "must not be empty"),
      ];
    case "invalid_value":
      return [
        make(path, "invalid_value", `must be one of ${quoteList(issue.values)} (got ${describe(input)})`),
      ];
    case "invalid_union":
      return convertUnion(issue, path, input);
    default:
      return [make(path, issue.code, issue.message)];
  }
}

function convertUnion(issue: z.core.$ZodIssueInvalidUnion, path: IssuePath, input: unknown): Issue[] {
  if ((issue as { note?: string }).note === "No matching discriminator") {
    const options = (issue as { options?: unknown[] }).options ?? [];
    const got =
      typeof input === "object" && input !== null ? (input as Record<string, unknown>).type : undefined;
    const near = typeof got === "string" ? suggest(got, options as string[]) : undefined;
    return [
      make(
        path,
        got === undefined ? "required" : "unknown_block_type",
        got === undefined
          ? `is required: one of ${quoteList(options)}`
          : `must be one of ${quoteList(options)} (got ${describe(got)}${near ? `; did you mean "${near}"?` : ""})`,
      ),
    ];
  }
  if (input instanceof Date) {
    return [make(path, "invalid_date", "must be a valid date (got an Invalid Date)")];
  }
  // A branch whose own type matched the input (its issues are not a type mismatch at the union itself)
  // says what is wrong far better than "matches none of".
  const matched = issue.errors.filter(
    (branch) => !branch.some((sub) => sub.path.length === 0 && sub.code === "invalid_type"),
  );
  if (matched.length === 1 && matched[0]) return toIssues(matched[0], path);
  if (issue.message === "union:Date" || issue.message === "union:LiteralDate") {
    return [
      make(
        path,
        "invalid_date",
        `must be a date like 2026-01-05, or {"text": "…"} for a date not yet known (got ${describe(input)})`,
      ),
    ];
  }
  if (issue.message === "union:Block") {
    return [
      make(
        path,
        "invalid_block",
        `must be a paragraph (text) or an object with "type": "paragraph", "item", "ordinals" or "generated" (got ${describe(input)})`,
      ),
    ];
  }
  return [make(path, "invalid_type", `has an unexpected form (got ${describe(input)})`)];
}

function safeJson(text: string): string[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.map(String) : undefined;
  } catch {
    return undefined;
  }
}
