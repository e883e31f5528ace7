// A small, strict XML 1.0 reader for tests (the project has no XML library): it throws on anything a
// conforming parser rejects that a hand-written document could plausibly get wrong — unbalanced or
// mismatched tags, unquoted or duplicate attributes, `<` in an attribute, a bare `&` or an unknown entity,
// characters XML forbids, text or a second element outside the root — and returns the element tree.

export type XmlElement = { name: string; attrs: Record<string, string>; children: XmlElement[]; text: string };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const NAME = /^[A-Za-z_:][A-Za-z0-9_:.-]*/;
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function decode(raw: string, where: number): string {
  if (raw.includes('<')) throw new Error(`'<' in character data or attribute at ${where}`);
  return raw.replace(/&([^;]*);?/g, (match, ref: string) => {
    if (!match.endsWith(';')) throw new Error(`bare '&' at ${where}`);
    if (ENTITIES[ref]) return ENTITIES[ref];
    const num = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
    if (!num) throw new Error(`unknown entity &${ref}; at ${where}`);
    const char = String.fromCodePoint(num[1] ? Number.parseInt(num[1], 16) : Number(num[2]));
    if (NOT_XML.test(char)) throw new Error(`reference to a forbidden character at ${where}`);
    return char;
  });
}

export function parseXml(xml: string): XmlElement {
  const bad = NOT_XML.exec(xml);
  if (bad) throw new Error(`forbidden character U+${bad[0].codePointAt(0)?.toString(16)} at ${bad.index}`);
  let i = 0;
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) throw new Error('unterminated XML declaration');
    i = end + 2;
  }
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (stack.length) (stack.at(-1) as XmlElement).text += decode(text, i);
    else if (text.trim()) throw new Error(`text outside the root element at ${i}`);
    if (lt < 0) break;
    i = lt;
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0) throw new Error('unterminated comment');
      i = end + 3;
    } else if (xml.startsWith('</', i)) {
      const name = NAME.exec(xml.slice(i + 2))?.[0];
      const open = stack.pop();
      if (!name || !open || open.name !== name) throw new Error(`mismatched end tag </${name}> at ${i}`);
      const end = xml.indexOf('>', i);
      if (end < 0 || xml.slice(i + 2 + name.length, end).trim()) throw new Error(`malformed end tag at ${i}`);
      i = end + 1;
    } else {
      const name = NAME.exec(xml.slice(i + 1))?.[0];
      if (!name) throw new Error(`malformed tag at ${i}`);
      if (!stack.length && root) throw new Error(`second root element at ${i}`);
      i += 1 + name.length;
      const element: XmlElement = { name, attrs: {}, children: [], text: '' };
      for (;;) {
        const space = /^\s*/.exec(xml.slice(i))?.[0].length ?? 0;
        i += space;
        if (xml.startsWith('/>', i) || xml.startsWith('>', i)) break;
        const attr = /^([A-Za-z_:][A-Za-z0-9_:.-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(xml.slice(i));
        if (!attr || !space) throw new Error(`malformed attribute in <${name}> at ${i}`);
        const key = attr[1] as string;
        if (key in element.attrs) throw new Error(`duplicate attribute ${key} at ${i}`);
        element.attrs[key] = decode(attr[3] ?? attr[4] ?? '', i);
        i += attr[0].length;
      }
      if (stack.length) (stack.at(-1) as XmlElement).children.push(element);
      else root = element;
      if (xml.startsWith('/>', i)) i += 2;
      else {
        i += 1;
        stack.push(element);
      }
    }
  }
  if (stack.length) throw new Error(`unclosed <${stack.at(-1)?.name}>`);
  if (!root) throw new Error('no root element');
  return root;
}

/** The child elements named `name`. */
export const childrenNamed = (element: XmlElement, name: string) => element.children.filter((c) => c.name === name);
