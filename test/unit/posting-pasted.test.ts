// The parser on what real pastes look like: flattened lines, glued headings, glyph bullets.
import { describe, expect, it } from 'vitest';
import { parsePosting } from '../../server/src/engine/posting';
import type { SectionKind } from '../../server/src/engine/types';
import { expectExactRanges, fixture, itemsOf } from './posting-helpers';

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
