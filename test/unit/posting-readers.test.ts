// The parser's two readers agree, and what it keeps while a posting is edited is what a fresh parse gives.
import { describe, expect, it } from 'vitest';
import { parsePosting } from '../../server/src/engine/posting';
import { keepItemResults } from '../../server/src/engine/text';
import type { Posting } from '../../server/src/engine/types';
import { fixture } from './posting-helpers';

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
