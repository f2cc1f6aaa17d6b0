import PizZip from "pizzip";

/**
 * The timestamp written for every entry of every zip we produce. Built from local-time parts because
 * the zip format stores local (DOS) time: the same bytes come out whatever the machine's time zone.
 */
const FIXED_ZIP_DATE = new Date(1980, 0, 1, 0, 0, 0);

/**
 * Opens .docx bytes as a zip.
 * @throws Error (from pizzip) when the bytes are not a zip; callers wrap it in their own error.
 */
export function openZip(bytes: Uint8Array): PizZip {
  return new PizZip(bytes);
}

/**
 * Writes a zip with fixed entry timestamps and DEFLATE compression, so the same content always gives
 * the same bytes (callers can cache and diff documents).
 */
export function zipToBytes(zip: PizZip): Uint8Array {
  for (const file of Object.values(zip.files)) {
    file.date = FIXED_ZIP_DATE;
    file.options.date = FIXED_ZIP_DATE;
  }
  return zip.generate({ type: "uint8array", compression: "DEFLATE", platform: "DOS" });
}
