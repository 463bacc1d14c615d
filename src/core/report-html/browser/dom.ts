/**
 * The only way this page puts things on screen: elements made one by one, text set with
 * `textContent`, attributes with `setAttribute` (our own names, never the data's). No innerHTML.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

/** An SVG `<title>` (the tooltip) holding `text` as text. */
export function svgTitle(text: string): SVGTitleElement {
  const title = svgEl('title');
  title.textContent = text;
  return title;
}

export function append(parent: Node, ...children: (Node | null | undefined | false)[]): void {
  for (const child of children) if (child) parent.appendChild(child);
}
