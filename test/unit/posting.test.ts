import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePosting } from '../../server/src/engine/posting';
import { keepItemResults } from '../../server/src/engine/text';
import type { Posting, SectionKind } from '../../server/src/engine/types';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/parser', name), 'utf8');

/** Every item and the title must be exactly the document text at their ranges. */
function expectExactRanges(p: Posting): void {
  for (const item of p.items) expect(p.text.slice(item.range.start, item.range.end)).toBe(item.text);
  if (p.title) expect(p.text.slice(p.title.range.start, p.title.range.end)).toBe(p.title.text);
  for (const s of p.sections) {
    if (s.headingRange) expect(p.text.slice(s.headingRange.start, s.headingRange.end)).toBe(s.heading);
  }
}

function itemsOf(p: Posting, kind: SectionKind): string[] {
  return p.items.filter((i) => i.section === kind).map((i) => i.text);
}

describe('parsePosting: titles', () => {
  it('takes the title from front matter, range over the value without quotes', () => {
    const text = '---\ntitle: "Senior Data Scientist"\n---\n\n# Ignored heading\n';
    const p = parsePosting(text);
    expect(p.title).toEqual({ text: 'Senior Data Scientist', range: { start: 12, end: 33 }, source: 'frontmatter' });
    expect(p.frontMatter?.data).toEqual({ title: 'Senior Data Scientist' });
    expect(p.frontMatter?.range).toEqual({ start: 0, end: 38 });
  });

  it('takes an unquoted front matter title', () => {
    const p = parsePosting('---\ntitle: ML Engineer\nteam: Search\n---\nBody text here.\n');
    expect(p.title).toEqual({ text: 'ML Engineer', range: { start: 11, end: 22 }, source: 'frontmatter' });
  });

  it('takes the first H1 without the # markup', () => {
    const p = parsePosting('# Staff Machine Learning Engineer\n\nWe deploy models.\n');
    expect(p.title).toEqual({ text: 'Staff Machine Learning Engineer', range: { start: 2, end: 33 }, source: 'heading' });
  });

  it('takes an H2 when there is no H1 and skips section headings', () => {
    const p = parsePosting('## Responsibilities\n\n- Build models\n\n## Data Analyst, Growth\n');
    expect(p.title?.text).toBe('Data Analyst, Growth');
    expect(p.title?.range).toEqual({ start: 40, end: 60 });
  });

  it('takes a Setext heading', () => {
    const p = parsePosting('Applied Scientist\n=================\n\nWe run experiments.\n');
    expect(p.title).toEqual({ text: 'Applied Scientist', range: { start: 0, end: 17 }, source: 'heading' });
  });

  it('takes a "Job title:" label line and does not make it an item', () => {
    const text = 'Company: Acme\nJob title: Data Scientist II\nAnalyse churn for the retention team\n';
    const p = parsePosting(text);
    expect(p.title).toEqual({ text: 'Data Scientist II', range: { start: 25, end: 42 }, source: 'label' });
    expect(p.items.map((i) => i.text)).not.toContain('Job title: Data Scientist II');
  });

  it('takes a "Position:" label inside bold markup', () => {
    const p = parsePosting('**Position:** MLOps Engineer\n\nRun the model registry.\n');
    expect(p.title?.text).toBe('MLOps Engineer');
    expect(p.title?.source).toBe('label');
  });

  it('has no title when nothing names the posting', () => {
    expect(parsePosting('Build models.\nDeploy them.\n').title).toBeNull();
  });
});

describe('parsePosting: clean Markdown', () => {
  const text = fixture('clean-frontmatter.md');
  const p = parsePosting(text);

  it('reads front matter data and the title', () => {
    expect(p.title?.text).toBe('Senior Machine Learning Engineer');
    expect(p.title?.source).toBe('frontmatter');
    expect(p.frontMatter?.data).toEqual({ title: 'Senior Machine Learning Engineer', team: 'Ranking', remote: true });
    expect(p.frontMatter?.error).toBeUndefined();
  });

  it('sorts bullets and numbered items into sections by heading synonyms', () => {
    expect(p.sections.map((s) => [s.kind, s.heading])).toEqual([
      ['unknown', null],
      ['responsibilities', "What you'll do"],
      ['requirements', 'Requirements'],
      ['niceToHave', 'Nice to have'],
      ['tools', 'Tech stack'],
      ['nonDuty', 'Benefits'],
    ]);
    expect(itemsOf(p, 'responsibilities')).toEqual([
      'Deploy ranking models to production behind a low-latency API',
      'Build CI/CD pipelines for model training and release\n  on our Kubernetes clusters',
      'Monitor model drift and retrain when quality drops',
    ]);
    expect(p.items.filter((i) => i.section === 'responsibilities').map((i) => i.kind)).toEqual(['bullet', 'bullet', 'numbered']);
    expect(itemsOf(p, 'requirements')).toEqual(['4+ years of Python', 'Experience with Docker and Kubernetes']);
    expect(itemsOf(p, 'niceToHave')).toEqual(['Experience with Triton or TorchServe']);
    expect(itemsOf(p, 'tools')).toEqual(['PyTorch, Ray, Argo Workflows']);
  });

  it('keeps benefits in a nonDuty section and drops "Apply now" debris', () => {
    expect(itemsOf(p, 'nonDuty')).toEqual(['Health, dental and vision cover']);
  });

  it('never makes items of headings, code blocks, HTML comments or front matter', () => {
    const all = p.items.map((i) => i.text).join('\n');
    expect(all).not.toMatch(/replicas|internal note|team: Ranking|Acme Robotics is hiring|^Requirements$/m);
  });

  it('gives every item, heading and the title its exact source range', () => {
    expectExactRanges(p);
    const first = p.items.find((i) => i.section === 'responsibilities')!;
    const start = text.indexOf('Deploy ranking');
    expect(first.range).toEqual({ start, end: start + 'Deploy ranking models to production behind a low-latency API'.length });
  });
});

describe('parsePosting: pasted shapes', () => {
  it('reads one duty per line and headings as plain lines, with or without a colon', () => {
    const p = parsePosting(fixture('lines-no-glyphs.txt'));
    expect(itemsOf(p, 'responsibilities')).toEqual([
      'Design and analyse A/B tests for the checkout flow',
      'Present findings to product managers and directors',
      'Build forecasting models for weekly demand',
    ]);
    expect(p.items.filter((i) => i.section === 'responsibilities').every((i) => i.kind === 'line')).toBe(true);
    expect(itemsOf(p, 'requirements')).toEqual(['MSc in statistics or a related field', 'Strong SQL and R or Python']);
    expect(p.sections.find((s) => s.kind === 'requirements')?.heading).toBe('Qualifications');
    expect(itemsOf(p, 'nonDuty')).toEqual(['Hybrid working']);
    expectExactRanges(p);
  });


  it('reads "As a <role>, you will" as the lead-in to the duties, but not a sentence that goes on', () => {
    const p = parsePosting(
      'Northwind sells bikes across the north of England.\n' +
        'As a Senior Forecasting Analyst, you will:\nForecast rentals per station\nExplain the forecast to store managers\n' +
        "As an engineer here you'll be responsible for:\nKeeping the pipelines green\n" +
        'As a team we ship every week and you will too\n',
    );
    expect(p.sections.map((s) => [s.kind, s.heading])).toEqual([
      ['unknown', null],
      ['responsibilities', 'As a Senior Forecasting Analyst, you will'],
      ['responsibilities', "As an engineer here you'll be responsible for"],
    ]);
    expect(itemsOf(p, 'responsibilities')).toEqual([
      'Forecast rentals per station',
      'Explain the forecast to store managers',
      'Keeping the pipelines green',
      'As a team we ship every week and you will too',
    ]);
    expectExactRanges(p);
  });
  it('does not make items of job-board debris ("Show Less", "Report", "Show more")', () => {
    const texts = [...parsePosting(fixture('lines-no-glyphs.txt')).items, ...parsePosting(fixture('flattened.txt')).items].map((i) => i.text);
    expect(texts.some((t) => /show (less|more)|^report$/i.test(t))).toBe(false);
  });

  it('splits a flattened posting at glued headings and sentences', () => {
    const text = fixture('flattened.txt');
    const p = parsePosting(text);
    expect(p.sections.map((s) => [s.kind, s.heading])).toEqual([
      ['unknown', null],
      ['responsibilities', "What you'll do"],
      ['requirements', 'Requirements'],
      ['responsibilities', 'Job Responsibilities'],
      ['nonDuty', 'Location'],
      ['responsibilities', null],
      ['nonDuty', 'About Northwind'],
    ]);
    expect(itemsOf(p, 'responsibilities')).toEqual([
      'Design experiments for pricing.',
      'Explain results to store managers &amp; buyers.',
      'Build dashboards in Looker.',
      'Responsible for the weekly forecast review.',
      'Mentor two junior analysts.',
    ]);
    expect(itemsOf(p, 'requirements')).toEqual(['3+ years of SQL.', 'Experience with causal inference.']);
    expect(itemsOf(p, 'nonDuty')).toEqual(['Leeds, UK.', 'Northwind was founded in 2015.']);
    expect(p.items.filter((i) => i.section === 'responsibilities').every((i) => i.kind === 'sentence')).toBe(true);
    expectExactRanges(p);
  });

  it('gives exact offsets for a glued heading and the duty after it', () => {
    const text = "We build a platform for grocers and their suppliers across the whole of the north of England.What you'll do:Build models for demand.";
    const p = parsePosting(text);
    const section = p.sections.find((s) => s.kind === 'responsibilities')!;
    expect(section.headingRange).toEqual({ start: 93, end: 107 });
    expect(section.items.map((i) => [i.text, i.range])).toEqual([['Build models for demand.', { start: 108, end: 132 }]]);
  });

  // Flattened postings: each case gives the text, the sections found and the items of two of them.
  const flattened: { name: string; text: string; sections: [string, string | null][]; items: Record<string, string[]> }[] = [
    {
      name: 'finds a heading glued after a short word, but never inside a CamelCase name',
      text:
        'We sell bikes to riders across the whole of the north of England and beyond.What You’ll DoTrain models with PyTorch for our rental forecasts.' +
        ' Ship them to the app.Who You AreSomeone who enjoys GitHub reviews. At PayPal you worked on payments.',
      sections: [
        ['unknown', null],
        ['responsibilities', 'What You’ll Do'],
        ['requirements', 'Who You Are'],
      ],
      items: {
        responsibilities: ['Train models with PyTorch for our rental forecasts.', 'Ship them to the app.'],
        requirements: ['Someone who enjoys GitHub reviews.', 'At PayPal you worked on payments.'],
      },
    },
    {
      name: 'finds a known heading followed by a space where flattening lost the line break',
      text:
        'We sell bikes to riders across the whole of the north of England and beyond. Key Responsibilities Forecast rentals per station each week.' +
        ' Company policy asks for weekly reports. Preferred Qualifications Experience with Stan. Location Remote is possible.',
      sections: [
        ['unknown', null],
        ['responsibilities', 'Key Responsibilities'],
        ['niceToHave', 'Preferred Qualifications'],
      ],
      items: {
        responsibilities: ['Forecast rentals per station each week.', 'Company policy asks for weekly reports.'],
        niceToHave: ['Experience with Stan.', 'Location Remote is possible.'],
      },
    },
    {
      name: 'finds a heading glued after a closing parenthesis, where a board ran a field into the description',
      text:
        'About Us\nNorthwind sells bikes across the north of England.\n' +
        'Work Location: Leeds (Hybrid)Job Description:Forecast rentals per station each week. Explain the forecast to store managers.',
      sections: [
        ['nonDuty', 'About Us'],
        ['nonDuty', 'Work Location'],
        ['unknown', 'Job Description'],
      ],
      items: {
        nonDuty: ['Northwind sells bikes across the north of England.', 'Leeds (Hybrid)'],
        unknown: ['Forecast rentals per station each week. Explain the forecast to store managers.'],
      },
    },
  ];
  for (const c of flattened) {
    it(c.name, () => {
      const p = parsePosting(c.text);
      expect(p.sections.map((s) => [s.kind, s.heading])).toEqual(c.sections);
      for (const [kind, items] of Object.entries(c.items)) expect(itemsOf(p, kind as SectionKind)).toEqual(items);
      expectExactRanges(p);
    });
  }

  it('splits "Responsibilities:Design..." at the start of a line', () => {
    const p = parsePosting('Responsibilities:Design training pipelines. Serve models behind an API.');
    expect(p.sections[0].kind).toBe('responsibilities');
    expect(p.sections[0].headingRange).toEqual({ start: 0, end: 16 });
    expect(itemsOf(p, 'responsibilities')).toEqual(['Design training pipelines. Serve models behind an API.']);
  });

  it('reads \\u2022 and \\u00b7 bullets inside paragraphs, with a generic sub-heading kept in its section', () => {
    const p = parsePosting(fixture('aggregator-bullets.txt'));
    expect(itemsOf(p, 'responsibilities')).toEqual([
      'Train and evaluate models for appointment no-shows.',
      'Package models as services and deploy them on Azure.',
      'Set up monitoring for data drift.',
    ]);
    expect(p.items.filter((i) => i.section === 'responsibilities').every((i) => i.kind === 'bullet')).toBe(true);
    expect(itemsOf(p, 'requirements')).toEqual(['Python and scikit-learn', 'Experience with MLflow']);
    expectExactRanges(p);
  });

  it('splits inline \\u2022 bullets on one line', () => {
    const p = parsePosting('Requirements: \u2022 Python \u2022 SQL \u2022 Airflow');
    expect(itemsOf(p, 'requirements')).toEqual(['Python', 'SQL', 'Airflow']);
    expect(p.items.map((i) => i.range)).toEqual([
      { start: 16, end: 22 },
      { start: 25, end: 28 },
      { start: 31, end: 38 },
    ]);
  });

  it('reads "**Requirements**" bold paragraphs and "o " / "- " glyph lines as headings and bullets', () => {
    const p = parsePosting('**Requirements**\n\nGreat written English\no Statistics degree\n2. Experiment design\n');
    expect(p.sections[0].kind).toBe('requirements');
    expect(p.sections[0].headingRange).toEqual({ start: 2, end: 14 });
    expect(p.items.map((i) => [i.text, i.kind])).toEqual([
      ['Great written English', 'line'],
      ['Statistics degree', 'bullet'],
      ['Experiment design', 'numbered'],
    ]);
    expectExactRanges(p);
  });

  it('keeps ranges exact over CRLF line endings', () => {
    const text = 'Job Title: ML Engineer\r\nResponsibilities:\r\n\u2022 Train models\r\n\u2022 Serve models\r\nShow Less\r\n';
    const p = parsePosting(text);
    expect(p.title).toEqual({ text: 'ML Engineer', range: { start: 11, end: 22 }, source: 'label' });
    expect(p.items.map((i) => [i.text, i.range.start, i.range.end, i.section])).toEqual([
      ['Train models', 45, 57, 'responsibilities'],
      ['Serve models', 61, 73, 'responsibilities'],
    ]);
  });

  it('keeps CRLF front matter and Markdown lists exact', () => {
    const text = '---\r\ntitle: Data Scientist\r\n---\r\n\r\n## Duties\r\n\r\n- Run A/B tests\r\n- Explain results\r\n';
    const p = parsePosting(text);
    expect(p.title?.range).toEqual({ start: 12, end: 26 });
    expect(itemsOf(p, 'responsibilities')).toEqual(['Run A/B tests', 'Explain results']);
    expectExactRanges(p);
  });

  it('separates nonDuty sections (about us, benefits, EEO, how to apply, salary) from duties', () => {
    const text = [
      '## About us', '', 'We sell shoes online and love data.', '',
      '## Responsibilities', '', '- Deploy recommendation models', '',
      '## Equal opportunity', '', 'We welcome applicants from every background.', '',
      'How to apply:', 'Send a CV to the address below.', '',
      'Salary: 60,000 to 70,000 GBP', '',
    ].join('\n');
    const p = parsePosting(text);
    expect(itemsOf(p, 'responsibilities')).toEqual(['Deploy recommendation models']);
    expect(itemsOf(p, 'nonDuty')).toEqual([
      'We sell shoes online and love data.',
      'We welcome applicants from every background.',
      'Send a CV to the address below.',
      '60,000 to 70,000 GBP',
    ]);
  });

  // Heading phrases of job boards: each case gives the posting's lines and the items per section.
  const boardHeadings: { name: string; lines: string[]; items: Partial<Record<SectionKind, string[]>> }[] = [
    {
      name: 'reads headings whose apostrophes a job board dropped, and physical demands as non-duty',
      lines: ['What youll do:', 'Ship a ranking service to production', '', 'Nice If You Have:', 'Some Go', '', 'Physical Requirements:', 'Sitting at a desk for long periods', '', 'Expertise/Requirements', 'Five years of statistics', ''],
      items: { responsibilities: ['Ship a ranking service to production'], niceToHave: ['Some Go'], nonDuty: ['Sitting at a desk for long periods'], requirements: ['Five years of statistics'] },
    },
    {
      name: 'reads board fields such as "Work Remotely:" as one value and more duty headings',
      lines: ['Top Responsibilities:', 'Tune the ranking service', '', 'Work Remotely: Yes', '', 'Mandatory Skills:', 'Go and SQL', '', 'Plusses:', 'Rust', '', 'What We Can Offer You:', 'A bike allowance', ''],
      items: { responsibilities: ['Tune the ranking service'], requirements: ['Go and SQL'], niceToHave: ['Rust'], nonDuty: ['Yes', 'A bike allowance'] },
    },
  ];
  for (const c of boardHeadings) {
    it(c.name, () => {
      const p = parsePosting(c.lines.join('\n'));
      for (const [kind, items] of Object.entries(c.items)) expect(itemsOf(p, kind as SectionKind)).toEqual(items);
    });
  }

  it('reads "About Acme" as the company but "About our ML team" and "About the roles" as the work', () => {
    const text = [
      'About Acme:', 'Acme sells bikes.', '',
      'About Our ML Team:', 'We train demand models.', '',
      'About the Roles:', 'You will deploy them.', '',
    ].join('\n');
    const p = parsePosting(text);
    expect(p.sections.map((s) => [s.kind, s.heading])).toEqual([
      ['nonDuty', 'About Acme'],
      ['unknown', 'About Our ML Team'],
      ['unknown', 'About the Roles'],
    ]);
  });

  it('splits a long paragraph line into sentences but keeps short lines whole', () => {
    const long = 'You will own the forecasting models for our stores and their suppliers. You will explain their results to buyers and planners every week. You will also keep the pipelines that feed them healthy, fast and cheap to run.';
    expect(long.length).toBeGreaterThan(200);
    const p = parsePosting(`${long}\n\nShort line. Two sentences.\n`);
    expect(p.items.map((i) => [i.text, i.kind])).toEqual([
      ['You will own the forecasting models for our stores and their suppliers.', 'sentence'],
      ['You will explain their results to buyers and planners every week.', 'sentence'],
      ['You will also keep the pipelines that feed them healthy, fast and cheap to run.', 'sentence'],
      ['Short line. Two sentences.', 'line'],
    ]);
  });

  it('does not split sentences at abbreviations such as "e.g." and "U.S."', () => {
    const line = 'Build tools for analysts, e.g. notebooks and dashboards, and support teams across the U.S. and Canada with data about stock levels. Keep them reliable, tested and documented for everybody who relies on them.';
    expect(line.length).toBeGreaterThan(200);
    const p = parsePosting(line);
    expect(p.items.map((i) => i.text)).toEqual([
      'Build tools for analysts, e.g. notebooks and dashboards, and support teams across the U.S. and Canada with data about stock levels.',
      'Keep them reliable, tested and documented for everybody who relies on them.',
    ]);
  });

  it('does not treat a pasted paragraph over a dashed line as a heading', () => {
    const p = parsePosting('Design pricing experiments for stores\nExplain results to managers\n---\nBenefits:\nPension\n');
    expect(p.title).toBeNull();
    expect(p.items.map((i) => [i.text, i.section])).toEqual([
      ['Design pricing experiments for stores', 'unknown'],
      ['Explain results to managers', 'unknown'],
      ['Pension', 'nonDuty'],
    ]);
  });
});

describe('parsePosting: pay', () => {
  it('finds where pay is first stated, wherever it stands', () => {
    const text = '# Data Scientist\n\n## Compensation\n\nBase salary of $150,000 plus equity; up to $180,000.\n\n- Run A/B tests\n';
    const { pay } = parsePosting(text);
    expect(pay).not.toBeNull();
    expect(text.slice(pay!.start, pay!.end)).toBe('Base salary of $150,000');
    // A rate in a heading and a k-range in a pasted line count as much as a sentence.
    const heading = '# Data Scientist\n\n## Pay range 120k-150k\n\n- Run A/B tests\n';
    expect(parsePosting(heading).pay).toEqual({ start: heading.indexOf('Pay range'), end: heading.indexOf('Pay range') + 'Pay range'.length });
  });

  it('finds none where no amount, rate or pay range is named', () => {
    expect(parsePosting('# Data Scientist\n\nCompetitive pay and 3+ years of Python.\n\n- Run A/B tests\n').pay).toBeNull();
  });
});

describe('parsePosting: line reader and micromark agree', () => {
  // Text without block-level Markdown skips micromark (it is most of the cost of a lint); what
  // the line reader makes of it must be what micromark would have given.
  const shape = (p: Posting) => ({ title: p.title, sections: p.sections.map((s) => [s.kind, s.heading]), items: p.items.map((i) => [i.range, i.section, i.kind]) });
  const inline =
    'Senior Data Scientist\n\nWhat you will do:\nDesign A/B tests with `scipy` and our [experiment guide](https://example.invalid/guide)\n' +
    'Present findings<br>to product leads, see snake_case_tables and 2*3 examples\n- Build churn models in R | Python\n\nRequirements\n' +
    '3+ years of SQL ~ or equivalent; a \\ backslash and a > sign mid-line\n+ Experience with dashboards\n';
  // Numbered lists as pasted from job boards: a long numbered duty, a list nested in a numbered
  // item ("10. 1. ..."), "2." after a paragraph line (no list: only "1." interrupts a paragraph),
  // a bullet wrapped onto a lower-case line (the same duty) and a capitalised one (its own line).
  const lists =
    'Data Scientist II\n\nQualifications:\n\n9. Requires a degree in statistics, economics or a related field, with coursework in experiment design, ' +
    'causal inference and survey sampling, and a thesis or project that applied them to real decisions. Requires completion of a course in the following:\n\n' +
    '10. 1. Regression and forecasting\n\n11. 2. Working with large data sets\n\nWe value people who\n2. explain results plainly\n\n' +
    '1) Present findings to leaders\n2) Run pricing experiments\n3) Build dashboards in Looker\n\n' +
    '- Bachelor degree in economics, finance, statistics, operations\nresearch, or a related field\n- Experience with SQL\nPython and R\n';
  // The only Markdown in this posting is one bold line: the rest is read without micromark.
  const oneBoldLine =
    fixture('lines-no-glyphs.txt') + '\n\n**Benefits**\nHealth insurance and a pension\n\nResponsibilities:\n\n' + 'Deploy models behind an API\nMonitor drift in production\n';
  for (const [name, text] of [
    ['lines-no-glyphs.txt', fixture('lines-no-glyphs.txt')],
    ['flattened.txt', fixture('flattened.txt')],
    ['inline syntax mid-line', inline],
    ['numbered and wrapped list items', lists],
    ['a pasted posting with one bold line', oneBoldLine],
  ] as const) {
    it(`reads ${name} as micromark does`, () => {
      const fast = parsePosting(text);
      expect(fast.items.length).toBeGreaterThan(2);
      expect(shape(fast)).toEqual(shape(parsePosting(text, { alwaysMarkdown: true })));
    });
  }

  it('keeps numbered duties whole, strips nested numbers and joins wrapped bullet lines', () => {
    const items = parsePosting(lists).items.map((i) => [i.text, i.kind]);
    const long = items.find(([text]) => text.startsWith('Requires a degree'));
    expect(long?.[0]).toMatch(/in the following:$/);
    expect(long?.[0].length).toBeGreaterThan(200);
    expect(long?.[1]).toBe('numbered');
    expect(items).toContainEqual(['Regression and forecasting', 'numbered']);
    expect(items).toContainEqual(['explain results plainly', 'numbered']);
    expect(items).toContainEqual(['Run pricing experiments', 'numbered']);
    expect(items).toContainEqual(['Bachelor degree in economics, finance, statistics, operations\nresearch, or a related field', 'bullet']);
    expect(items).toContainEqual(['Experience with SQL', 'bullet']);
    expect(items).toContainEqual(['Python and R', 'line']);
  });

  it('never cuts a posting inside an HTML comment or a fence that holds blank lines', () => {
    const text =
      '# Data Scientist\n\n<!--\nDraft notes\n\nDeploy models on Kubernetes\n-->\n\nWhat you will do:\nDesign pricing experiments\n\n' +
      '```\nexample <!-- not a comment\n\nMonitor drift in production\n```\n\nPresent findings to leaders\n\n<!-- a note --> Build churn models\n';
    const items = parsePosting(text).items.map((i) => i.text);
    // A line that opens with a comment is an HTML block, as in micromark: no item.
    expect(items).toEqual(['Design pricing experiments', 'Present findings to leaders']);
    expect(shape(parsePosting(text))).toEqual(shape(parsePosting(text, { alwaysMarkdown: true })));
  });

  it('reads the bold line of a pasted posting as a heading', () => {
    const p = parsePosting(oneBoldLine);
    expect(p.items.find((i) => i.text === 'Health insurance and a pension')?.section).toBe('nonDuty');
    expect(p.items.find((i) => i.text === 'Monitor drift in production')?.section).toBe('responsibilities');
  });
});

describe('parsePosting: bad input', () => {
  it('does not throw on an empty document', () => {
    expect(parsePosting('')).toEqual({ text: '', title: null, frontMatter: null, sections: [], items: [], pay: null });
  });

  it('does not throw on binary junk with NUL bytes and lone surrogates', () => {
    const junk = '\u0000\u0001\ud800abc\udfff\u0000PNG\r\n\u001a\n' + String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 65536));
    const p = parsePosting(junk);
    expectExactRanges(p);
  });

  it('reports unclosed front matter and still parses the rest as Markdown', () => {
    const p = parsePosting('---\ntitle: Data Scientist\n\n## Responsibilities\n\n- Run experiments\n');
    expect(p.frontMatter?.data).toBeNull();
    expect(p.frontMatter?.error).toMatch(/not closed/);
    expect(p.frontMatter?.range).toEqual({ start: 0, end: 3 });
    expect(itemsOf(p, 'responsibilities')).toEqual(['Run experiments']);
  });

  it('reports invalid YAML in front matter and keeps parsing', () => {
    const p = parsePosting('---\ntitle: [unclosed\n---\n\n# ML Engineer\n');
    expect(p.frontMatter?.error).toMatch(/YAML/);
    expect(p.title?.text).toBe('ML Engineer');
  });

  it('does not throw or stall on 20,000 nested list levels', () => {
    const deep = '- '.repeat(20_000) + 'deploy models\n';
    const staircase = Array.from({ length: 3000 }, (_, i) => ' '.repeat(i * 2) + '- monitor drift').join('\n');
    const a = parsePosting(deep);
    const b = parsePosting(staircase);
    expect(a.items.map((i) => i.text)).toEqual(['deploy models']);
    expect(b.items).toHaveLength(3000);
    expectExactRanges(b);
  });

  // Time is measured in the benchmarks (npm run bench), not asserted here.
  it('parses a 1 MB posting of each shape completely', () => {
    const unit = '## Responsibilities\n\n- Deploy models *fast* & [well](https://example.invalid)\n- Monitor drift\n\nA plain line.\nAnother line.\n\n';
    const big = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const flat = 'Build models for demand.What you will do:Serve them. '.repeat(20_000);
    const p = parsePosting(big);
    const q = parsePosting(flat);
    expect(p.items.length).toBeGreaterThan(30_000);
    expect(q.items.length).toBeGreaterThan(20_000);
  });
});

describe('parsePosting while a long Markdown posting is edited', () => {
  // Long enough for several Markdown runs (about 8,000 characters each).
  const long = (edit: string) => {
    const lines = ['# Senior Data Scientist', '', '## What you will do', '', `- ${edit}`];
    for (let i = 0; i < 600; i++) {
      lines.push(`- Deploy model ${i} behind an API and watch its latency`);
      if (i % 40 === 39) lines.push('', `## Team ${i}`, '', '**Requirements**', '');
    }
    return lines.join('\n') + '\n';
  };
  const shape = (p: ReturnType<typeof parsePosting>) => ({
    sections: p.sections.map((s) => [s.kind, s.heading, s.range.start, s.range.end]),
    items: p.items.map((i) => [i.section, i.kind, i.text, i.range.start, i.range.end]),
    title: p.title,
  });

  it('gives, keystroke after keystroke, exactly what a fresh parse gives', () => {
    let typed = 'Own';
    const fresh = (text: string) => {
      keepItemResults(false);
      try {
        return shape(parsePosting(text));
      } finally {
        keepItemResults(true);
      }
    };
    keepItemResults(true);
    for (const ch of ' the ranking models end to end') {
      typed += ch;
      const text = long(typed);
      expect(text.length).toBeGreaterThan(30_000);
      expect(shape(parsePosting(text))).toEqual(fresh(text));
    }
    // The same runs at other offsets: one character more before them shifts every range.
    const shifted = '\n' + long(typed);
    expect(shape(parsePosting(shifted))).toEqual(fresh(shifted));
    expect(parsePosting(shifted).items.find((i) => i.text.startsWith('Deploy model 599'))!.range.start).toBe(shifted.indexOf('Deploy model 599'));
  });
});

describe('parsePosting while a pasted posting is edited', () => {
  // Plain text read by the line reader block by block: headings without '#', a "Title:" line, an
  // inline field, numbered and bulleted lists with lazy lines, a fence, glued headings, glyphs.
  const BASE = [
    'Job title: Senior Data Scientist\n\nAbout us\nWe build tools for farms. Our team is small.\n\n',
    'What you will do:\n1. Deploy models behind an API\n2. Monitor drift in production\nand report it weekly\n3. Own CI/CD for the models\n\n',
    'Requirements\n- 5+ years of Python\n- SQL\nSpark\n  - nested: Airflow\n\n```\n# not a heading\n- not an item\n```\n\n',
    'Location: Remote Responsibilities:Design A/B tests. Present insights to stakeholders.What you bring:Statistics • Tableau • dbt\n\n',
    '# Machine Learning Engineer\n\n## Nice to have\n\nKubernetes\nTerraform\n\n    indented text stays a line\n',
  ].join('');
  const fresh = (text: string) => {
    keepItemResults(false);
    try {
      return parsePosting(text);
    } finally {
      keepItemResults(true);
    }
  };
  const shape = (p: ReturnType<typeof parsePosting>) => ({ title: p.title, frontMatter: p.frontMatter, sections: p.sections, items: p.items });

  it('gives, edit after edit anywhere in it, exactly what a fresh parse gives', () => {
    // A fixed pseudo-random sequence of insertions and deletions, blank lines included: blocks
    // split, merge, move, and lose or gain the heading title and the "Title:" line before them.
    let seed = 7;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const INSERTS = ['\n', '\n\n', ' ', 'a', 'R', ':', '.', '-', '- ', '1. ', '# ', '`', '```\n', '- ```\n', '•', 'Title: X\n', 'Requirements\n', '**', '* ', '> ', '---\n'];
    keepItemResults(true);
    // With a heading title, and without one (then the first "Title:" line names the posting).
    // And Markdown read by micromark run by run: front matter, bold headings, quotes, tables.
    const MD = '**What you will do**\n\n* Deploy models behind an API\n* Monitor drift\n\n> About us: a farm tools company\n\n| Tool | Use |\n|---|---|\n| SQL | reports |\n\n## Requirements\n\n1. Python\n2. Statistics\n\n';
    const starts = [
      BASE + BASE.replace('Job title: Senior Data Scientist', 'Overview'),
      BASE.replace('# Machine', 'Machine') + BASE.replace('# Machine', 'Machine'),
      '---\ntitle: Senior Data Scientist\n---\n\n' + MD + BASE + MD,
    ];
    for (const start of starts) {
      let text = start;
      for (let step = 0; step < 300; step++) {
        const at = rand(text.length + 1);
        if (rand(3) === 0 && text.length > 0) text = text.slice(0, at) + text.slice(at + 1 + rand(3));
        else text = text.slice(0, at) + INSERTS[rand(INSERTS.length)] + text.slice(at);
        expect(shape(parsePosting(text)), `after edit ${step}`).toEqual(shape(fresh(text)));
      }
    }
  });

  it('reads a block again when what came before it changes how it reads', () => {
    keepItemResults(true);
    const pairs: [string, string][] = [
      // The first "Title:" line names the posting: a later one read first must not win once an earlier one is typed.
      ['Overview\n\nTitle: Data Analyst\n\nDeploy models\n', 'Title: ML Engineer\n\nOverview\n\nTitle: Data Analyst\n\nDeploy models\n'],
      // The first H1 names the posting; a later one is then a section heading.
      ['Intro\n\n# Data Scientist\n\nDeploy models\n', '# ML Engineer\n\nIntro\n\n# Data Scientist\n\nDeploy models\n'],
      // A fence opened in a list item (plain text to the line reader) runs on past blank lines.
      ['Intro\n\nstill in the fence\n\nDeploy models\n', 'Intro\n- ```\n\nstill in the fence\n\nDeploy models\n'],
      // Front matter counts only at the very start of the document.
      ['---\ntitle: Data Analyst\n---\n\n**Duties**\n\n* Deploy models\n', 'Intro\n\n---\ntitle: Data Analyst\n---\n\n**Duties**\n\n* Deploy models\n'],
      // The same Markdown block, past the document's Markdown budget, is read line by line (a
      // Setext heading is Markdown's; the line reader reads two lines).
      ['Intro\n\nSenior Data Scientist\n===\n', 'x'.repeat(70_000) + '\n\nSenior Data Scientist\n===\n'],
    ];
    for (const [before, after] of pairs) {
      expect(shape(parsePosting(before))).toEqual(shape(fresh(before)));
      expect(shape(parsePosting(after))).toEqual(shape(fresh(after)));
    }
  });

  it('places the blocks an edit did not touch at their new offsets', () => {
    const lines: string[] = ['Data Scientist', '', 'What you will do:', ''];
    for (let i = 0; i < 300; i++) lines.push(`Deploy model ${i} behind an API and watch its latency`, '');
    const text = lines.join('\n');
    keepItemResults(true);
    const first = parsePosting(text);
    // One character typed into the first duty: the other blocks keep their items, one character on.
    const typed = text.replace('Deploy model 0 ', 'Deploy model 0x ');
    const next = parsePosting(typed);
    expect(shape(next)).toEqual(shape(fresh(typed)));
    expect(next.items.length).toBe(first.items.length);
    expect(next.items[150].range.start).toBe(first.items[150].range.start + 1);
    expect(next.items[150].text).toBe(first.items[150].text);
  });
});
