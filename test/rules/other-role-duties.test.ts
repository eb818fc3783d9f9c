import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine/fixes';
import { lint } from '../../server/src/linter';

const rulesOf = (md: string) => lint(md).findings.map((f) => f.rule);
const finding = (md: string) => lint(md).findings.find((f) => f.rule === 'other-role-duties');

const DATA_ENGINEERING = `# Senior Data Scientist - Remote

## Responsibilities
- Build and maintain ETL jobs that load the data warehouse every night
- Design the data lake layout and the star schema for finance
- Own data ingestion from our partners and data quality checks
`;

const BI_REPORTING = `# Data Scientist

## What you'll do
- Produce the weekly KPI reports for the sales leadership
- Maintain our Tableau dashboards and the Power BI workspace
- Answer ad hoc reporting requests from regional managers in Excel
`;

const FRONT_END = `# Machine Learning Engineer

## Responsibilities
- Build the React front end of our customer portal in TypeScript
- Develop mobile apps for iOS and Android
- Keep HTML and CSS accessible across browsers
`;

describe('other-role-duties', () => {
  it('tells a data-science title over data-engineering work, naming the terms and suggesting Data Engineer', () => {
    const f = finding(DATA_ENGINEERING)!;
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/mainly data engineering \(.*ETL.*\)/);
    expect(f.message).toMatch(/with no modelling or ML work/);
    expect(f.suggestions).toEqual(['Senior Data Engineer - Remote']);
    // The terms named are pointed at in the duties, each labelled data engineering.
    expect(f.related.map((r) => [DATA_ENGINEERING.slice(r.range.start, r.range.end), r.message])).toEqual(
      ['ETL', 'data warehouse', 'data lake', 'star schema', 'data ingestion', 'data quality'].map((t) => [t, `data engineering: ${t}`]),
    );
    const fixed = applyEdits(DATA_ENGINEERING, f.fixes[0].edits);
    expect(fixed.split('\n')[0]).toBe('# Senior Data Engineer - Remote');
    // The fix is idempotent: the retitled posting is no longer a DS or MLE title, so nothing more is offered.
    expect(finding(fixed)).toBeUndefined();
  });

  it('tells BI reporting without modelling, suggesting Data Analyst', () => {
    const f = finding(BI_REPORTING)!;
    expect(f.message).toMatch(/mainly BI reporting/);
    expect(f.suggestions).toEqual(['Data Analyst']);
  });

  it('tells general software work under an ML title, suggesting Software Engineer', () => {
    const f = finding(FRONT_END)!;
    expect(f.message).toMatch(/general software engineering \(.*React.*\)/);
    expect(applyEdits(FRONT_END, f.fixes[0].edits).split('\n')[0]).toBe('# Software Engineer');
  });

  it('is the one verdict: no mismatch or hybrid warning besides it', () => {
    for (const md of [DATA_ENGINEERING, BI_REPORTING, FRONT_END]) {
      const rules = rulesOf(md);
      expect(rules).toContain('other-role-duties');
      expect(rules).not.toContain('title-duty-mismatch');
      expect(rules).not.toContain('hybrid-role');
    }
  });

  it('does not tell a data-science posting that also maintains an ETL job', () => {
    const md = `# Senior Data Scientist

## Responsibilities
- Build forecasting models for weekly demand and explain them to planners
- Design A/B tests of pricing and analyze the results with statistics
- Maintain the ETL job that feeds the forecasts
`;
    expect(rulesOf(md)).not.toContain('other-role-duties');
  });

  it('leaves titles of the other families alone', () => {
    expect(finding(DATA_ENGINEERING.replace('Senior Data Scientist', 'Senior Data Engineer'))).toBeUndefined();
  });
});
