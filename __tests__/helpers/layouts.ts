import { FontSet, LINES_PER_PAGE, Margins, type ResolvedLayout } from "../../src/layout/options";

/** Every layout of the built-in templates: 2 font sets × 2 margins × 9 line counts. */
export const everyLayout: readonly ResolvedLayout[] = Object.values(FontSet).flatMap((fonts) =>
  Object.values(Margins).flatMap((margins) =>
    Array.from({ length: LINES_PER_PAGE.max - LINES_PER_PAGE.min + 1 }, (_, i) => ({
      fonts,
      margins,
      linesPerPage: LINES_PER_PAGE.min + i,
    })),
  ),
);
