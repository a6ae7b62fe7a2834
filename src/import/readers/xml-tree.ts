import { SaxesParser } from "saxes";

/** An XML element with its attributes (qualified names as written, "w:val") and children in order. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

/**
 * Parses a document part (word/document.xml, content.xml) into a tree. Office
 * parts are a few megabytes at most, so a tree is simpler than streaming and
 * still fast; saxes does the well-formedness and entity work.
 */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlElement = { name: "#document", attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  parser.on("opentag", (tag) => {
    const element: XmlElement = { name: tag.name, attributes: tag.attributes, children: [] };
    (stack[stack.length - 1] as XmlElement).children.push(element);
    stack.push(element);
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.on("text", (text) => {
    (stack[stack.length - 1] as XmlElement).children.push(text);
  });
  parser.on("cdata", (text) => {
    (stack[stack.length - 1] as XmlElement).children.push(text);
  });
  parser.write(xml).close();
  const top = root.children.find((c): c is XmlElement => typeof c !== "string");
  if (!top) throw new Error("XML part has no root element");
  return top;
}

/** Child elements with a given name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== "string" && c.name === name);
}

export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c): c is XmlElement => typeof c !== "string" && c.name === name);
}

/** The first descendant with a name, depth first. */
export function findDescendant(element: XmlElement, name: string): XmlElement | undefined {
  for (const child of element.children) {
    if (typeof child === "string") continue;
    if (child.name === name) return child;
    const found = findDescendant(child, name);
    if (found) return found;
  }
  return undefined;
}
