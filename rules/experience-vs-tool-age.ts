// "8+ years of Kubernetes" in a year when Kubernetes is not that old; "Junior" over 5+ years.
import { isJuniorTitle } from '../server/src/engine/title';
import { matchesOf } from '../server/src/engine/text';
import releases from './lexicons/tool-release-years.json';
import { PhraseMatcher } from './lib/phrases';
import type { Rule, RuleFinding } from './rule';

const BY_PATTERN = new Map<string, { name: string; year: number }>();
for (const t of releases.tools) for (const p of t.patterns) BY_PATTERN.set(p.toLowerCase(), { name: t.name, year: t.year });
const TOOLS = new PhraseMatcher([...BY_PATTERN.keys()]);

// "8+ years", "5-7 years", "10 yrs", "three years" are not parsed (written numbers are rare in demands).
const YEARS = /(\d{1,2})\s*(?:\+|-\s*\d{1,2}|–\s*\d{1,2}|\s*or more)?\s*(?:years|yrs|year)(?:['’]s?)?\b/giu;
/** A demand's tool must follow within this many characters ("8+ years of hands-on Kubernetes"). */
const WINDOW = 60;
/** Early-career titles asking at least this many years contradict themselves. */
const JUNIOR_MAX_YEARS = 4;

const rule: Rule = {
  id: 'experience-vs-tool-age',
  description: 'Years of experience demanded that the tool is not old enough to allow, or that contradict a junior title.',
  defaultSeverity: 'warning',
  fixable: false,
  check({ posting, title, config }) {
    const out: RuleFinding[] = [];
    const junior = title ? isJuniorTitle(title) : false;
    for (const item of posting.items) {
      if (item.section === 'nonDuty') continue;
      for (const m of matchesOf(YEARS, item.text)) {
        const years = Number(m[1]);
        const at = m.index ?? 0;
        const start = item.range.start + at;
        const after = item.text.slice(at + m[0].length, at + m[0].length + WINDOW);
        const tool = TOOLS.find(after, start + m[0].length)[0];
        if (tool) {
          const { name, year } = BY_PATTERN.get(tool.pattern.toLowerCase())!;
          const age = config.year - year;
          if (years > age) {
            out.push({
              message: `${years}+ years of ${name} asked for, but ${name} was first released in ${year}: nobody has more than ${age} years of it in ${config.year}. Ask for years of the underlying skill, or fewer years.`,
              range: { start, end: tool.range.end },
            });
            continue;
          }
        }
        if (junior && years >= JUNIOR_MAX_YEARS + 1 && title) {
          out.push({
            message: `The title says "${title.seniority}", but this asks for ${years}+ years of experience: early-career candidates will not apply, and experienced ones will not expect a junior role.`,
            range: { start, end: start + m[0].length },
            related: [{ range: title.range, message: `seniority in the title: ${title.seniority}` }],
          });
        }
      }
    }
    return out;
  },
};

export default rule;
