import { partXml } from "./docx";

/** The value of attribute `name` on the first `el` element in `xml`. */
export function attr(xml: string, el: string, name: string): string | undefined {
  return new RegExp(`<${el}(?=[ />])[^>]*? ${name}="([^"]*)"`).exec(xml)?.[1];
}

/** The content of the first `el` element in `xml`. */
export function inner(xml: string, el: string): string {
  return new RegExp(`<${el}>([\\s\\S]*?)</${el}>`).exec(xml)?.[1] ?? "";
}

/** Resolves run and paragraph properties through a template's style chains, as a reader does. */
export function styleReader(docx: Uint8Array) {
  const styles = partXml(docx, "word/styles.xml");
  const style = (id: string): string => {
    const found = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles);
    if (!found) throw new Error(`no style ${id}`);
    return found[0];
  };
  const chain = (id: string): string[] => {
    const out: string[] = [];
    for (let next: string | undefined = id; next !== undefined; ) {
      const xml = style(next);
      out.push(xml);
      next = attr(xml, "w:basedOn", "w:val");
    }
    return out;
  };
  return {
    style,
    /** A style and the styles it is based on, nearest first. */
    chain,
    run(paragraphStyle: string, el: string, name: string, characterStyle?: string) {
      const sources = [...(characterStyle ? chain(characterStyle) : []), ...chain(paragraphStyle)].map((s) =>
        inner(s, "w:rPr"),
      );
      sources.push(inner(inner(styles, "w:rPrDefault"), "w:rPr"));
      for (const rPr of sources) {
        const value = attr(rPr, el, name);
        if (value !== undefined) return value;
      }
      return undefined;
    },
    paragraph(paragraphStyle: string, el: string, name: string) {
      const sources = [...chain(paragraphStyle).map((s) => inner(s, "w:pPr")), inner(styles, "w:pPrDefault")];
      for (const pPr of sources) {
        const value = attr(pPr, el, name);
        if (value !== undefined) return value;
      }
      return undefined;
    },
  };
}
