// The Markdown reader: a run with Markdown block syntax parsed by micromark
// (mdast-util-from-markdown, front matter included) and its syntax tree walked into the builder.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import type { Nodes, Root } from 'mdast';
import { keepingItemResults, TextLru } from '../text';
import type { ItemKind } from '../types';
import { keptRead, MARKDOWN_READ, OPEN } from './blockCache';
import type { PostingBuilder } from './builder';
import { parseLines } from './lineReader';
import { wordCount } from './segment';

const MARKDOWN_OPTIONS = {
  extensions: [frontmatter(['yaml'])],
  mdastExtensions: [frontmatterFromMarkdown(['yaml'])],
};

// While a posting is edited, only the run that holds the edit changes: the syntax trees of the
// others are kept by their text (a tree depends on nothing else; walk only reads it), so a
// keystroke in a long Markdown posting parses about 8,000 characters, not up to 64,000. The least
// recently used trees go first. A batch run (keepItemResults(false)) keeps none.
/** Kept trees, by run text: up to the Markdown budget of two postings. */
const trees = new TextLru<Root>(2 * 64_000);

function markdownTree(run: string): Root {
  if (!keepingItemResults()) return fromMarkdown(run, MARKDOWN_OPTIONS);
  let root = trees.get(run);
  if (!root) trees.set(run, (root = fromMarkdown(run, MARKDOWN_OPTIONS)));
  return root;
}

/** Reads a run with Markdown block syntax through micromark (line by line if it cannot parse it). */
export function readMarkdown(b: PostingBuilder, start: number, end: number): void {
  keptRead(b, start, end, OPEN, MARKDOWN_READ, () => {
    const text = b.text;
    let root: Root | null = null;
    try {
      root = markdownTree(start === 0 && end === text.length ? text : text.slice(start, end));
    } catch {
      root = null;
    }
    if (root) walk(b, root, start);
    else parseLines(b, start, end);
    return OPEN;
  });
}

/** Walks one parsed chunk in document order without recursion (lists nest arbitrarily deep). */
function walk(b: PostingBuilder, root: Root, base: number): void {
  type Frame = { node: Nodes; listKind: ItemKind | null };
  const stack: Frame[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push({ node: root.children[i], listKind: null });
  while (stack.length > 0) {
    const { node, listKind } = stack.pop()!;
    const pos = node.position;
    if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) continue;
    const start = base + pos.start.offset;
    const end = base + pos.end.offset;
    switch (node.type) {
      case 'yaml':
        if (start === 0) b.yaml(start, end);
        break;
      case 'heading': {
        const first = node.children[0]?.position?.start.offset;
        const last = node.children[node.children.length - 1]?.position?.end.offset;
        if (first === undefined || last === undefined) break;
        // A pasted paragraph followed by a line of dashes becomes a Setext heading; a real
        // heading is one short line.
        const setext = b.text.charCodeAt(start) !== 35; /* # */
        if (setext && !isShortLine(b.text, base + first, base + last)) b.paragraph(base + first, base + last, false);
        else b.heading(node.depth, base + first, base + last, start);
        break;
      }
      case 'paragraph': {
        const boldOnly = node.children.length === 1 && node.children[0].type === 'strong';
        if (listKind) b.listItem(start, end, listKind, boldOnly);
        else b.paragraph(start, end, boldOnly);
        break;
      }
      case 'list': {
        const kind: ItemKind = node.ordered ? 'numbered' : 'bullet';
        for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], listKind: kind });
        break;
      }
      case 'listItem': {
        // Only the item's first paragraph is the item itself; later paragraphs and nested lists
        // are read as they are.
        for (let i = node.children.length - 1; i >= 0; i--) {
          const child = node.children[i];
          stack.push({ node: child, listKind: i === 0 && child.type === 'paragraph' ? listKind : null });
        }
        break;
      }
      case 'blockquote':
        for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], listKind: null });
        break;
      case 'table':
        for (const row of node.children) {
          const rs = row.position?.start.offset;
          const re = row.position?.end.offset;
          if (rs !== undefined && re !== undefined) b.addItem(base + rs, base + re, 'line');
        }
        break;
      default:
        // code, html (comments included), thematic breaks, definitions: never items.
        break;
    }
  }
}

/** One line of at most 12 words (and 120 characters): what a real heading is. */
function isShortLine(text: string, start: number, end: number): boolean {
  if (end - start > 120) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return false;
  }
  return wordCount(text, start, end) <= 12;
}
