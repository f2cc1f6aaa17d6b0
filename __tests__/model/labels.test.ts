import { toJsonSchema } from "../../src/model/json-schema";
import { labelFor } from "../../src/model/labels";

type Node = {
  $ref?: string;
  properties?: Record<string, Node>;
  items?: Node;
  anyOf?: Node[];
  oneOf?: Node[];
  allOf?: Node[];
};

/**
 * Every path to a named field in the published JSON Schema, with array indexes as 0 and each $ref
 * followed once per path (a section's blocks hold items, which hold no sections again).
 */
function fieldPaths(root: Node & { $defs?: Record<string, Node> }): (string | number)[][] {
  const defs = root.$defs ?? {};
  const found: (string | number)[][] = [];
  const walk = (node: Node, path: (string | number)[], seen: Set<string>) => {
    if (node.$ref) {
      const name = node.$ref.replace("#/$defs/", "");
      if (seen.has(name)) return;
      walk(defs[name] as Node, path, new Set([...seen, name]));
    }
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      if (key === "$schema") continue;
      found.push([...path, key]);
      walk(child, [...path, key], seen);
    }
    if (node.items) walk(node.items, [...path, 0], seen);
    for (const child of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) {
      walk(child, path, seen);
    }
  };
  walk(root, [], new Set());
  return found;
}

describe("labelFor", () => {
  it("has a Chinese name for every field of the schema, so every message about a field carries one", () => {
    const paths = fieldPaths(toJsonSchema() as never);
    // The walk reaches the nested objects: a section's items, the 版记's fields, a 发文字号 in parts.
    expect(paths).toContainEqual(["preparation", "blocks", 0, "heading"]);
    expect(paths).toContainEqual(["document", "printDate"]);
    expect(paths).toContainEqual(["document", "documentNumber", "serial"]);
    const unnamed = paths.filter((path) => labelFor(path) === undefined).map((path) => path.join("."));
    expect(unnamed).toEqual([]);
  });
});
