import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../server/src/engine/config';
import { detectPosting } from '../../server/src/engine/detect';
import { parsePosting } from '../../server/src/engine/posting';
import { lint } from '../../server/src/linter';

const detect = (text: string, ask = true) => detectPosting(parsePosting(text), ask);
const ASKING = { ...DEFAULT_CONFIG, detectPostings: true };

const POSTING = `# Senior Data Scientist, Growth

## About the role

You will join our analytics team and report to the Head of Data.

## Responsibilities

- Design and analyse A/B tests for the checkout flow
- Build churn models and explain them to stakeholders

## Requirements

- 4+ years of experience with Python and SQL
- A degree in statistics or a related field

Salary: $150,000 - $180,000. We are an equal opportunity employer.
`;

const FLATTENED = `# Machine Learning Engineer - Remote (EU)

We are looking for a Machine Learning Engineer to deploy and monitor our ranking models.What you'll do:Package models as services, build CI/CD for training pipelines.Requirements:3+ years of experience with Kubernetes.`;

const README = `# fast-csv-stream

A streaming CSV parser for Node.js.

## Install

\`\`\`sh
npm install fast-csv-stream
\`\`\`

## Usage

\`\`\`js
const { parse } = require('fast-csv-stream');
parse(file).on('row', (row) => console.log(row));
\`\`\`

## Requirements

Node.js 18 or later is required.

## License

MIT
`;

const CHANGELOG = `# Changelog

## [2.1.0] - 2024-03-02

### Added
- \`--max-warnings\` option.

### Fixed
- The parser no longer drops the last row when the file has no trailing newline.

## [2.0.0] - 2024-01-10

### Changed
- Node.js 18 is required.
`;

const MEETING_NOTES = `# Hiring sync, 12 March

Attendees: Ana, Ben, Chloe

- Ben to post the Data Scientist opening by Friday
- Chloe: the interview loop needs a take-home review slot
- Budget for the role is approved

Next meeting: 19 March.
`;

const BLOG = `# How we hire data scientists

Last year we hired four data scientists. This post is about what we learned.

## What we look for

We care less about years of experience than about how candidates explain a result to
stakeholders. A degree in statistics helps, but the take-home matters more.

## Our interview loop

Candidates meet the team, present an analysis, and talk about compensation with the recruiter.
`;

describe('detectPosting', () => {
  it('takes a Markdown posting for a posting, naming the title and the evidence that sufficed', () => {
    const d = detect(POSTING);
    expect(d.posting).toBe(true);
    expect(d.by).toBe('text');
    expect(POSTING.slice(d.roleTitle!.start, d.roleTitle!.end)).toBe('Senior Data Scientist, Growth');
    // Its two kinds of duty-section heading (the first of each kind) suffice: the wording is not read.
    expect(d.headings.map((h) => POSTING.slice(h.start, h.end))).toEqual(['About the role', 'Requirements']);
    expect(d.reason).toMatch(/^a posting: the title "Senior Data Scientist, Growth" names a job, 0 kinds of posting wording \(none\) and 2 kinds of duty-section heading, 2 needed$/);
  });

  it('names the posting wording it found when the headings do not suffice', () => {
    const d = detect(FLATTENED);
    expect(d.posting).toBe(true);
    expect(d.terms.length + d.headings.length).toBe(2);
    for (const t of d.terms) expect(FLATTENED.slice(t.range.start, t.range.end)).toBe(t.text);
    expect(d.reason).toMatch(/^a posting: the title "Machine Learning Engineer - Remote \(EU\)" names a job, \d kinds? of posting wording \(.+\)/);
  });

  it('takes a posting pasted as one paragraph for a posting', () => {
    expect(detect(FLATTENED).posting).toBe(true);
  });

  it('takes a posting without a title for a posting when it has duty-section headings (missing-title reports it)', () => {
    const untitled = POSTING.replace(/^# .*\n/, '');
    const d = detect(untitled);
    expect(d.posting).toBe(true);
    expect(d.roleTitle).toBeNull();
    expect(d.headings.map((r) => untitled.slice(r.start, r.end))).toEqual(['About the role', 'Requirements']);
  });

  it('takes a draft, a job title over three duties and nothing else, for a posting; two duties are not enough', () => {
    const draft = '# Senior Data Scientist\n\n- Build churn models in Python\n- Design and analyse A/B tests\n- Present findings to stakeholders\n';
    const d = detect(draft);
    expect(d.posting).toBe(true);
    expect(d.reason).toMatch(/3 of its items are duties of data science or ML engineering, 3 needed/);
    const thin = detect('# Senior Data Scientist\n\n- Build churn models in Python\n- Design and analyse A/B tests\n');
    expect(thin.posting).toBe(false);
    expect(thin.reason).toMatch(/2 of its items are duties of data science or ML engineering, 3 needed/);
  });

  it('does not take a README, a changelog, meeting notes or a blog post about hiring for a posting', () => {
    for (const text of [README, CHANGELOG, MEETING_NOTES, BLOG]) {
      const d = detect(text);
      expect(d.posting, text.split('\n')[0]).toBe(false);
      expect(d.reason).toMatch(/^not a posting: /);
    }
    expect(detect(BLOG).reason).toMatch(/the title "How we hire data scientists" names no job/);
  });

  it('does not count posting wording quoted in a code block', () => {
    const quoted = `# Writing postings\n\nAn example:\n\n\`\`\`markdown\n${POSTING}\`\`\`\n`;
    expect(detect(quoted).terms).toEqual([]);
    expect(detect(quoted).posting).toBe(false);
  });

  it('reads a title with a level or with qualifiers as a job title, a package name as none', () => {
    expect(detect('# Data Analyst III\n\nYou will report to the director. Requirements: SQL.').roleTitle).not.toBeNull();
    expect(detect('# Acme Robotics - Senior Engineer - Remote\n\nYou will report to the CTO. Requirements: C++.').roleTitle).not.toBeNull();
    expect(detect('# Data Ninja\n\nYou will report to the CTO. Requirements: SQL.').roleTitle).not.toBeNull();
    expect(detect('# http-proxy-agent\n\nThe agent is responsible for proxies. Requirements: Node.').roleTitle).toBeNull();
    expect(detect('# Data Science\n\nNotes on the field.').roleTitle).toBeNull();
  });
});

describe('posting markers', () => {
  it('a jdlint-not-posting comment makes a posting no posting, and says where', () => {
    const text = `<!-- jdlint-not-posting -->\n${POSTING}`;
    const d = detect(text);
    expect(d).toMatchObject({ posting: false, by: 'comment', reason: 'not a posting: a jdlint-not-posting comment says so' });
    expect(text.slice(d.marker!.start, d.marker!.end)).toBe('<!-- jdlint-not-posting -->');
  });

  it('a jdlint-posting comment makes any document a posting', () => {
    expect(detect(`${MEETING_NOTES}\n<!-- jdlint-posting -->\n`)).toMatchObject({ posting: true, by: 'comment' });
  });

  it('front matter "jdlint: not-posting" or "jdlint: posting" settles it', () => {
    expect(detect(`---\njdlint: not-posting\n---\n${POSTING}`)).toMatchObject({ posting: false, by: 'frontmatter' });
    expect(detect(`---\njdlint: posting\n---\n${README}`)).toMatchObject({ posting: true, by: 'frontmatter' });
  });

  it('a marker inside a code block or inside a line of text is an example, not a marker', () => {
    expect(detect(`${POSTING}\n\`\`\`markdown\n<!-- jdlint-not-posting -->\n\`\`\`\n`).posting).toBe(true);
    expect(detect(`${POSTING}\nWrite <!-- jdlint-not-posting --> to skip a file.\n`).posting).toBe(true);
  });

  it('wins over a caller that does not ask (a files pattern)', () => {
    expect(detect(README, false)).toMatchObject({ posting: true, by: 'caller' });
    expect(detect(`<!-- jdlint-not-posting -->\n${POSTING}`, false)).toMatchObject({ posting: false, by: 'comment' });
  });
});

describe('lint with detectPostings', () => {
  it('gives a non-posting no findings, and a posting the same findings as without asking', () => {
    const readme = lint(README, ASKING);
    expect(readme.findings).toEqual([]);
    expect(readme.detection.posting).toBe(false);
    expect(lint(README).findings.length).toBeGreaterThan(0);
    expect(lint(POSTING, ASKING).findings).toEqual(lint(POSTING).findings);
  });

  it('leaves a document not marked alone when it is not asked, as tests and the eval lint postings', () => {
    expect(lint(README).detection).toMatchObject({ posting: true, by: 'caller' });
  });
});
