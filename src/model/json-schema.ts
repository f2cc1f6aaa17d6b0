import * as z from "zod";
import { meetingSummarySchema } from "./schema.js";

/**
 * The JSON Schema (draft 2020-12) of a meeting summary written as JSON, for editors and non-TypeScript
 * callers. Dates are ISO strings ("2026-01-05") or `{"text": "…"}` there: a `Date` object exists only in code.
 * The same file ships as `meeting-summary-docx/schema.json`.
 * @example
 * toJsonSchema().title //=> "MeetingSummary"
 */
export function toJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(meetingSummarySchema, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
    override(ctx) {
      // In JSON a date is an ISO string: the `Date` branch (code only) becomes the string branch's format.
      const anyOf = ctx.jsonSchema.anyOf;
      const id = z.globalRegistry.get(ctx.zodSchema)?.id;
      if ((id === "Date" || id === "RealDate") && anyOf) {
        ctx.jsonSchema.anyOf = [
          { type: "string", format: "date", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
          ...anyOf.filter((branch) => branch.type !== "string" && Object.keys(branch).length > 0),
        ];
      }
    },
  }) as Record<string, unknown>;
  return { ...schema, $id: "https://unpkg.com/meeting-summary-docx/schema/meeting-summary.schema.json" };
}
