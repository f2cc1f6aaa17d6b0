/*
 * The trailing punctuation the view drops where it adds its own: the recipient's colon (the template prints
 * "：" after it) and an agenda item's full stop (the agenda sentence joins items with "；"). The model uses the
 * same patterns to refuse a text that is nothing but that punctuation, which would otherwise print as nothing.
 */

/** A recipient's trailing colon: "市委：" prints as "市委：", never "市委：：". */
export const RECIPIENT_COLON = /[：:]$/;

/** An agenda item's trailing punctuation: "一是传达会议精神；二是……". */
export const AGENDA_TRAILING_PUNCTUATION = /[。；;，,、.]+$/;
