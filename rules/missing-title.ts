import type { Rule } from './rule';

const rule: Rule = {
  id: 'missing-title',
  description: 'The posting has no title to check against its duties.',
  defaultSeverity: 'info',
  fixable: false,
  check({ posting }) {
    if (posting.title || posting.text.trim() === '') return [];
    const firstLineEnd = posting.text.search(/\r|\n/);
    return [
      {
        message:
          'No title found: add a "# Job title" heading, a "title:" front-matter field or a "Job title:" line, so the title can be checked against the duties.',
        range: { start: 0, end: firstLineEnd < 0 ? posting.text.length : firstLineEnd },
      },
    ];
  },
};

export default rule;
