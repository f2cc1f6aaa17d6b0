/**
 * The three template builders in one module, the only one the library loads them through (lazily, for a
 * layout other than the default). The build bundles the `docx` package into this module
 * (scripts/finish-build.mjs), so that `docx` is needed at build time only.
 */
export { buildDocumentTemplate } from "./document.js";
export { buildMinutesTemplate } from "./minutes.js";
export { buildReportTemplate } from "./report.js";
