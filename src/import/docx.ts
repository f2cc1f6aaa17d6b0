/**
 * The Word (.docx) draft reader. Placeholder until the reader lands: it only says so.
 */
import type { Locale } from "../messages/catalogue.js";
import type { DraftReading } from "./draft.js";

/** Options of {@link readDocxDraft}. */
export interface DocxDraftOptions {
  locale?: Locale;
}

/**
 * Reads a .docx draft as Word shows it.
 * @throws Error: not yet available in this build
 */
export function readDocxDraft(_bytes: Uint8Array, _options: DocxDraftOptions = {}): DraftReading {
  throw new Error(
    "Reading Word (.docx) drafts is not yet available in this build: save the draft as plain text (.txt) and import that.",
  );
}
