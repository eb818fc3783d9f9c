// Front matter: the YAML block that may open a posting ("---" lines around it), read for its data
// and its title, and the message for one that is not valid or not closed.
import { isSpace } from '../chars';
import { yaml } from '../yaml';
import type { FrontMatter, PostingTitle } from '../types';

/** The YAML front matter node [start, end) of `text`, fences included: its data (or error) and its title, if it gives one. */
export function readFrontMatter(text: string, start: number, end: number): { frontMatter: FrontMatter; title: PostingTitle | null } {
  let title: PostingTitle | null = null;
  let valueStart = start;
  while (valueStart < end && text.charCodeAt(valueStart) !== 10) valueStart++;
  valueStart++;
  let valueEnd = end;
  while (valueEnd > valueStart && text.charCodeAt(valueEnd - 1) !== 10) valueEnd--;
  const fm: FrontMatter = { range: { start, end }, data: null };
  if (valueEnd <= valueStart) {
    fm.data = {};
    return { frontMatter: fm, title };
  }
  const source = text.slice(valueStart, valueEnd);
  try {
    const { parseDocument, isMap, isScalar } = yaml();
    const doc = parseDocument(source, { prettyErrors: false });
    if (doc.errors.length > 0) fm.error = `Front matter is not valid YAML: ${doc.errors[0].message}`;
    else {
      const data: unknown = doc.toJS();
      if (data && typeof data === 'object' && !Array.isArray(data)) fm.data = data as Record<string, unknown>;
      else if (data == null) fm.data = {};
      else fm.error = 'Front matter is not a YAML mapping';
    }
    if (isMap(doc.contents)) {
      for (const pair of doc.contents.items) {
        if (!isScalar(pair.key) || pair.key.value !== 'title' || !isScalar(pair.value)) continue;
        const r = pair.value.range;
        if (!r) break;
        let ts = valueStart + r[0];
        let te = valueStart + r[1];
        if (pair.value.type === 'QUOTE_DOUBLE' || pair.value.type === 'QUOTE_SINGLE') {
          ts++;
          te--;
        }
        while (ts < te && isSpace(text.charCodeAt(ts))) ts++;
        while (te > ts && isSpace(text.charCodeAt(te - 1))) te--;
        if (te > ts) title = { text: text.slice(ts, te), range: { start: ts, end: te }, source: 'frontmatter' };
        break;
      }
    }
  } catch (err) {
    fm.error = `Front matter could not be read: ${err instanceof Error ? err.message : String(err)}`;
  }
  return { frontMatter: fm, title };
}

/** `fm`, or when the text opens front matter that never closes, a front matter that says so. */
export function unclosedFrontMatter(text: string, fm: FrontMatter | null): FrontMatter | null {
  if (fm) return fm;
  const m = /^---[ \t]*(?:\r?\n|$)/.exec(text.slice(0, 8));
  if (!m) return null;
  let end = 3;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  return {
    range: { start: 0, end },
    data: null,
    error: 'Front matter is not closed: the --- on line 1 has no closing --- line',
  };
}
