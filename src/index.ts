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
  InvalidDraftError,
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
// Facts: 民主评议党员, 整改清单, 附件, standard sentences and the consistency checks
export { standardSentence } from "./format/sentences.js";
// View data and text helpers (the tag vocabulary templates are filled with)
export { toView, type ViewOptions } from "./format/view.js";
export type {
  AttachmentView,
  AttendanceView,
  BlockView,
  EvaluationRowView,
  EvaluationView,
  FactsAndAttachmentsView,
  FactsView,
  MeetingView,
  ParagraphView,
  RectificationRowView,
  SectionView,
  SentencesView,
  SummaryView,
  SupervisorView,
} from "./format/view-types.js";
// Draft import: plain text, Markdown or a Word .docx → a MeetingSummary
export type { DraftHints, DraftParagraph, DraftReading, DraftSource } from "./import/draft.js";
export {
  DraftFormat,
  type DraftIssue,
  type ImportDraftOptions,
  type ImportDraftResult,
  ImportIssueCode,
  importDraft,
} from "./import/index.js";
export { FontSet, type LayoutOptions, LINES_PER_PAGE, Margins } from "./layout/options.js";
export { CONSISTENCY_RULES, type ConsistencyRule, checkConsistency, Severity } from "./model/checks.js";
export { DocumentDirection, type DocumentInfo, type DocumentNumberParts } from "./model/document-types.js";
export {
  type Attachment,
  AttachmentTable,
  type CriticismFacts,
  type Evaluation,
  type GeneratedBlock,
  type PreparationFacts,
  type RectificationItem,
  RectificationStatus,
  SentenceKind,
} from "./model/facts.js";
export { toJsonSchema } from "./model/json-schema.js";
export { Limits } from "./model/limits.js";
export {
  InvalidCharacters,
  type ParseOptions,
  parseSummary,
  type ValidationResult,
  validateSummary,
} from "./model/parse.js";
export { meetingSummarySchema } from "./model/schema.js";
export { REQUIRED_BY_TEMPLATE, templateIssues } from "./model/template-checks.js";
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
export {
  type BlobLike,
  type DeepReadonly,
  type RenderOptions,
  renderSummary,
  type TemplateSource,
} from "./render-summary.js";
// Templates
export { BuiltInTemplate, builtInTemplate } from "./template/builtin.js";
export {
  MissingValues,
  type RenderTemplateOptions,
  renderTemplate,
  type TemplateIssue,
} from "./template/render.js";

// Left internal on purpose: the layouts (src/layout) are reached through builtInTemplate(), so the
// GB/T 9704 numbers can change without breaking callers; zip helpers and the CLI runner are plumbing. The
// draft readers and the recogniser (src/import) are reached through importDraft(), so their heuristics can
// improve without breaking callers.

// Reading text files (UTF-8, UTF-16 with a BOM, GB18030) and the languages messages are written in
export { DEFAULT_LOCALE, Locale, localeFromEnv } from "./messages/catalogue.js";
// Template inspection
export type { UnplacedContentWarning } from "./template/agreement.js";
export { InvalidDataError, type TemplateData } from "./template/data.js";
export {
  type InspectTemplateOptions,
  type InspectTemplateResult,
  inspectTemplate,
  type TagSign,
  type TemplateTag,
} from "./template/inspect.js";
export { TemplateLimits } from "./template/open.js";
export { TemplateIssueCode } from "./template/template-issues.js";
export { type TagInfo, TagKind } from "./template/vocabulary.js";
export { tagVocabulary } from "./template/vocabulary-docs.js";
export {
  type DecodedText,
  type DecodeTextOptions,
  decodeText,
  TextEncoding,
  TextIssueCode,
  UnreadableTextError,
} from "./text/decode.js";
