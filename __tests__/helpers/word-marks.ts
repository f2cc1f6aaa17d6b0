import PizZip from "pizzip";
import { replaceOnce } from "./templates";

/**
 * WordprocessingML as Word writes it when a person edits a template: the pieces below are the shapes Word
 * 2016+ saves (runs cut by w:rsid, proofing marks, revisions, comment ranges, text boxes written twice in
 * mc:AlternateContent). Each helper edits the built-in template's document.xml the way a person would.
 */

const AUTHOR = 'w:author="办公室" w:date="2026-01-10T09:00:00Z"';

/** A paragraph of runs Word cut by revision id, with proofing marks between them. */
export function wordParagraph(
  pieces: readonly string[],
  attrs = 'w:rsidR="00A1B2C3" w:rsidRDefault="00D4E5F6"',
): string {
  const runs = pieces
    .map(
      (piece, i) =>
        `${i > 0 ? '<w:proofErr w:type="spellStart"/>' : ""}<w:r w:rsidRPr="00${(0xa10 + i).toString(16).toUpperCase()}FF"><w:t xml:space="preserve">${piece}</w:t></w:r>${i > 0 ? '<w:proofErr w:type="spellEnd"/>' : ""}`,
    )
    .join("");
  return `<w:p ${attrs}>${runs}</w:p>`;
}

/**
 * A paragraph whose text was typed with track changes on: the runs inside `<w:ins>`, and an earlier word
 * deleted (`<w:del>` with `<w:delText>`), as Word saves it before the changes are accepted.
 */
export function trackedParagraph(inserted: readonly string[], deleted = "旧地点"): string {
  const ins = inserted
    .map(
      (piece, i) =>
        `<w:ins w:id="${10 + i}" ${AUTHOR}><w:r w:rsidR="00C0FFEE"><w:t xml:space="preserve">${piece}</w:t></w:r></w:ins>`,
    )
    .join("");
  return `<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00D4E5F6"><w:r><w:t xml:space="preserve">会议地点：</w:t></w:r><w:del w:id="9" ${AUTHOR}><w:r w:rsidDel="00C0FFEE"><w:delText>${deleted}</w:delText></w:r></w:del>${ins}</w:p>`;
}

/** A text box holding `inner` paragraphs, as Word writes it: the DrawingML shape, and the VML fallback. */
export function textBoxParagraph(inner: string): string {
  return `<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00D4E5F6"><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>3000000</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="2000000" cy="600000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/><wp:docPr id="1" name="文本框 1"/><wp:cNvGraphicFramePr/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2000000" cy="600000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx><w:txbxContent>${inner}</w:txbxContent></wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape id="文本框 1" o:spid="_x0000_s1026" type="#_x0000_t202" style="position:absolute;margin-left:236pt;width:157pt;height:47pt;z-index:251659264"><v:textbox><w:txbxContent>${inner}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
}

/**
 * Adds a Word comment (批注) on the title, whose text quotes a tag: the comment range and reference in
 * document.xml, and word/comments.xml with its relationship and content type.
 */
export function withComment(docx: Uint8Array, text: string): Uint8Array {
  const zip = new PizZip(docx);
  const body = zip.file("word/document.xml")?.asText() ?? "";
  zip.file(
    "word/document.xml",
    replaceOnce(
      body,
      '<w:r><w:t xml:space="preserve">{title}</w:t></w:r>',
      '<w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">{title}</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>',
    ),
  );
  zip.file(
    "word/comments.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" ${AUTHOR} w:initials="BGS"><w:p><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p></w:comment></w:comments>`,
  );
  const rels = zip.file("word/_rels/document.xml.rels")?.asText() ?? "";
  zip.file(
    "word/_rels/document.xml.rels",
    rels.replace(
      "</Relationships>",
      '<Relationship Id="rIdComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>',
    ),
  );
  const types = zip.file("[Content_Types].xml")?.asText() ?? "";
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>',
    ),
  );
  return zip.generate({ type: "uint8array", compression: "DEFLATE" });
}

/** The template saved as a Word template (.dotx): only the main part's content type differs. */
export function asDotx(docx: Uint8Array): Uint8Array {
  const zip = new PizZip(docx);
  const types = zip.file("[Content_Types].xml")?.asText() ?? "";
  zip.file(
    "[Content_Types].xml",
    replaceOnce(
      types,
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    ),
  );
  return zip.generate({ type: "uint8array", compression: "DEFLATE" });
}

/** The content type of the main part of a .docx. */
export function mainContentType(docx: Uint8Array): string | undefined {
  const types = new PizZip(docx).file("[Content_Types].xml")?.asText() ?? "";
  const override = /<Override [^>]*PartName="\/word\/document\.xml"[^>]*>/.exec(types)?.[0] ?? "";
  return /ContentType="([^"]+)"/.exec(override)?.[1];
}
