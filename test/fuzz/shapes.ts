// Input shapes that once made a parser or a scan super-linear (issue #16), and the timing check the
// unit suite and `npm run fuzz` run on each: 10 times the input must take under 30 times the time.
import { lint } from '../../server/src/linter';

/** A unit repeated up to the size asked for. */
export const PATHOLOGICAL_SHAPES: Record<string, string> = {
  'setext =': 'a\n=\n',
  'setext ---': 'Title\n---\n',
  'setext, blank lines': 'a\n=\n\n',
  'setext, CRLF': 'a\r\n=\r\n',
  'setext, lone CR': 'a\r=\r',
  'setext in a list': '- a\n=\n',
  'setext in a quote': '> a\n=\n',
  'disable comment, unclosed': '<!-- jdlint-disable ',
  'disable comments, closed': '<!-- jdlint-disable exclusionary-language -->\nrockstar\n',
  'link labels': '[a]',
  'unclosed links': '[a](',
  'short lines, no colon': 'a\n',
  paragraphs: 'a\n\n',
  bullets: '* a\n',
  'bold lines': '**a**\n',
  definitions: '[a]: b\n',
  'HTML blocks': '<div>\n',
  'open comments': '<!--',
  'open brackets': '[',
  emphasis: '*a ',
  'front matter opener': '---\n',
  indented: '    a\n',
};

export function shapeText(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Seconds for one lint, the best of `runs` (the best is the least disturbed by other work). */
export function lintSeconds(text: string, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    lint(text);
    best = Math.min(best, (performance.now() - t) / 1000);
  }
  return best;
}

export interface Scaling {
  shape: string;
  small: number;
  large: number;
  /** Seconds for the small and the large input. */
  smallSeconds: number;
  largeSeconds: number;
  ratio: number;
}

/**
 * Times a shape at `small` and 10x characters. Times under 10 ms are taken as 10 ms, so that
 * garbage collection and timer noise on trivial inputs are not read as growth.
 */
export function scaling(shape: string, small: number, runs = 3): Scaling {
  const unit = PATHOLOGICAL_SHAPES[shape];
  const smallSeconds = lintSeconds(shapeText(unit, small), runs);
  const largeSeconds = lintSeconds(shapeText(unit, small * 10), Math.max(1, runs >> 1));
  return { shape, small, large: small * 10, smallSeconds, largeSeconds, ratio: largeSeconds / Math.max(smallSeconds, 0.01) };
}
