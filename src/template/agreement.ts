/**
 * Nothing lost in silence: the content of a summary that a template has no place for. A template that
 * renders cleanly may still print no `{#attachments}`, no `{meeting.place}`, no `{#isLevel4}` paragraph:
 * each field of the summary that has content and that no tag of the template prints (directly, or through
 * a standard sentence it places) is a warning naming the field, so that `renderSummary` never drops a
 * part of the report without a word.
 */
import { formatPath, type IssuePath } from "../errors/index.js";
import { labelFor } from "../model/labels.js";
import type { Block, MeetingSummary, Section } from "../model/types.js";
import type { TemplateTag } from "./inspect.js";
import { msg } from "./messages.js";
import { makeIssue, type TemplateIssue, TemplateIssueCode } from "./template-issues.js";

/** An `unplaced_content` warning; for blocks of a kind the template never prints, every such block. */
export interface UnplacedContentWarning extends TemplateIssue {
  /** Every block left out for the same reason, the first being `path` (only when there are several). */
  paths?: IssuePath[];
}

/** The block conditions of the vocabulary: a tag inside one prints only that kind of block. */
const BLOCK_KINDS = ["isParagraph", "isLevel2", "isLevel3", "isLevel4", "isOrdinal"] as const;
type BlockKind = (typeof BLOCK_KINDS)[number];

interface Need {
  path: IssuePath;
  /** Any one of these tags prints it (as written in a template). */
  printers: string[];
  /** For blocks: every block left out for the same reason, the first being `path`. */
  paths?: IssuePath[];
  /** The value, for a meeting fact: it is not left out when the summary's own text says it. */
  value?: unknown;
}

/** XML's white space and the ideographic space: what a draft may leave inside a fact. */
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x3000;
}

/** The texts inside a fact's value; undefined when it holds anything else (a count, a date). */
function textLeaves(value: unknown, into: string[] = []): string[] | undefined {
  if (typeof value === "string") {
    if (value.trim() !== "") into.push(value.trim());
    return into;
  }
  if (value === null || typeof value !== "object" || value instanceof Date) return undefined;
  for (const item of Object.values(value)) if (textLeaves(item, into) === undefined) return undefined;
  return into;
}

/**
 * Every text of the summary outside its meeting facts and 红头文件 fields: what its own words say. A list,
 * not one text: joining a long report's ~2,000 texts took longer than all the searches in them.
 */
function writtenTexts(summary: MeetingSummary): string[] {
  const { meeting: _facts, document: _document, ...written } = summary;
  const texts: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === "string") texts.push(value);
    else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) collect(value[i]);
    else if (value !== null && typeof value === "object") {
      const values = Object.values(value);
      for (let i = 0; i < values.length; i++) collect(values[i]);
    }
  };
  collect(written);
  return texts;
}

/**
 * Whether one of `texts` says `leaf`, spaces aside on either side (a draft's stray space does not make a
 * fact another): each place the leaf's first character stands is compared, skipping spaces, so a long
 * report costs a few string searches.
 */
function says(texts: readonly string[], leaf: string): boolean {
  for (const text of texts) if (text.includes(leaf)) return true;
  let bare = "";
  for (let k = 0; k < leaf.length; k++) if (!isSpace(leaf.charCodeAt(k))) bare += leaf[k];
  if (bare === "") return false;
  const first = bare[0] as string;
  for (const text of texts) {
    for (let at = text.indexOf(first); at >= 0; at = text.indexOf(first, at + 1)) {
      let i = at;
      let k = 0;
      for (; k < bare.length && i < text.length; i++) {
        if (text.charCodeAt(i) === bare.charCodeAt(k)) k++;
        else if (!isSpace(text.charCodeAt(i))) break;
      }
      if (k === bare.length) return true;
    }
  }
  return false;
}

const isBlockKind = (name: string): name is BlockKind => (BLOCK_KINDS as readonly string[]).includes(name);

/** What the template prints: its tags' fields, and, for block fields, under which conditions. */
class Printed {
  private readonly fields = new Set<string>();
  /** {@link block}'s answers, by field and kind: they depend on the tags only. */
  private readonly blocks: Record<"text" | "heading", Partial<Record<BlockKind, boolean>>> = {
    text: {},
    heading: {},
  };
  constructor(private readonly tags: readonly TemplateTag[]) {
    for (const tag of tags) {
      if (tag.known && tag.field !== undefined && (tag.sign === "" || tag.sign === "@"))
        this.fields.add(tag.field);
    }
  }
  has(field: string): boolean {
    return this.fields.has(field);
  }
  /** Whether a field of a section's block is printed for blocks of `kind`. */
  block(field: "text" | "heading", kind: BlockKind): boolean {
    let answer = this.blocks[field][kind];
    if (answer === undefined) {
      answer = this.tags.some(
        (tag) =>
          tag.known &&
          tag.sign === "" &&
          tag.field === `sections.blocks.${field}` &&
          tag.scope
            .split(".")
            .filter(isBlockKind)
            .every((condition) => condition === kind),
      );
      this.blocks[field][kind] = answer;
    }
    return answer;
  }
}

/** What a template's tags print, kept with the tags (they are the analysis a compiled template keeps). */
const printedByTags = new WeakMap<readonly TemplateTag[], Printed>();

function printedBy(tags: readonly TemplateTag[]): Printed {
  let printed = printedByTags.get(tags);
  if (!printed) {
    printed = new Printed(tags);
    printedByTags.set(tags, printed);
  }
  return printed;
}

const usage = (field: string) => `{${field}}`;

function hasText(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

const TEXT: readonly ("text" | "heading")[] = ["text"];
const HEADING: readonly ("text" | "heading")[] = ["heading"];
const HEADING_AND_TEXT: readonly ("text" | "heading")[] = ["heading", "text"];

/** Where the blocks' needs go: what the template prints, and what it leaves out, grouped. */
interface BlockWalk {
  printed: Printed;
  /** The standard sentences a `generated` block places where the template prints it. */
  placedSentences: Set<string>;
  /** One warning per kind of block and field left out, with every block left out for that reason. */
  warnings: Map<string, Need & { paths: IssuePath[] }>;
}

/**
 * Each block of a section, in reading order, checked against what the template prints: a block the
 * template leaves out joins the warning for its kind (its path is only made then).
 */
function blockNeeds(blocks: readonly Block[], path: IssuePath, level: 2 | 3 | 4, walk: BlockWalk) {
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    let kind: BlockKind;
    let fields: readonly ("text" | "heading")[];
    let sentence: string | undefined;
    if (typeof block === "string" || block.type === "paragraph") {
      kind = "isParagraph";
      fields = TEXT;
    } else if (block.type === "generated") {
      kind = "isParagraph";
      fields = TEXT;
      sentence = block.kind;
    } else if (block.type === "ordinals") {
      if (block.items.length === 0) continue;
      kind = "isOrdinal";
      fields = TEXT;
    } else if (block.type === "item") {
      kind = `isLevel${level}` as BlockKind;
      fields = block.text ? HEADING_AND_TEXT : HEADING;
    } else continue;
    if (fields.every((f) => walk.printed.block(f, kind))) {
      if (sentence !== undefined) walk.placedSentences.add(sentence);
    } else {
      const missing = fields.filter((f) => !walk.printed.block(f, kind));
      const at = [...path, i];
      const key = `${kind}\u0000${missing.join()}`;
      const known = walk.warnings.get(key);
      if (known) known.paths.push(at);
      else {
        const printers = missing.map((f) => `{#${kind}}…{${f}}…{/${kind}}`);
        walk.warnings.set(key, { path: at, printers, paths: [at] });
      }
    }
    if (typeof block === "object" && block.type === "item" && block.blocks) {
      blockNeeds(block.blocks, [...path, i, "blocks"], Math.min(level + 1, 4) as 3 | 4, walk);
    }
  }
}

/**
 * The warnings for content of `summary` that the template prints nowhere.
 * @param summary - the validated summary
 * @param tags - the template's tags, as `inspectTemplate` finds them (with their fields)
 * @returns one `unplaced_content` warning per field left out, with its path; the meeting facts and the
 *   红头文件's fields one warning each, listing every field left out in `paths`
 * @example
 * unplacedContent(summaryWithAttachments, tagsOf(templateWithoutAttachments))[0]
 * //=> { code: "unplaced_content", path: ["attachments"], message: "The summary's attachments (附件) has content, but …" }
 */
export function unplacedContent(summary: MeetingSummary, tags: readonly TemplateTag[]): TemplateIssue[] {
  const printed = printedBy(tags);
  const needs: Need[] = [];
  const need = (path: IssuePath, value: unknown, ...printers: string[]) => {
    if (hasText(value)) needs.push({ path, printers, ...(path[0] === "meeting" && { value }) });
  };
  // A fact the summary's own paragraphs already state (a report typed in full, or imported from a draft,
  // has its facts in its text as well) is printed, whatever the template's tags.
  let written: string[] | undefined;
  const stated = (value: unknown) => {
    const leaves = textLeaves(value);
    if (leaves === undefined || leaves.length === 0) return false;
    written ??= writtenTexts(summary);
    return leaves.every((leaf) => says(written as string[], leaf));
  };

  // The body: sections and their blocks. Generated sentences placed in them print as paragraphs.
  const sections: [IssuePath, Section][] = [
    [["preparation"], summary.preparation],
    [["organization"], summary.organization],
    [["outcomes"], summary.outcomes],
    ...(summary.sections ?? []).map((s, i): [IssuePath, Section] => [["sections", i], s]),
  ];
  const placedSentences = new Set<string>();
  // One warning per kind of block and field left out: the first block of that kind names it, and
  // `paths` lists them all.
  const blockWarnings = new Map<string, Need & { paths: IssuePath[] }>();
  const walk: BlockWalk = { printed, placedSentences, warnings: blockWarnings };
  for (const [path, section] of sections) {
    if (!section) continue;
    need([...path, "heading"], section.heading, "sections.heading");
    blockNeeds(section.blocks, [...path, "blocks"], 2, walk);
  }
  // A standard sentence prints where the template places it, or where the summary's blocks do.
  const sentence = (kind: string) => [`facts.sentences.${kind}`, ...(placedSentences.has(kind) ? ["*"] : [])];

  need(["title"], summary.title, "title");
  need(["recipient"], summary.recipient, "recipient");
  need(["opening"], summary.opening, "opening.text");
  needs.push(...blockWarnings.values());
  need(["closing"], summary.closing, "closing.text");
  need(["signature"], summary.signature, "signature", "signOff", "document.signOff");
  need(["date"], summary.date, "date", "signOff", "document.signOff");

  const m = summary.meeting ?? {};
  for (const key of ["kind", "theme", "date", "place", "host", "organizer"] as const) {
    need(["meeting", key], m[key], `meeting.${key}`, ...sentence("meeting"));
  }
  need(["meeting", "recorder"], m.recorder, "meeting.recorder");
  need(
    ["meeting", "supervisors"],
    m.supervisors,
    "meeting.supervisors.organization",
    "meeting.supervisorOrganizations",
    ...sentence("meeting"),
  );
  need(["meeting", "agenda"], m.agenda, "meeting.agenda.text", ...sentence("agenda"));
  const a = m.attendance ?? {};
  for (const key of ["expected", "present", "onLeave", "absent", "observers"] as const) {
    need(["meeting", "attendance", key], a[key], `meeting.attendance.${key}`, ...sentence("meeting"));
  }
  need(["meeting", "attendance", "attendees"], a.attendees, "meeting.attendance.attendees");
  need(["meeting", "preparation", "talks"], m.preparation?.talks, "facts.talks", ...sentence("preparation"));
  need(
    ["meeting", "preparation", "opinions"],
    m.preparation?.opinions,
    "facts.opinions",
    ...sentence("preparation"),
  );
  need(
    ["meeting", "criticism", "speakers"],
    m.criticism?.speakers,
    "facts.speakers",
    ...sentence("criticism"),
  );
  need(
    ["meeting", "criticism", "criticisms"],
    m.criticism?.criticisms,
    "facts.criticisms",
    ...sentence("criticism"),
  );

  const tables = new Set((summary.attachments ?? []).map((x) => x.table));
  need(
    ["evaluation"],
    summary.evaluation,
    "facts.evaluation.excellent",
    ...sentence("evaluation"),
    ...(tables.has("evaluation") ? ["attachments.evaluationRows.count"] : []),
  );
  need(["problems"], summary.problems, "facts.problems.text");
  need(
    ["rectification"],
    summary.rectification,
    "facts.rectification.measure",
    ...(tables.has("rectification") ? ["attachments.rectificationRows.measure"] : []),
  );
  (summary.attachments ?? []).forEach((attachment, i) => {
    need(["attachments", i, "title"], attachment.title, "attachments.title");
    need(["attachments", i, "paragraphs"], attachment.paragraphs, "attachments.paragraphs.text");
  });

  const d = summary.document;
  if (d) {
    need(["document", "issuer"], d.issuer, "document.mark", "document.minutesMark");
    need(["document", "documentNumber"], d.documentNumber, "document.number");
    need(["document", "signer"], d.signer, "document.signer");
    need(["document", "copyTo"], d.copyTo, "document.copyTo");
    need(["document", "printer"], d.printer, "document.printer");
    need(["document", "printDate"], d.printDate, "document.printDate");
  }

  // The fields of the meeting facts and of the 红头文件 left out are one warning each (the first names
  // the group, `paths` lists every field): a template that prints no meeting facts says so once.
  const unplaced: Need[] = [];
  const grouped = new Map<string, Need & { paths: IssuePath[] }>();
  for (const item of needs) {
    const { printers } = item;
    if (printers.some((p) => p === "*" || printed.has(p) || p.startsWith("{#"))) {
      // Block needs carry their own (conditional) printers: they are only listed when missing.
      if (!printers.every((p) => p.startsWith("{#"))) continue;
    }
    const group = item.path[0];
    if (group === "meeting" && stated(item.value)) continue;
    if (group !== "meeting" && group !== "document") {
      unplaced.push(item);
      continue;
    }
    const known = grouped.get(group);
    if (known) known.paths.push(item.path);
    else {
      const first = { ...item, paths: [item.path] };
      grouped.set(group, first);
      unplaced.push(first);
    }
  }

  const warnings: TemplateIssue[] = [];
  for (const { path, printers, paths } of unplaced) {
    const wanted = (list: readonly string[]) =>
      templateWanted(list.filter((p) => p !== "*").map((p) => (p.startsWith("{") ? p : usage(p))));
    const group = paths && paths.length > 1 && !path.includes("blocks") ? (path[0] as string) : undefined;
    const issue = group
      ? makeIssue(
          TemplateIssueCode.UnplacedContent,
          msg("unplaced_group", {
            path: group,
            label: labelFor([group]) ?? "",
            fields: paths?.map((p) => formatPath(p.slice(1))) ?? [],
            wanted: wanted([...new Set(groupPrinters(needs, paths ?? []))]),
          }),
        )
      : makeIssue(
          TemplateIssueCode.UnplacedContent,
          msg("unplaced_content", {
            path: formatPath(path),
            label: labelFor(path) ?? "",
            wanted: wanted(printers),
            more: (paths?.length ?? 1) - 1,
          }),
        );
    issue.path = group ? [group] : path;
    if (paths && paths.length > 1) (issue as UnplacedContentWarning).paths = paths;
    warnings.push(issue);
  }
  return warnings;
}

/** The tags that would print the fields at `paths` (each field's own, and the sentence they share). */
function groupPrinters(needs: readonly Need[], paths: readonly IssuePath[]): string[] {
  const wanted = new Set(paths.map((p) => formatPath(p)));
  const group = paths[0]?.[0];
  const printers = needs
    .filter((n) => n.path[0] === group && wanted.has(formatPath(n.path)))
    .flatMap((n) => n.printers);
  // The shared sentence (facts.sentences.*) first, then the fields' own tags, four at most.
  const shared = printers.filter((p) => p.startsWith("facts.sentences."));
  const own = printers.filter((p) => !p.startsWith("facts.sentences."));
  const list = [...new Set([...shared, ...own])];
  return list.length > 5 ? [...list.slice(0, 4), "{…}"] : list;
}

function templateWanted(tags: readonly string[]) {
  return tags.join(" / ");
}
