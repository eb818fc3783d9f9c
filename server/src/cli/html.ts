// `jdlint --format html`: one self-contained page for a folder of postings, for a hiring team to
// open from a file: URL. Everything is inline (CSS, a small script, SVG) and a Content-Security-
// Policy of hashes lets nothing else load. The verdicts and shares are the linter's (the JSON
// report); the pictures are the ones the editor's breakdown view draws (server/src/report/render.ts).
import { createHash } from 'node:crypto';
import { percent } from '../engine/explain';
import { expectedOf } from '../engine/title';
import type { TitleFamily } from '../engine/types';
import { countChart, escapeHtml, PICTURE_CSS, shareBarWithLegend, shareHistogram, verdictBadge } from '../report/render';
import { VERDICT_HELP, VERDICT_LABEL, verdictOf, type Verdict, type VerdictKind } from '../report/verdict';
import type { JsonReport } from './format';

/** Verdicts in the order the report sorts and lists them: the ones to act on first. */
const VERDICT_ORDER: VerdictKind[] = ['mismatch', 'other', 'hybrid', 'unclear', 'unchecked', 'match'];
const VERDICT_FILL: Record<VerdictKind, string> = {
  mismatch: 'jd-f-bad',
  other: 'jd-f-other',
  hybrid: 'jd-hybrid',
  match: 'jd-f-good',
  unclear: 'jd-unclear',
  unchecked: 'jd-unclear',
};
const ROLE_BARS = [
  { role: 'ds', cls: 'jd-ds', label: 'Data science' },
  { role: 'mle', cls: 'jd-mle', label: 'ML engineering' },
  { role: 'hybrid', cls: 'jd-hybrid', label: 'Hybrid' },
  { role: 'unclear', cls: 'jd-unclear', label: 'Unclear' },
];

export function reportVerdict(r: JsonReport): Verdict {
  return verdictOf({
    findings: r.diagnostics,
    expected: r.title ? expectedOf(r.title.family as TitleFamily) : null,
    role: r.profile.role as 'ds' | 'mle' | 'hybrid' | 'unclear',
  });
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function row(r: JsonReport, v: Verdict, i: number): string {
  const rules = [...new Set(r.diagnostics.map((d) => d.rule))];
  const title = r.title ? `<span class="t">${escapeHtml(r.title.text)}</span>` : `<span class="t none">Untitled posting</span>`;
  const suggestion = v.suggestions.length ? `<div class="sugg">Suggested: ${v.suggestions.map((s) => `<q>${escapeHtml(s)}</q>`).join(' or ')}</div>` : '';
  const findings = r.diagnostics.length
    ? `<ol class="findings">${r.diagnostics
        .map(
          (d) =>
            `<li><span class="loc">${d.line}:${d.column}</span> <span class="sev sev-${d.severity}">${d.severity}</span> ` +
            `<span class="msg">${escapeHtml(d.message)}</span> <code class="rule">${escapeHtml(d.rule)}</code></li>`,
        )
        .join('')}</ol>`
    : `<p class="clean">No problems</p>`;
  return (
    `<div class="row" role="row" data-i="${i}" data-verdict="${v.kind}" data-vo="${VERDICT_ORDER.indexOf(v.kind)}" data-rules="${escapeHtml(rules.join(' '))}" ` +
    `data-mle="${r.profile.mle}" data-n="${r.diagnostics.length}">` +
    `<div role="cell" class="c-title">${title}<div class="f">${escapeHtml(r.file)}</div></div>` +
    `<div role="cell" class="c-verdict">${verdictBadge(v)}${suggestion}</div>` +
    `<div role="cell" class="c-share">${shareBarWithLegend({ ds: r.profile.ds, mle: r.profile.mle, dsPercent: percent(r.profile.ds), mlePercent: percent(r.profile.mle) })}</div>` +
    `<div role="cell" class="c-findings">${findings}</div></div>`
  );
}

const CSS = `
:root{--jd-ds:#2f6fdf;--jd-mle:#e07b00;--jd-hybrid:#8a5cc7;--jd-unclear:#9aa0a6;--jd-other:#b8860b;--jd-good:#1e8e3e;--jd-bad:#d93025;
--jd-fg:#1f2328;--jd-muted:#5f6368;--jd-track:#eceff1;--bg:#fff;--line:#dadce0;--head:#f6f8fa;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--jd-ds:#6ea0ff;--jd-mle:#ffa64d;--jd-hybrid:#b48ef0;--jd-unclear:#80868b;--jd-other:#e0b000;--jd-good:#5bb974;--jd-bad:#f28b82;
--jd-fg:#e8eaed;--jd-muted:#a8adb3;--jd-track:#30343a;--bg:#1b1d21;--line:#3c4043;--head:#24272c}}
*{box-sizing:border-box}
body{margin:0;padding:1rem;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--jd-fg);background:var(--bg)}
h1{font-size:1.4rem;margin:0 0 .2rem}
.sum{margin:0 0 1rem;color:var(--jd-muted)}
.chips{display:flex;flex-wrap:wrap;gap:.4rem;margin:.5rem 0 1rem}
.chips button{font:inherit;background:none;border:0;padding:0;cursor:pointer}
.chips button[aria-pressed=true] .jd-verdict{background:var(--head);outline:2px solid currentColor}
.overview{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:1rem 2rem;margin-bottom:1rem}
figure{margin:0;max-width:520px}
figcaption{font-weight:600;margin-bottom:.4rem}
.controls{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;position:sticky;top:0;background:var(--bg);padding:.5rem 0;border-bottom:1px solid var(--line);z-index:1}
.controls label{display:flex;flex-direction:column;font-size:.8rem;color:var(--jd-muted)}
.controls select,.controls input{font:inherit;font-size:.95rem;padding:.25rem .35rem;color:var(--jd-fg);background:var(--bg);border:1px solid var(--line);border-radius:4px;min-width:9rem}
#shown{font-size:.9rem;color:var(--jd-muted);margin-left:auto}
#postings{margin-top:.5rem}
/* A grid, not a table: each row lays out alone, and rows off screen are not laid out at all
   (content-visibility), so 2,000 postings open and re-sort quickly. */
.head,.row{display:grid;grid-template-columns:26% 14% minmax(9rem,18%) 1fr}
.head{background:var(--head);font-size:.85rem;position:sticky;top:var(--controls-h,3.8rem);z-index:1}
.head button{font:inherit;font-weight:600;color:inherit;background:none;border:0;padding:.5rem .4rem;cursor:pointer;width:100%;text-align:left}
.head [aria-sort=ascending] button::after{content:" \\25B2"}
.head [aria-sort=descending] button::after{content:" \\25BC"}
.row{border-top:1px solid var(--line);content-visibility:auto;contain-intrinsic-size:auto 7rem}
.row[hidden]{display:none}
.row>div{padding:.6rem .4rem;min-width:0}
.t{font-weight:600;overflow-wrap:anywhere}.t.none{font-style:italic;font-weight:normal;color:var(--jd-muted)}
.f{font-size:.8rem;color:var(--jd-muted);overflow-wrap:anywhere;font-family:ui-monospace,monospace}
.sugg{font-size:.85rem;margin-top:.3rem}
.findings{margin:0;padding-left:1.2rem;font-size:.88rem}
.findings li{margin-bottom:.3rem;overflow-wrap:anywhere}
.loc{font-family:ui-monospace,monospace;color:var(--jd-muted)}
.sev{font-size:.75rem;font-weight:600;text-transform:uppercase}
.sev-error{color:var(--jd-bad)}.sev-warning{color:var(--jd-other)}.sev-info,.sev-hint{color:var(--jd-ds)}
.rule{font-size:.78rem;color:var(--jd-muted)}
.clean{margin:0;color:var(--jd-muted);font-size:.88rem}
.jd-f-good{fill:var(--jd-good)}.jd-f-bad{fill:var(--jd-bad)}.jd-f-other{fill:var(--jd-other)}
details.skipped{margin-top:1rem;font-size:.9rem}
footer{margin-top:1.5rem;font-size:.8rem;color:var(--jd-muted)}
@media (max-width:700px){
body{padding:.6rem}
.head{display:none}
.row{grid-template-columns:1fr;border:1px solid var(--line);border-radius:8px;margin:.6rem 0;padding:.2rem .1rem}
.row>div{padding:.3rem .5rem}
.controls{position:static}.controls label{flex:1 1 40%}.controls select,.controls input{min-width:0;width:100%}
#shown{margin-left:0}
}
${PICTURE_CSS}`;

// Sorting and filtering, by data attributes the rows carry; no data is embedded in the script.
const SCRIPT = `
(() => {
  const body = document.querySelector('#postings .rows');
  const heads = Array.from(document.querySelectorAll('#postings .head [data-key]'));
  const rows = Array.from(body.children);
  const text = (r, sel) => r.querySelector(sel).textContent.toLowerCase();
  const keys = rows.map((r) => ({
    r, i: +r.dataset.i, title: text(r, '.t'), file: text(r, '.f'), mle: +r.dataset.mle, n: +r.dataset.n, verdict: +r.dataset.vo,
    rules: r.dataset.rules.split(' '), kind: r.dataset.verdict,
  }));
  const $ = (id) => document.getElementById(id);
  const fVerdict = $('f-verdict'), fRule = $('f-rule'), fText = $('f-text'), sort = $('sort'), shown = $('shown');
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  function filter() {
    const v = fVerdict.value, rule = fRule.value, q = fText.value.trim().toLowerCase();
    let n = 0;
    for (const k of keys) {
      const ok = (!v || k.kind === v) && (!rule || k.rules.includes(rule)) && (!q || k.title.includes(q) || k.file.includes(q));
      k.r.hidden = !ok;
      if (ok) n++;
    }
    shown.textContent = n + ' of ' + keys.length + ' postings shown';
    for (const b of document.querySelectorAll('.chips button')) b.setAttribute('aria-pressed', String(b.dataset.verdict === v));
  }
  function order() {
    const [key, dir] = sort.value.split(':');
    const d = dir === 'desc' ? -1 : 1;
    const cmp = key === 'title' || key === 'file' ? (a, b) => collator.compare(a[key], b[key]) : (a, b) => a[key] - b[key];
    keys.sort((a, b) => d * cmp(a, b) || a.i - b.i);
    // Emptied first: moving 2,000 rows within their parent costs Chrome half a second, re-adding them 10 ms.
    body.textContent = '';
    body.append(...keys.map((k) => k.r));
    for (const th of heads) {
      if (th.dataset.key === key) th.setAttribute('aria-sort', d === 1 ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    }
  }
  fVerdict.addEventListener('change', filter);
  fRule.addEventListener('change', filter);
  fText.addEventListener('input', filter);
  sort.addEventListener('change', order);
  for (const th of heads) {
    th.querySelector('button').addEventListener('click', () => {
      const [key, dir] = sort.value.split(':');
      sort.value = th.dataset.key + ':' + (key === th.dataset.key && dir === 'asc' ? 'desc' : 'asc');
      order();
    });
  }
  for (const b of document.querySelectorAll('.chips button')) {
    b.addEventListener('click', () => {
      fVerdict.value = fVerdict.value === b.dataset.verdict ? '' : b.dataset.verdict;
      filter();
    });
  }
  const controls = document.querySelector('.controls');
  const stick = () => document.documentElement.style.setProperty('--controls-h', controls.offsetHeight + 'px');
  addEventListener('resize', stick);
  stick();
  filter();
})();
`;

const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

export interface HtmlOptions {
  version: string;
  /**
   * The same reports with every finding (`--quiet` lists only errors): verdicts come from the
   * verdict rules' findings, which are warnings and info by default.
   */
  verdictsFrom?: JsonReport[];
}

/** `all`: every file linted; files that are not job postings are listed apart, not as rows. */
export function formatHtml(all: JsonReport[], opts: HtmlOptions): string {
  const isPosting = (r: JsonReport) => r.posting !== false;
  const reports = all.filter(isPosting);
  const skipped = all.filter((r) => !isPosting(r));
  const verdicts = (opts.verdictsFrom?.filter(isPosting) ?? reports).map(reportVerdict);
  const byVerdict = new Map<VerdictKind, number>();
  for (const v of verdicts) byVerdict.set(v.kind, (byVerdict.get(v.kind) ?? 0) + 1);
  const byRole = new Map<string, number>();
  for (const r of reports) byRole.set(r.profile.role, (byRole.get(r.profile.role) ?? 0) + 1);
  const byRule = new Map<string, number>();
  const sev = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of reports) {
    for (const d of r.diagnostics) sev[d.severity]++;
    for (const rule of new Set(r.diagnostics.map((d) => d.rule))) byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
  }
  const findings = sev.error + sev.warning + sev.info + sev.hint;
  const present = VERDICT_ORDER.filter((k) => byVerdict.has(k));

  const chips = present
    .map((k) => `<button type="button" data-verdict="${k}" aria-pressed="false">${verdictBadge({ kind: k }, byVerdict.get(k))}</button>`)
    .join('');
  const roleChart = countChart(
    'Role mix of the duties',
    ROLE_BARS.map((b) => ({ cls: b.cls, label: b.label, count: byRole.get(b.role) ?? 0 })),
  );
  const verdictChart = countChart(
    'Verdicts on the titles',
    VERDICT_ORDER.map((k) => ({ cls: VERDICT_FILL[k], label: VERDICT_LABEL[k], count: byVerdict.get(k) ?? 0 })),
  );
  const histogram = shareHistogram(reports.map((r) => r.profile.mle));
  const verdictOptions = present.map((k) => `<option value="${k}" title="${escapeHtml(VERDICT_HELP[k])}">${VERDICT_LABEL[k]} (${byVerdict.get(k)})</option>`).join('');
  const ruleOptions = [...byRule]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([rule, n]) => `<option value="${escapeHtml(rule)}">${escapeHtml(rule)} (${n})</option>`)
    .join('');
  const sortOptions = [
    ['file:asc', 'File'],
    ['title:asc', 'Title'],
    ['verdict:asc', 'Verdict'],
    ['mle:desc', 'Most ML engineering'],
    ['mle:asc', 'Most data science'],
    ['n:desc', 'Most findings'],
  ]
    .map(([v, l]) => `<option value="${v}">${l}</option>`)
    .join('');

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${hash(CSS)}; script-src ${hash(SCRIPT)}">
<title>JD Lint report: ${plural(reports.length, 'posting')}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>JD Lint report</h1>
<p class="sum">${plural(reports.length, 'posting')} · ${plural(findings, 'finding')} (${plural(sev.error, 'error')}, ${plural(sev.warning, 'warning')}, ${(sev.info + sev.hint).toLocaleString('en-US')} info)${skipped.length ? ` · ${plural(skipped.length, 'file')} skipped: not job postings (listed at the end)` : ''}</p>
<div class="chips" aria-label="Verdicts: click one to show only those">${chips}</div>
</header>
<section class="overview" aria-label="The folder at a glance">
<figure><figcaption>Role mix of the duties</figcaption>${roleChart}</figure>
<figure><figcaption>Verdicts on the titles</figcaption>${verdictChart}</figure>
<figure><figcaption>Postings from all data science to all ML engineering</figcaption>${histogram}</figure>
</section>
<form class="controls" role="search" aria-label="Filter and sort the postings">
<label>Verdict<select id="f-verdict"><option value="">All verdicts</option>${verdictOptions}</select></label>
<label>Rule<select id="f-rule"><option value="">Any rule</option>${ruleOptions}</select></label>
<label>Title or file<input id="f-text" type="search" placeholder="Search"></label>
<label>Sort by<select id="sort">${sortOptions}</select></label>
<output id="shown">${reports.length} of ${reports.length} postings shown</output>
</form>
<div id="postings" role="table" aria-label="Postings">
<div class="head" role="row"><div role="columnheader" data-key="title"><button type="button">Posting</button></div><div role="columnheader" data-key="verdict"><button type="button">Verdict</button></div><div role="columnheader" data-key="mle"><button type="button">DS / MLE share</button></div><div role="columnheader" data-key="n"><button type="button">Findings</button></div></div>
<div class="rows" role="rowgroup">
${reports.map((r, i) => row(r, verdicts[i], i)).join('\n')}
</div>
</div>
${
  skipped.length
    ? `<details class="skipped"><summary>${plural(skipped.length, 'file')} skipped: not job postings</summary><ul>${skipped
        .map((r) => `<li><span class="f">${escapeHtml(r.file)}</span> ${escapeHtml(r.reason ?? '')}</li>`)
        .join('')}</ul></details>`
    : ''
}
<footer>jdlint ${escapeHtml(opts.version)} · the share bar is the duty evidence of each role: data science from the left, ML engineering from the right.</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
