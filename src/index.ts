/**
 * meeting-summary-docx: a typed MeetingSummary → an official Chinese Word report (GB/T 9704-2012).
 *
 * The pipeline: input → `parseSummary` (validate once) → `toView` (numbers, dates) → a template (built-in
 * or yours) filled by docxtemplater → bytes. `renderSummary` runs all of it. This entry point has no
 * Node-only code; file helpers live in `meeting-summary-docx/node`.
 */

// Errors
export {
  ErrorCode,
  formatPath,
  InvalidSummaryError,
  type Issue,
  type IssuePath,
  MeetingSummaryError,
  TemplateError,
} from "./errors/index.js";
export { formatChineseDate } from "./format/date.js";
// The 红头文件 and 纪要 formats: their model fields, view data and layout options
export { type DocumentView, formatDocumentNumber } from "./format/document-view.js";
export { chineseNumeral, itemNumber, ordinalLead, sectionNumber } from "./format/numbering.js";
// View data and text helpers (the tag vocabulary templates are filled with)
export { toView } from "./format/view.js";
export type {
  AttendanceView,
  BlockView,
  MeetingView,
  ParagraphView,
  SectionView,
  SummaryView,
  SupervisorView,
} from "./format/view-types.js";
export { FontSet, type LayoutOptions, LINES_PER_PAGE, Margins } from "./layout/options.js";
export { DocumentDirection, type DocumentInfo, type DocumentNumberParts } from "./model/document-types.js";
export { toJsonSchema } from "./model/json-schema.js";
export {
  InvalidCharacters,
  type ParseOptions,
  parseSummary,
  type ValidationResult,
  validateSummary,
} from "./model/parse.js";
export { meetingSummarySchema } from "./model/schema.js";
// The model
export type {
  AbsentMember,
  Attendance,
  Block,
  DateInput,
  ItemBlock,
  LiteralDate,
  MeetingFacts,
  MeetingSummary,
  Observer,
  OrdinalsBlock,
  ParagraphBlock,
  Section,
  Supervisor,
} from "./model/types.js";
export { MeetingKind } from "./model/types.js";
// Render
export { type RenderOptions, renderSummary } from "./render-summary.js";
// Templates
export { BuiltInTemplate, builtInTemplate } from "./template/builtin.js";
export {
  MissingValues,
  type RenderTemplateOptions,
  renderTemplate,
  type TemplateIssue,
} from "./template/render.js";

// Left internal on purpose: the layout builders (src/layout) are reached through builtInTemplate(), so the
// GB/T 9704 numbers can change without breaking callers; zip helpers and the CLI runner are plumbing.
