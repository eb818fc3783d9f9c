// Postings the extension-host tests write into their throwaway workspace (the fixtures there may be
// edited by earlier tests).

/** The duties of an ML engineer under a Senior Data Scientist title. */
const MISMATCHED_LINES = [
  '# Senior Data Scientist',
  '',
  '## What you will do',
  '',
  '- Deploy models as low-latency REST services on Kubernetes',
  '- Build CI/CD pipelines that test, package and release every model version',
  '- Containerize training and inference jobs with Docker',
  '- Monitor models in production for latency and drift',
  '',
];

/** A mismatched posting, as short as the server still lints. */
export const MISMATCHED = Buffer.from(MISMATCHED_LINES.join('\n'));

/**
 * A whole posting (duties, requirements, pay: the server lints only what reads as a posting) whose
 * Senior Data Scientist title is flagged: the duties are ML engineering.
 */
export const POSTING = Buffer.from(
  [
    ...MISMATCHED_LINES,
    '## Requirements',
    '',
    '- 3+ years of Python and SQL',
    '- Experience running services on Kubernetes',
    '',
    '## Benefits',
    '',
    '- Salary: $150,000 - $180,000 per year',
    '- Remote within the EU',
    '',
  ].join('\n'),
);
