// The HTML report (jdlint --format html): one row per posting with the linter's verdict, every
// posting's text escaped, nothing loaded from elsewhere. The page in a browser: test/editor/report.mjs.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatHtml, reportVerdict } from '../../server/src/cli/html';
import { toJson, type JsonReport } from '../../server/src/cli/format';
import { runCli } from '../../server/src/cli/run';
import { lint } from '../../server/src/linter';
import { escapeHtml, shareBar } from '../../server/src/report/render';
import { BOTH, DATA_SCIENCE, ML_ENGINEERING, NEITHER } from '../fixtures/verdict-bodies';

const HOSTILE_TITLE = `Data Scientist <script>alert("x")</script> & 'R&D'`;

const postings: Record<string, string> = {
  'mismatch.md': `# Senior Data Scientist\n${ML_ENGINEERING}`,
  'match.md': `# Data Scientist\n${DATA_SCIENCE}`,
  'hybrid.md': `# Machine Learning Engineer\n${BOTH}`,
  'neither.md': `# Data Scientist\n${NEITHER}`,
  'analyst.md': `# Data Analyst\n${DATA_SCIENCE}`,
  'untitled.md': `Some notes about a team.\n`,
  'a "quoted" <file> & co.md': `# ${HOSTILE_TITLE}\n${DATA_SCIENCE}\n- Use <b>tags</b> & "quotes" in a <duty>\n`,
};

const reports: JsonReport[] = Object.entries(postings).map(([file, text]) => toJson({ file, display: file, result: lint(text) }));
const html = formatHtml(reports, { version: '9.9.9-test' });
// One line of the page per posting.
const rows = html
  .split('\n')
  .map((line) => line.match(/^<div class="row" role="row" data-i="(\d+)" data-verdict="([a-z]+)"[^>]*>(.*)<\/div>$/))
  .filter((m) => m !== null);
const rowOf = (file: string) => rows[reports.findIndex((r) => r.file === file)];

describe('jdlint --format html', () => {
  it('has one row per posting, in the order of the files', () => {
    expect(rows.map((m) => Number(m[1]))).toEqual(reports.map((_, i) => i));
    expect(html).toContain(`${reports.length} of ${reports.length} postings shown`);
  });

  it("gives each posting the linter's verdict, with the suggested title", () => {
    const verdictOfRow = (file: string) => rowOf(file)[2];
    expect(verdictOfRow('mismatch.md')).toBe('mismatch');
    expect(verdictOfRow('match.md')).toBe('match');
    expect(verdictOfRow('hybrid.md')).toBe('hybrid');
    expect(verdictOfRow('neither.md')).toBe('other');
    expect(verdictOfRow('analyst.md')).toBe('unchecked');
    expect(verdictOfRow('untitled.md')).toBe('unchecked');
    const mismatch = reports.find((r) => r.file === 'mismatch.md')!;
    const finding = mismatch.diagnostics.find((d) => d.rule === 'title-duty-mismatch')!;
    const suggested = finding.suggestions[0];
    expect(suggested).toBe('Senior Machine Learning Engineer');
    expect(rowOf('mismatch.md')[3]).toContain(`Suggested: <q>${suggested}</q>`);
    expect(reportVerdict(mismatch)).toEqual({ kind: 'mismatch', rule: 'title-duty-mismatch', suggestions: finding.suggestions });
  });

  it('lists each finding with its line and column, severity, message and rule', () => {
    const r = reports.find((x) => x.file === 'mismatch.md')!;
    const row = rowOf('mismatch.md')[3];
    for (const d of r.diagnostics) {
      expect(row).toContain(`<span class="loc">${d.line}:${d.column}</span> <span class="sev sev-${d.severity}">${d.severity}</span> <span class="msg">${escapeHtml(d.message)}</span> <code class="rule">${d.rule}</code>`);
    }
    expect(row.match(/<li>/g)).toHaveLength(r.diagnostics.length);
  });

  it('escapes titles, file names and messages: no markup from a posting reaches the page', () => {
    const row = rowOf('a "quoted" <file> & co.md')[3];
    expect(row).toContain('Data Scientist &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;R&amp;D&#39;');
    expect(row).toContain('a &quot;quoted&quot; &lt;file&gt; &amp; co.md');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b>tags');
    expect(html).not.toContain('<duty>');
    // The page's own script is its only script element.
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('loads nothing from elsewhere: a CSP of the hashes of its own style and script, no URLs', () => {
    const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)![1];
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    const style = html.match(/<style>([\s\S]*?)<\/style>/)![1];
    const script = html.match(/<script>([\s\S]*?)<\/script>/)![1];
    expect(csp).toBe(`default-src 'none'; style-src ${hash(style)}; script-src ${hash(script)}`);
    expect(html).not.toMatch(/\b(src|href)=/);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it('counts the folder: postings, findings, and the role mix in the chart', () => {
    const findings = reports.reduce((n, r) => n + r.diagnostics.length, 0);
    expect(html).toContain(`<p class="sum">7 postings · ${findings} findings`);
    const roles = (role: string) => reports.filter((r) => r.profile.role === role).length;
    const chart = html.match(/<svg class="jd-chart"[^>]*aria-label="Role mix of the duties: ([^"]*)"/)![1];
    expect(chart).toBe(`Data science ${roles('ds')}, ML engineering ${roles('mle')}, Hybrid ${roles('hybrid')}, Unclear ${roles('unclear')}`);
  });

  it('offers a rule filter with every rule that fired, and a verdict filter with every verdict present', () => {
    const fired = [...new Set(reports.flatMap((r) => r.diagnostics.map((d) => d.rule)))].sort();
    const ruleSelect = html.match(/<select id="f-rule">([\s\S]*?)<\/select>/)![1];
    expect([...ruleSelect.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1])).toEqual(fired);
    const verdictSelect = html.match(/<select id="f-verdict">([\s\S]*?)<\/select>/)![1];
    expect([...verdictSelect.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]).sort()).toEqual(['hybrid', 'match', 'mismatch', 'other', 'unchecked']);
  });

  it('draws the share bar to the shares: data science from the left', () => {
    const bar = shareBar({ ds: 0.234, mle: 0.766, dsPercent: '23%', mlePercent: '77%' });
    expect(bar).toContain('<rect class="jd-ds" width="23.4" height="8"/><rect class="jd-mle" x="23.4" width="76.6" height="8"/>');
    expect(bar).toContain('aria-label="data science 23%, ML engineering 77%"');
  });

  it('lists files that are not job postings apart, with the reason, and counts them out of the rows', () => {
    const notPosting: JsonReport = { file: 'notes/<meeting>.md', posting: false, reason: 'not a posting: no job title & no duties', title: null, profile: { ds: 0.5, mle: 0.5, role: 'unclear' }, diagnostics: [] };
    const page = formatHtml([...reports, notPosting], { version: 'x' });
    expect(page.split('\n').filter((l) => l.startsWith('<div class="row"'))).toHaveLength(reports.length);
    expect(page).toContain('7 postings · ');
    expect(page).toContain('1 file skipped: not job postings');
    expect(page).toContain('<li><span class="f">notes/&lt;meeting&gt;.md</span> not a posting: no job title &amp; no duties</li>');
  });

  it('keeps the verdicts with --quiet, which lists only error findings', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jdlint-html-'));
    writeFileSync(path.join(dir, 'mismatch.md'), postings['mismatch.md']);
    let out = '';
    const code = runCli(['--format', 'html', '--quiet', 'mismatch.md'], {
      cwd: dir,
      home: dir,
      stdout: (s) => (out += s),
      stderr: () => {},
      isTTY: false,
      version: 'x',
    });
    expect(code).toBe(0);
    const row = out.split('\n').find((l) => l.startsWith('<div class="row"'))!;
    expect(row).toContain('data-verdict="mismatch"');
    expect(row).toContain('Suggested: <q>Senior Machine Learning Engineer</q>');
    expect(row).toContain('<p class="clean">No problems</p>');
  });
});
