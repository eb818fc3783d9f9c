// Exclusionary and hype wording, with neutral replacements; gender-coded wording summarised.
import lex from './lexicons/exclusionary.json';
import gendered from './lexicons/gendered-words.json';
import { matchCase, PhraseMatcher } from './lib/phrases';
import type { Rule, RuleFinding } from './rule';

const TERMS = new Map(lex.terms.map((t) => [t.pattern.toLowerCase(), t]));
const EXCLUSIONARY = new PhraseMatcher(lex.terms.map((t) => t.pattern));
const ALLOW = new PhraseMatcher(lex.allow);
const MASCULINE = new PhraseMatcher(gendered.masculine);
const FEMININE = new PhraseMatcher(gendered.feminine);
const NOT_CODED = new PhraseMatcher(gendered.notCoded);

const rule: Rule = {
  id: 'exclusionary-language',
  description: 'Exclusionary or hype wording (rockstar, young and dynamic, native English speaker) and strongly gender-coded wording.',
  defaultSeverity: 'warning',
  fixable: true,
  check({ posting }) {
    const out: RuleFinding[] = [];
    // Titles are vanity-title's: one finding and one fix per problem.
    const scope = posting.items;
    for (const m of EXCLUSIONARY.findInItems(scope, ALLOW)) {
      const t = TERMS.get(m.pattern.toLowerCase())!;
      const replacement = t.replacement ? matchCase(m.text, t.replacement) : '';
      out.push({
        message: `"${m.text}": ${t.why}. ${replacement ? `Consider "${replacement}".` : 'Consider removing it.'}`,
        range: m.range,
        suggestions: replacement ? [replacement] : [],
        fixes: [
          {
            title: replacement ? `Replace with "${replacement}"` : `Remove "${m.text}"`,
            edits: [{ range: m.range, newText: replacement }],
            preferred: true,
          },
        ],
      });
    }
    const masculine = MASCULINE.findInItems(scope, NOT_CODED);
    const feminine = FEMININE.findInItems(scope, NOT_CODED);
    if (masculine.length - feminine.length >= gendered.minDifference) {
      const words = [...new Set(masculine.map((m) => m.text.toLowerCase()))];
      out.push({
        message:
          `Masculine-coded wording outweighs feminine-coded wording ${masculine.length} to ${feminine.length} (${words.slice(0, 8).join(', ')}). ` +
          'Research on job ads (Gaucher, Friesen & Kay 2011) found such wording makes a job less appealing to women; balance it with words about collaboration and support.',
        range: posting.title?.range ?? masculine[0].range,
        related: masculine.map((m) => ({ range: m.range, message: `masculine-coded: ${m.text}` })),
      });
    }
    return out.sort((a, b) => a.range.start - b.range.start);
  },
};

export default rule;
