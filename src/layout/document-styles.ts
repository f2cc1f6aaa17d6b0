/**
 * The style ids the `document` (红头文件) and `minutes` (纪要) templates add to the report's (styles.ts).
 * Renaming one is a breaking change for templates derived from them.
 */
export const DocumentStyle = {
  /** 发文机关标志 / 纪要标志: red 方正小标宋简体, 小初 (36 pt), centred, 35 mm below the top of the 版心. */
  mark: "GwMark",
  /** 发文字号 (downward): 3号 仿宋, centred, two lines below the mark, the red separator 4 mm below it. */
  documentNumber: "GwDocumentNumber",
  /** 发文字号 and 签发人 on one line (upward): 发文字号 1 character in at the left, 签发人 1 in at the right. */
  documentNumberUpward: "GwDocumentNumberUpward",
  /** The title of a 文件 or 纪要: GwTitle with two blank lines above. */
  documentTitle: "GwDocumentTitle",
  /** 版记 lines (抄送, 印发机关 and 印发日期): 4号 仿宋. */
  imprint: "GwImprint",
  /** 纪要 出席/请假/列席 lines: 3号 仿宋, indented 2, wrapped lines aligned after the "：". */
  attendance: "GwAttendance",
} as const;

/** Character styles of the `document` and `minutes` templates. */
export const DocumentCharacterStyle = {
  /** The 签发人's name: 3号 楷体. */
  signer: "GwSigner",
  /** 出席：请假：列席： labels: 3号 黑体. */
  attendanceLabel: "GwAttendanceLabel",
} as const;
