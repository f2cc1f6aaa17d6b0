/**
 * Layout options of the built-in templates, applied when a template is built (never by editing its XML
 * afterwards): the font family set, the line pitch, and the margins.
 */
import { FONT, mmToTwips, PAGE } from "./gbt9704.js";

/** Which CJK faces a built-in template names. */
export const FontSet = {
  /** 仿宋_GB2312 and 楷体_GB2312, the faces GB/T 9704 names (the default). */
  Gb2312: "gb2312",
  /** 仿宋 and 楷体, present on more machines and richer in rare characters than the _GB2312 faces. */
  Plain: "plain",
} as const;
export type FontSet = (typeof FontSet)[keyof typeof FontSet];

/** Which page margins a built-in template uses. */
export const Margins = {
  /** GB/T 9704 paper: top 37, bottom 35, left 28, right 26 mm (the default). */
  Print: "print",
  /**
   * GB/T 33476.2 screen display: top 34.58, bottom 32.58 mm, and the 156 mm text block centred (27 mm
   * left and right), since a screen has no binding edge. The text block is then 229.84 mm tall, and the
   * lines are spaced to fill it (22 lines: 29.6 pt).
   */
  Screen: "screen",
} as const;
export type Margins = (typeof Margins)[keyof typeof Margins];

/** How a built-in template is laid out. Every field is optional; the defaults are GB/T 9704's. */
export interface LayoutOptions {
  /** `"gb2312"` (default) or `"plain"`. */
  fonts?: FontSet;
  /** `"print"` (default) or `"screen"`. */
  margins?: Margins;
  /**
   * Lines on a full page, a whole number from 18 to 26 (default 22). The line pitch becomes the text
   * block's height (225 mm with the print margins) divided by it (22 → 28.95 pt), so the lines fill the
   * text block; characters per line stay 28.
   */
  linesPerPage?: number;
}

/** The smallest and largest `linesPerPage`: outside these, 3号 text no longer fits or looks sparse. */
export const LINES_PER_PAGE = { min: 18, max: 26 } as const;

/** Layout options with every default filled in. */
export interface ResolvedLayout {
  fonts: FontSet;
  margins: Margins;
  linesPerPage: number;
}

/** The GB/T 9704 defaults. */
export const DEFAULT_LAYOUT: ResolvedLayout = { fonts: "gb2312", margins: "print", linesPerPage: 22 };

const LAYOUT_KEYS = ["fonts", "margins", "linesPerPage"] as const;

/**
 * Checks layout options and fills in the defaults.
 * @param layout - the options, or undefined for the defaults
 * @returns every option with its value
 * @throws TypeError when `layout` is not an object, has an unknown key, or `linesPerPage` is not a number
 * @throws RangeError for a value outside its set or range
 * @example
 * resolveLayout({ fonts: "plain" }) //=> { fonts: "plain", margins: "print", linesPerPage: 22 }
 */
export function resolveLayout(layout?: LayoutOptions): ResolvedLayout {
  if (layout === undefined) return DEFAULT_LAYOUT;
  if (typeof layout !== "object" || layout === null || Array.isArray(layout)) {
    throw new TypeError("layout must be an object like { fonts, margins, linesPerPage }");
  }
  for (const key of Object.keys(layout)) {
    if (!(LAYOUT_KEYS as readonly string[]).includes(key)) {
      throw new TypeError(`layout.${key} is not a layout option (use ${LAYOUT_KEYS.join(", ")})`);
    }
  }
  const { fonts = DEFAULT_LAYOUT.fonts, margins = DEFAULT_LAYOUT.margins } = layout;
  const linesPerPage = layout.linesPerPage ?? DEFAULT_LAYOUT.linesPerPage;
  if (!(Object.values(FontSet) as unknown[]).includes(fonts)) {
    throw new RangeError(`layout.fonts must be "gb2312" or "plain" (got ${JSON.stringify(fonts)})`);
  }
  if (!(Object.values(Margins) as unknown[]).includes(margins)) {
    throw new RangeError(`layout.margins must be "print" or "screen" (got ${JSON.stringify(margins)})`);
  }
  if (typeof linesPerPage !== "number") {
    throw new TypeError(`layout.linesPerPage must be a number (got ${typeof linesPerPage})`);
  }
  if (
    !Number.isInteger(linesPerPage) ||
    linesPerPage < LINES_PER_PAGE.min ||
    linesPerPage > LINES_PER_PAGE.max
  ) {
    throw new RangeError(
      `layout.linesPerPage must be a whole number from ${LINES_PER_PAGE.min} to ${LINES_PER_PAGE.max} (got ${linesPerPage})`,
    );
  }
  return { fonts, margins, linesPerPage };
}

/** A stable text for a resolved layout, e.g. to key a cache: "gb2312/print/22". */
export function layoutKey(layout: ResolvedLayout): string {
  return `${layout.fonts}/${layout.margins}/${layout.linesPerPage}`;
}

/** The page margins in twips. */
export interface PageMargins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * The margins of a layout in twips.
 * @example
 * pageMargins(DEFAULT_LAYOUT) //=> { top: 2098, bottom: 1984, left: 1588, right: 1474 }
 */
export function pageMargins(layout: ResolvedLayout): PageMargins {
  if (layout.margins === "screen") {
    return { top: mmToTwips(34.58), bottom: mmToTwips(32.58), left: mmToTwips(27), right: mmToTwips(27) };
  }
  return { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginLeft, right: PAGE.marginRight };
}

/**
 * The height of the text block in twips: the page less the top and bottom margins. 225 mm (12756) with the
 * print margins; 229.84 mm (13031) with the screen margins, whose top and bottom are 2.42 mm narrower.
 * @example
 * textBlockHeight(DEFAULT_LAYOUT) //=> 12756
 */
export function textBlockHeight(layout: ResolvedLayout): number {
  const { top, bottom } = pageMargins(layout);
  return PAGE.height - top - bottom;
}

/**
 * The exact line pitch in twips: the text block's height over the lines a page holds, rounded down so the
 * last line fits. Print margins, 22 lines: 579 (28.95 pt), the GB/T 9704 grid; screen margins: 592.
 * @example
 * linePitch({ ...DEFAULT_LAYOUT, linesPerPage: 20 }) //=> 637
 * linePitch({ ...DEFAULT_LAYOUT, margins: "screen" }) //=> 592
 */
export function linePitch(layout: ResolvedLayout): number {
  const height = textBlockHeight(layout);
  let pitch = Math.floor(height / layout.linesPerPage);
  // LibreOffice lays out in 1/100 mm: where the rounded lines fill the text block to the last unit (25
  // lines: 510 twips, 9.00 mm × 25 = 225.00 mm), the line grid pushes every page's last line over, and a
  // page holds one line fewer. A twip less leaves it room.
  while (Math.round(pitch * HMM_PER_TWIP) * layout.linesPerPage >= Math.round(height * HMM_PER_TWIP)) {
    pitch -= 1;
  }
  return pitch;
}

/** Hundredths of a millimetre in a twip: LibreOffice's unit of layout. */
const HMM_PER_TWIP = 2540 / 1440;

/** The faces of a layout: the _GB2312 ones or their plain counterparts. */
export interface FontNames {
  fangSong: string;
  kaiTi: string;
}

/**
 * The 仿宋 and 楷体 face names of a layout.
 * @example
 * fontNames({ ...DEFAULT_LAYOUT, fonts: "plain" }) //=> { fangSong: "仿宋", kaiTi: "楷体" }
 */
export function fontNames(layout: ResolvedLayout): FontNames {
  return layout.fonts === "plain"
    ? { fangSong: "仿宋", kaiTi: "楷体" }
    : { fangSong: FONT.fangSong, kaiTi: FONT.kaiTi };
}
