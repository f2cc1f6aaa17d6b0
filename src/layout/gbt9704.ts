/**
 * The GB/T 9704-2012 《党政机关公文格式》 numbers the built-in templates are typeset to, in the units
 * WordprocessingML stores: twips (1/20 pt) for lengths, half-points for font sizes. The comments say
 * where each figure comes from.
 */

/** Twips in one millimetre (1440 twips an inch, 25.4 mm an inch). */
export const TWIPS_PER_MM = 1440 / 25.4;

/** Millimetres to whole twips. */
export function mmToTwips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}

/** A4 paper and the margins that leave the 156 × 225 mm 版心 (text block) in place. */
export const PAGE = {
  /** 210 mm. */
  width: 11906,
  /** 297 mm. */
  height: 16838,
  /** 天头 37 mm. */
  marginTop: 2098,
  /** 35 mm: 297 − 37 − 225 (the 版心 height). */
  marginBottom: 1984,
  /** 订口 28 mm. */
  marginLeft: 1588,
  /** 26 mm: 210 − 28 − 156 (the 版心 width). */
  marginRight: 1474,
} as const;

/** The 版心's width, 156 mm (8844 twips), whatever the margins: rules and tables span it. */
export const TEXT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;

/** The 22 lines × 28 characters grid that fills the 版心. */
export const GRID = {
  lines: 22,
  chars: 28,
  /**
   * 28.95 pt = 225 mm / 22 lines: every line, exact, so a full page holds 22. Written as the section's
   * `w:docGrid w:type="lines"` too, so Word shows the grid and snaps to it.
   */
  linePitch: 579,
  /**
   * −0.25 pt after every character (`w:spacing w:val="-5"`): 28 × 16 pt is 158 mm, 2 mm wider than the
   * 版心, so a plain line holds 27. At 15.75 pt a character 28 fit (441 pt of 442.2). Word's own answer, a
   * `linesAndChars` grid with a negative `w:charSpace`, is misread by LibreOffice (about 20 a line).
   */
  characterSpacing: -5,
} as const;

/** Sizes in half-points (`w:sz`), named by the Chinese size names the standard uses. */
export const SIZE = {
  /** 2号, 22 pt: the title. */
  title: 44,
  /** 3号, 16 pt: body, headings, recipient, signature and date. */
  body: 32,
  /** 4号, 14 pt: page numbers. */
  pageNumber: 28,
} as const;

/**
 * Font names as they are installed on Chinese Windows. Every CJK font is written as `w:eastAsia` (Word
 * picks the East Asian slot for Chinese text, whatever `w:ascii` says); Latin letters and digits use
 * Times New Roman, the usual practice. No theme fonts: they would override the names.
 */
export const FONT = {
  latin: "Times New Roman",
  /** Body text, recipient, signature, date, level-3 and level-4 items. */
  fangSong: "仿宋_GB2312",
  /** Level-2 run-in headings （一）. */
  kaiTi: "楷体_GB2312",
  /** Level-1 headings 一、. */
  heiTi: "黑体",
  /** The title. */
  xiaoBiaoSong: "方正小标宋简体",
  /** Page numbers (半角 宋体), Latin digits included. */
  songTi: "宋体",
} as const;

/** One character of 3号 text (16 pt), the unit every "右空二字" and "缩进二字" is counted in. */
export const CHAR_TWIPS = 320;

/** One character of 4号 text (14 pt): the page number's 1-character inset. */
export const PAGE_NUMBER_CHAR_TWIPS = 280;

/** Body paragraphs start 2 characters in (首行缩进二字). */
export const FIRST_LINE_INDENT = 2 * CHAR_TWIPS;

/** The page-number line: 14 pt exact, so its position below the 版心 can be computed. */
export const PAGE_NUMBER_LINE = 280;

/**
 * Word's footer distance is measured from the bottom edge of the paper to the bottom of the footer's
 * last line. The standard puts the page number's em dashes (一字线) 7 mm below the 版心, and an em dash
 * sits mid-line, so: bottom margin − 7 mm − half the page-number line = 1984 − 397 − 140 = 1447 twips
 * (25.5 mm), close to the 2.5 cm many hand-made templates use.
 */
export const FOOTER_DISTANCE = PAGE.marginBottom - mmToTwips(7) - PAGE_NUMBER_LINE / 2;

/** A CJK font in the East Asian slot, Times New Roman for Latin letters and digits. */
export function cjkFont(eastAsia: string) {
  return { ascii: FONT.latin, hAnsi: FONT.latin, cs: FONT.latin, eastAsia };
}
