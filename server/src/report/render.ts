// Markup for the pictures of a posting's role mix, shared by the HTML report (`jdlint --format html`)
// and the editor's breakdown view. Plain strings in, HTML/SVG strings out: no Node, no vscode, no
// engine, so the client bundles (desktop and web) import it as well as the CLI. Colours are CSS
// classes read through custom properties (--jd-ds, --jd-mle, ...), which each page sets: fixed
// colours in the report, the theme's chart colours in VS Code.
import type { Breakdown, SectionPull } from '../protocol';
import { VERDICT_HELP, VERDICT_LABEL, type Verdict } from './verdict';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or attribute value -> HTML. Every string that came from a posting or a file name goes through here. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A share in [0, 1] as a width in the bars' 0..100 coordinates, one decimal. */
const width = (share: number) => Math.round(Math.min(1, Math.max(0, share)) * 1000) / 10;

export interface Shares {
  ds: number;
  mle: number;
  /** The shares as the engine words them ("23%"), so every view shows the same figures. */
  dsPercent: string;
  mlePercent: string;
}

/** The DS/MLE share of a posting as one bar: data science from the left, ML engineering to the right. */
export function shareBar(s: Shares): string {
  const d = width(s.ds);
  const label = `data science ${s.dsPercent}, ML engineering ${s.mlePercent}`;
  return (
    `<svg class="jd-bar" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label="${escapeHtml(label)}">` +
    `<title>${escapeHtml(label)}</title>` +
    `<rect class="jd-ds" width="${d}" height="8"/><rect class="jd-mle" x="${d}" width="${Math.round((100 - d) * 10) / 10}" height="8"/>` +
    `</svg>`
  );
}

/** The bar with its figures written under it. */
export function shareBarWithLegend(s: Shares): string {
  return (
    `<div class="jd-share">${shareBar(s)}` +
    `<div class="jd-share-legend"><span><i class="jd-key jd-ds"></i>DS ${escapeHtml(s.dsPercent)}</span>` +
    `<span>MLE ${escapeHtml(s.mlePercent)}<i class="jd-key jd-mle"></i></span></div></div>`
  );
}

/** The verdict's name in its colour; `count` (the report's chips) is written after it. */
export function verdictBadge(v: Pick<Verdict, 'kind'>, count?: number): string {
  const text = VERDICT_LABEL[v.kind] + (count === undefined ? '' : ` ${count}`);
  return `<span class="jd-verdict jd-v-${v.kind}" title="${escapeHtml(VERDICT_HELP[v.kind])}">${escapeHtml(text)}</span>`;
}

export interface CountBar {
  /** CSS class of the bar (jd-ds, jd-mle, jd-hybrid, jd-unclear, ...). */
  cls: string;
  label: string;
  count: number;
}

/** Horizontal bars of counts with their labels, counts and shares: the folder's role mix. */
export function countChart(title: string, bars: CountBar[]): string {
  const total = bars.reduce((n, b) => n + b.count, 0);
  const max = Math.max(1, ...bars.map((b) => b.count));
  const row = 26;
  const labelW = 125;
  const barW = 200;
  const h = bars.length * row;
  const body = bars
    .map((b, i) => {
      const y = i * row;
      const w = Math.round((b.count / max) * barW * 10) / 10;
      const share = total ? `${Math.round((b.count / total) * 100)}%` : '0%';
      return (
        `<text class="jd-label" x="0" y="${y + 17}">${escapeHtml(b.label)}</text>` +
        `<rect class="${escapeHtml(b.cls)}" x="${labelW}" y="${y + 5}" width="${w}" height="16" rx="2"/>` +
        `<text class="jd-count" x="${labelW + w + 6}" y="${y + 17}">${b.count} (${share})</text>`
      );
    })
    .join('');
  return (
    `<svg class="jd-chart" viewBox="0 0 ${labelW + barW + 90} ${h}" role="img" aria-label="${escapeHtml(`${title}: ${bars.map((b) => `${b.label} ${b.count}`).join(', ')}`)}">` +
    `<title>${escapeHtml(title)}</title>${body}</svg>`
  );
}

/**
 * How the postings spread from all data science (left) to all ML engineering (right): the count of
 * postings in each tenth of the ML-engineering share.
 */
export function shareHistogram(mleShares: readonly number[]): string {
  const bins = new Array<number>(10).fill(0);
  for (const s of mleShares) bins[Math.min(9, Math.max(0, Math.floor(s * 10)))]++;
  const max = Math.max(1, ...bins);
  // As wide as countChart's drawing, so the text of both is the same size side by side.
  const w = 40;
  const h = 100;
  const bars = bins
    .map((n, i) => {
      const bh = Math.round((n / max) * h * 10) / 10;
      const cls = i < 5 ? 'jd-ds' : 'jd-mle';
      return (
        `<rect class="${cls}" x="${i * w + 2}" y="${h - bh + 14}" width="${w - 4}" height="${bh}"><title>${i * 10}-${i * 10 + 10}% ML engineering: ${n}</title></rect>` +
        `<text class="jd-count jd-mid" x="${i * w + w / 2}" y="${h - bh + 10}">${n || ''}</text>`
      );
    })
    .join('');
  const axis = `<line class="jd-axis" x1="0" x2="${10 * w}" y1="${h + 14.5}" y2="${h + 14.5}"/>`;
  const labels =
    `<text class="jd-label" x="0" y="${h + 30}">all DS</text>` +
    `<text class="jd-label jd-mid" x="${5 * w}" y="${h + 30}">50/50</text>` +
    `<text class="jd-label jd-end" x="${10 * w}" y="${h + 30}">all MLE</text>`;
  return (
    `<svg class="jd-chart" viewBox="0 0 ${10 * w} ${h + 34}" role="img" aria-label="${escapeHtml(`postings by ML-engineering share, in tenths from all data science to all ML engineering: ${bins.join(', ')}`)}">` +
    `<title>Postings by ML-engineering share</title>${bars}${axis}${labels}</svg>`
  );
}

/**
 * Which way each section pulled: data-science evidence to the left of the centre line,
 * ML-engineering evidence to the right, on one scale for all sections, with the terms under it.
 */
export function sectionPulls(sections: readonly SectionPull[]): string {
  const max = Math.max(1e-9, ...sections.map((s) => Math.max(s.ds, s.mle)));
  return sections
    .map((s) => {
      const l = Math.round((s.ds / max) * 500) / 10;
      const r = Math.round((s.mle / max) * 500) / 10;
      const name = s.heading ?? (s.kind === 'unknown' ? 'Before the first section heading' : s.kind);
      const pull = s.ds + s.mle === 0 ? 'no role evidence' : s.ds > s.mle * 1.5 ? 'pulls to data science' : s.mle > s.ds * 1.5 ? 'pulls to ML engineering' : 'pulls both ways';
      const label = `${name}: ${pull} (data science ${fmt(s.ds)}, ML engineering ${fmt(s.mle)})`;
      const terms = (cls: string, role: string, items: number, list: string[]) =>
        `<div class="jd-terms ${cls}"><b>${role}</b> · ${items} ${items === 1 ? 'duty' : 'duties'}${list.length ? `: ${list.map(escapeHtml).join(', ')}` : ''}</div>`;
      return (
        `<section class="jd-section"><h3>${escapeHtml(name)} <small>weight ${fmt(s.weight)} · ${escapeHtml(pull)}</small></h3>` +
        `<svg class="jd-pull" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label="${escapeHtml(label)}"><title>${escapeHtml(label)}</title>` +
        `<rect class="jd-track" width="100" height="8"/>` +
        `<rect class="jd-ds" x="${50 - l}" width="${l}" height="8"/><rect class="jd-mle" x="50" width="${r}" height="8"/>` +
        `<line class="jd-axis" x1="50" x2="50" y1="0" y2="8"/></svg>` +
        `<div class="jd-terms-row">${terms('jd-t-ds', 'DS', s.dsItems, s.dsTerms)}${terms('jd-t-mle', 'MLE', s.mleItems, s.mleTerms)}</div></section>`
      );
    })
    .join('');
}

const ROLE_WORDS: Record<string, string> = { ds: 'data science', mle: 'ML engineering', hybrid: 'both roles (hybrid)', unclear: 'unclear (too little evidence)' };

/**
 * The editor's breakdown of one posting: title and verdict, the share bar, the terms with most
 * evidence, and which way each section pulled.
 */
export function breakdownBody(b: Breakdown): string {
  const shared = b.dutyItems - b.dsItems - b.mleItems;
  const suggestion = b.verdict.suggestions.length
    ? ` <span class="jd-sugg">Suggested: ${b.verdict.suggestions.map((s) => `<q>${escapeHtml(s)}</q>`).join(' or ')}</span>`
    : '';
  const terms = (role: string, list: string[]) => (list.length ? `<li><b>${role}:</b> ${list.map(escapeHtml).join(', ')}</li>` : '');
  const sections = b.sections.length
    ? `<h2>By section</h2><p class="jd-hint">Data-science evidence left of the centre line, ML engineering right; one scale for all sections.</p>${sectionPulls(b.sections)}`
    : '';
  return (
    `<h1>${b.title === null ? '<i>Untitled posting</i>' : escapeHtml(b.title)}</h1>` +
    `<p class="jd-verdict-line">${verdictBadge(b.verdict)}${suggestion}</p>` +
    `<h2>Duties read as ${escapeHtml(ROLE_WORDS[b.role] ?? b.role)}</h2>` +
    shareBarWithLegend(b) +
    `<p>${b.dutyItems} ${b.dutyItems === 1 ? 'duty' : 'duties'}: ${b.dsItems} data science, ${b.mleItems} ML engineering, ${shared} shared ground.</p>` +
    `<ul class="jd-top">${terms('Data science', b.dsTerms)}${terms('ML engineering', b.mleTerms)}</ul>` +
    sections
  );
}

const fmt = (x: number) => (Math.round(x * 10) / 10).toString();

/**
 * The CSS of everything above, written against custom properties the page sets:
 * --jd-ds, --jd-mle, --jd-hybrid, --jd-unclear, --jd-other, --jd-fg, --jd-muted, --jd-track.
 */
export const PICTURE_CSS = `
.jd-bar,.jd-pull{display:block;width:100%;height:.7em;border-radius:3px;overflow:hidden}
.jd-ds{fill:var(--jd-ds);background:var(--jd-ds)}
.jd-mle{fill:var(--jd-mle);background:var(--jd-mle)}
.jd-hybrid{fill:var(--jd-hybrid)}
.jd-unclear{fill:var(--jd-unclear)}
.jd-track{fill:var(--jd-track)}
.jd-axis{stroke:var(--jd-muted);stroke-width:.5}
.jd-share-legend{display:flex;justify-content:space-between;font-size:.85em;color:var(--jd-muted);gap:.5em}
.jd-key{display:inline-block;width:.7em;height:.7em;border-radius:2px;margin:0 .3em;vertical-align:-.05em}
.jd-chart{width:100%;height:auto;font:12px system-ui,sans-serif;overflow:visible}
.jd-chart .jd-label,.jd-chart .jd-count{fill:var(--jd-fg)}
.jd-chart .jd-count{fill:var(--jd-muted)}
.jd-chart .jd-mid{text-anchor:middle}
.jd-chart .jd-end{text-anchor:end}
.jd-verdict{display:inline-block;padding:.1em .5em;border-radius:1em;font-size:.85em;font-weight:600;white-space:nowrap;border:1px solid currentColor}
.jd-v-mismatch{color:var(--jd-bad)}
.jd-v-other{color:var(--jd-other)}
.jd-v-hybrid{color:var(--jd-hybrid)}
.jd-v-match{color:var(--jd-good)}
.jd-v-unclear,.jd-v-unchecked{color:var(--jd-muted)}
.jd-section{margin:.8em 0}
.jd-section h3{font-size:1em;margin:0 0 .3em}
.jd-section small{font-weight:normal;color:var(--jd-muted)}
.jd-terms-row{display:flex;justify-content:space-between;gap:1em;font-size:.85em;margin-top:.2em}
.jd-terms{flex:1}
.jd-t-mle{text-align:right}
`;
