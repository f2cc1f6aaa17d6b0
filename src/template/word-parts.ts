/**
 * Parts of a Word file that are not the template's content, and the one part whose type the output must
 * change: Word comments (批注) are notes to the template's author, not text to fill, and a template saved
 * as .dotx declares the template content type, which Word refuses in a .docx.
 */
import type Docxtemplater from "docxtemplater";

/** The comment parts Word writes: comments.xml, commentsExtended.xml, commentsIds.xml, … */
const COMMENT_PART = /^word\/comments\w*\.xml$/;

/**
 * A docxtemplater module that keeps the comment parts out of the template: a tag quoted in a comment
 * (“把这里改成 {meeting.theme}”) is neither filled nor checked.
 */
export function commentsLeftAlone() {
  let doc: { templatedFiles?: string[] } | undefined;
  return {
    name: "MeetingSummaryCommentsLeftAlone",
    optionsTransformer<T>(options: T, docxtemplater: Docxtemplater): T {
      // docxtemplater lists the parts it fills in `templatedFiles` (not in its typings).
      doc = docxtemplater as unknown as { templatedFiles?: string[] };
      return options;
    },
    on(event: string) {
      if (event === "before-preparse" && doc?.templatedFiles) {
        doc.templatedFiles = doc.templatedFiles.filter((file) => !COMMENT_PART.test(file));
      }
    },
  };
}

/**
 * A docxtemplater module that leaves `[Content_Types].xml` as the template has it. docxtemplater parses
 * that part into a DOM for modules that edit it (none of ours do) and writes it back after every render
 * through an XML serializer, which rewrites what Word saved (line ends, quotes) and differs between
 * @xmldom/xmldom and a browser's own. Left out of its `xmlFileNames`, the part is only read (for the types
 * of the parts) and the output keeps the template's bytes, the same in Node and in a browser.
 */
export function contentTypesLeftAlone() {
  return {
    name: "MeetingSummaryContentTypesLeftAlone",
    optionsTransformer<T>(options: T): T {
      // docxtemplater lists the parts it keeps as a DOM in `xmlFileNames` (not in its typings).
      const xml = options as { xmlFileNames?: string[] };
      if (xml.xmlFileNames) xml.xmlFileNames = xml.xmlFileNames.filter((name) => name !== CONTENT_TYPES);
      return options;
    },
  };
}

const CONTENT_TYPES = "[Content_Types].xml";

const TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";
const DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

/**
 * The content types of a .dotx template's output, with the document type in place of the template type,
 * so that Word opens it as a .docx (with the template type it refuses the file); undefined when the file
 * has no template type to change.
 * @param xml - the template's `[Content_Types].xml`
 */
export function documentContentTypes(xml: string): string | undefined {
  return xml.includes(TEMPLATE_TYPE) ? xml.split(TEMPLATE_TYPE).join(DOCUMENT_TYPE) : undefined;
}
