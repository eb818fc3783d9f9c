// --format github: values are escaped as the Actions runner unescapes them, so a message or a file
// name cannot end an annotation early or start a command of its own.
import { describe, expect, it } from 'vitest';
import { escapeGithubData, escapeGithubProperty, formatGithub, type JsonReport } from '../../server/src/cli/format';

const report = (file: string, message: string): JsonReport => ({
  file,
  title: null,
  profile: { ds: 0, mle: 0, role: 'unclear' },
  diagnostics: [{ rule: 'missing-title', severity: 'info', message, line: 1, column: 1, endLine: 1, endColumn: 2, suggestions: [] }],
});

describe('GitHub workflow command escaping', () => {
  it('escapes %, CR and LF in a message, and : and , as well in a property', () => {
    expect(escapeGithubData('100% sure\r\nnext: a, b')).toBe('100%25 sure%0D%0Anext: a, b');
    expect(escapeGithubProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  it('keeps a message with a newline and a fake command on one annotation line', () => {
    const out = formatGithub([report('x,y.md', 'first\n::error file=evil.md::owned')]);
    expect(out.split('\n')).toEqual(['::notice file=x%2Cy.md,line=1,col=1,endLine=1,endColumn=2,title=jdlint missing-title::first%0A::error file=evil.md::owned']);
  });
});
