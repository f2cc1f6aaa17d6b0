/*
 * fast-check arbitraries of valid summaries, for the property tests (__tests__/fuzz): every field of the
 * model, every template and layout, texts of arbitrary Unicode (CJK, XML's special characters, docxtemplater's
 * braces, astral characters), each with the list of texts the document must show, in reading order.
 */
import fc from "fast-check";
import { AGENDA_TRAILING_PUNCTUATION, RECIPIENT_COLON } from "../../src/format/punctuation";
import type { LayoutOptions } from "../../src/layout/options";
import { findInvalidXmlChar } from "../../src/model/text";
import type { Block, MeetingSummary, Section } from "../../src/model/types";
import type { BuiltInTemplate } from "../../src/template/builtin";

/** One character: mostly Chinese and report punctuation, often XML's and the template's special ones, any code point now and then. */
const char = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(..."支部党员会议组织生活整改落实问题学习中共委员会报告同志") },
  { weight: 3, arbitrary: fc.constantFrom(..."，。；：、“”（）《》—…") },
  { weight: 3, arbitrary: fc.constantFrom(..."<>&\"'{}[]$#%\\/|~ \t") },
  { weight: 2, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
);

/** A single-paragraph text the model accepts. */
export const text = (maxLength = 24): fc.Arbitrary<string> =>
  fc
    .string({ unit: char, minLength: 1, maxLength })
    .filter((s) => s.trim() !== "" && !/[\r\n]/.test(s) && findInvalidXmlChar(s) === undefined);

/** A title: lines joined by "\n", "\r\n" or "\r". */
const title = fc
  .tuple(fc.array(text(), { minLength: 1, maxLength: 3 }), fc.constantFrom("\n", "\r\n", "\r"))
  .map(([lines, br]) => lines.join(br));

const isoDate = fc
  .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const block = (level: number): fc.Arbitrary<Block> => {
  const leaves: fc.Arbitrary<Block>[] = [
    text(60),
    text(60).map((t) => ({ type: "paragraph" as const, text: t })),
    fc.array(text(), { minLength: 1, maxLength: 4 }).map((items) => ({ type: "ordinals" as const, items })),
  ];
  if (level > 4) return fc.oneof(...leaves);
  const item = fc.record(
    {
      type: fc.constant("item" as const),
      heading: text(),
      text: text(60),
      blocks: fc.array(block(level + 1), { minLength: 1, maxLength: 2 }),
    },
    { requiredKeys: ["type", "heading"] },
  );
  return fc.oneof({ weight: 3, arbitrary: fc.oneof(...leaves) }, { weight: 1, arbitrary: item });
};

const section: fc.Arbitrary<Section> = fc.record({
  heading: text(),
  blocks: fc.array(block(2), { minLength: 1, maxLength: 4 }),
});

const member = fc.record({ name: text(8), reason: text(8) }, { requiredKeys: ["name"] });

/** 出席情况 that adds up: 实到 = the names present, 应到 = 实到 + 请假 + 缺席. */
const attendance = fc
  .record({
    attendees: fc.array(text(8), { maxLength: 4 }),
    onLeave: fc.array(member, { maxLength: 2 }),
    absent: fc.array(member, { maxLength: 2 }),
    observers: fc.array(fc.record({ name: text(8), organization: text(8) }, { requiredKeys: ["name"] }), {
      maxLength: 2,
    }),
  })
  .map((a) => ({
    expected: a.attendees.length + a.onLeave.length + a.absent.length,
    present: a.attendees.length,
    ...a,
  }));

const meeting = fc.record(
  {
    kind: fc.constantFrom("组织生活会", "民主生活会", "专题组织生活会", "专题民主生活会" as const),
    theme: text(),
    date: fc.oneof(
      { weight: 4, arbitrary: isoDate },
      { weight: 1, arbitrary: text(12).map((t) => ({ text: t })) },
    ),
    place: text(),
    host: text(),
    organizer: text(),
    supervisors: fc.array(
      fc.record({ organization: text(), name: text(), title: text() }, { requiredKeys: ["organization"] }),
      { minLength: 1, maxLength: 2 },
    ),
    agenda: fc.array(
      text().filter((t) => t.replace(AGENDA_TRAILING_PUNCTUATION, "").trim() !== ""),
      { minLength: 1, maxLength: 3 },
    ),
    preparation: fc.record({ talks: fc.nat(500), opinions: fc.nat(500) }, { requiredKeys: [] }),
    criticism: fc.record({ speakers: fc.nat(30), criticisms: fc.nat(200) }, { requiredKeys: [] }),
    attendance,
  },
  { requiredKeys: ["date", "organizer"] },
);

const evaluation = fc
  .tuple(fc.nat(40), fc.nat(10), fc.nat(5), fc.nat(5))
  .chain(([qualified, basicallyQualified, unqualified, probationary]) =>
    fc.nat(Math.floor((qualified + basicallyQualified + unqualified) / 2)).map((excellent) => ({
      excellent,
      qualified,
      basicallyQualified,
      unqualified,
      probationary,
    })),
  );

const rectificationItem = fc.record(
  {
    problem: text(40),
    measure: text(40),
    owner: text(),
    deadline: isoDate,
    status: fc.constantFrom("已完成", "整改中", "长期坚持" as const),
  },
  { requiredKeys: ["problem", "measure"] },
);

/** A 机关代字: the 发文字号 has a strict shape, checked by its own tests. */
const issuerCode = fc.string({ unit: fc.constantFrom(..."某委发办组党A"), minLength: 1, maxLength: 6 });

const documentInfo = fc
  .record(
    {
      issuer: text(),
      documentNumber: fc.oneof(
        fc
          .tuple(issuerCode, fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 999 }))
          .map(([code, year, serial]) => `${code}〔${year}〕${serial}号`),
        fc.record({
          code: issuerCode,
          year: fc.integer({ min: 1000, max: 9999 }),
          serial: fc.integer({ min: 1, max: 999 }),
        }),
      ),
    },
    // The document template requires its 版头 (发文机关标志, 发文字号) and 版记 (印发机关, 印发日期).
    { requiredKeys: ["issuer", "documentNumber"] },
  )
  .chain((info) =>
    fc
      .oneof(
        fc.constant({}),
        fc.constant({ direction: "downward" as const }),
        text(8).map((signer) => ({ direction: "upward" as const, signer })),
      )
      .map((direction) => ({ ...info, ...direction })),
  )
  .chain((info) =>
    fc
      .record(
        { copyTo: fc.array(text(), { minLength: 1, maxLength: 3 }), printer: text(), printDate: isoDate },
        { requiredKeys: ["printer", "printDate"] },
      )
      .map((colophon) => ({ ...info, ...colophon })),
  );

/** A valid summary using every part of the model, with the template and layout to render it with. */
export const renderCase = fc
  .record(
    {
      title,
      recipient: text().filter((t) => t.replace(RECIPIENT_COLON, "").trim() !== ""),
      opening: fc.array(text(60), { minLength: 1, maxLength: 2 }),
      preparation: section,
      organization: section,
      outcomes: section,
      sections: fc.array(section, { minLength: 1, maxLength: 2 }),
      closing: fc.array(text(60), { minLength: 1, maxLength: 2 }),
      signature: text(),
      date: fc.oneof(
        isoDate,
        text(12).map((t) => ({ text: t })),
      ),
      meeting,
      evaluation,
      problems: fc.array(text(), { minLength: 1, maxLength: 3 }),
      rectification: fc.array(rectificationItem, { minLength: 1, maxLength: 3 }),
      attachmentParagraphs: fc.array(fc.tuple(text(), fc.array(text(60), { maxLength: 2 })), {
        maxLength: 2,
      }),
      document: documentInfo,
    },
    {
      requiredKeys: ["title", "preparation", "organization", "outcomes", "attachmentParagraphs", "document"],
    },
  )
  .chain(({ attachmentParagraphs, ...fields }) =>
    fc.record({
      summary: fc.constant(withFactsInUse({ ...fields, attachmentParagraphs })),
      template: fc.constantFrom<BuiltInTemplate>("report", "document", "minutes"),
      layout: fc.record<LayoutOptions>(
        {
          fonts: fc.constantFrom("gb2312", "plain"),
          margins: fc.constantFrom("print", "screen"),
          linesPerPage: fc.integer({ min: 18, max: 26 }),
        },
        { requiredKeys: [] },
      ),
    }),
  )
  // The document template also requires the sign-off (署名 and 成文日期, GB/T 9704 7.3.5).
  .map(({ summary, template, layout }) => ({
    summary:
      template === "document"
        ? {
            ...summary,
            signature: summary.signature ?? "中共某某支部委员会",
            date: summary.date ?? { text: "*月*日" },
          }
        : summary,
    template,
    layout,
  }));

type Fields = Omit<MeetingSummary, "attachments"> & { attachmentParagraphs: [string, string[]][] };

/**
 * Places a generated block for each fact given (so the facts reach the text) and an attachment table for the
 * rectification list and the evaluation; attachments with paragraphs after them.
 */
function withFactsInUse({ attachmentParagraphs, ...summary }: Fields): MeetingSummary {
  const generated: Block[] = [];
  if (summary.meeting) generated.push({ type: "generated", kind: "meeting" });
  if (summary.meeting?.agenda) generated.push({ type: "generated", kind: "agenda" });
  const m = summary.meeting;
  if (m?.preparation?.talks !== undefined || m?.preparation?.opinions !== undefined) {
    generated.push({ type: "generated", kind: "preparation" });
  }
  if (m?.criticism?.speakers !== undefined || m?.criticism?.criticisms !== undefined) {
    generated.push({ type: "generated", kind: "criticism" });
  }
  if (summary.evaluation) generated.push({ type: "generated", kind: "evaluation" });
  if (summary.problems || summary.rectification) generated.push({ type: "generated", kind: "rectification" });
  const attachments: MeetingSummary["attachments"] = [];
  if (summary.rectification) attachments.push({ title: "整改清单", table: "rectification" });
  if (summary.evaluation) attachments.push({ title: "民主评议党员结果", table: "evaluation" });
  for (const [title, paragraphs] of attachmentParagraphs) {
    attachments.push({ title, paragraphs: paragraphs.length > 0 ? paragraphs : [title] });
  }
  // A report is dated on or after its meeting (a rule: report_before_meeting).
  const meetingDate = summary.meeting?.date;
  const date =
    typeof summary.date === "string" && typeof meetingDate === "string" && summary.date < meetingDate
      ? meetingDate
      : summary.date;
  return {
    ...summary,
    ...(date === undefined ? {} : { date }),
    organization: { ...summary.organization, blocks: [...generated, ...summary.organization.blocks] },
    ...(attachments.length > 0 ? { attachments } : {}),
  };
}

function blockTexts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b): string[] => {
    if (typeof b === "string") return [b];
    if (b.type === "paragraph") return [b.text];
    if (b.type === "ordinals") return b.items;
    if (b.type === "item") return [b.heading, ...(b.text ? [b.text] : []), ...blockTexts(b.blocks ?? [])];
    return [];
  });
}

/**
 * The texts of the body the document shows in this order: title, recipient, 导语, sections, 结束语,
 * signature, attachments (their titles and paragraphs). Line breaks of the title as "\n".
 */
export function bodyTextsInOrder(summary: MeetingSummary): string[] {
  const sections = [summary.preparation, summary.organization, summary.outcomes, ...(summary.sections ?? [])];
  return [
    summary.title.replace(/\r\n?/g, "\n"),
    ...(summary.recipient ? [summary.recipient] : []),
    ...(summary.opening ?? []),
    ...sections.flatMap((s) => [s.heading, ...blockTexts(s.blocks)]),
    ...(summary.closing ?? []),
    ...(summary.signature ? [summary.signature] : []),
  ];
}

/** Every other text the template prints somewhere: facts written into sentences, table cells, the 版头 and 版记. */
export function factTexts(summary: MeetingSummary, template: BuiltInTemplate): string[] {
  const m = summary.meeting;
  const d = summary.document;
  const inDocument = template !== "report";
  return [
    ...(m?.organizer ? [m.organizer] : []),
    ...(m?.place ? [m.place] : []),
    ...(m?.theme ? [m.theme] : []),
    ...(m?.host ? [m.host] : []),
    ...(m?.supervisors ?? []).flatMap((s) => [
      s.organization,
      ...(s.name ? [s.name, ...(s.title ? [s.title] : [])] : []),
    ]),
    ...(m?.attendance?.onLeave ?? []).flatMap((p) => [p.name, ...(p.reason ? [p.reason] : [])]),
    ...(m?.attendance?.absent ?? []).flatMap((p) => [p.name, ...(p.reason ? [p.reason] : [])]),
    ...(m?.attendance?.observers ?? []).flatMap((p) => [...(p.organization ? [p.organization] : []), p.name]),
    ...(template === "minutes" ? (m?.attendance?.attendees ?? []) : []),
    ...(m?.agenda ?? []).map((a) => a.replace(AGENDA_TRAILING_PUNCTUATION, "")),
    ...(summary.rectification ?? []).flatMap((r) => [r.problem, r.measure, ...(r.owner ? [r.owner] : [])]),
    ...(summary.attachments ?? []).flatMap((a) => [a.title, ...(a.paragraphs ?? [])]),
    ...(d && inDocument ? [d.issuer] : []),
    ...(d && template === "document" && typeof d.documentNumber === "string" ? [d.documentNumber] : []),
    ...(d && template === "document" && d.direction === "upward" && d.signer ? [d.signer] : []),
    ...(d && template === "document" ? [...(d.copyTo ?? []), ...(d.printer ? [d.printer] : [])] : []),
  ];
}
