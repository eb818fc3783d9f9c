// "Data Ninja", "ML Rockstar": a title no one searches for. Suggest the closest real title.
import { familyName } from '../server/src/engine/title';
import vanity from './lexicons/vanity-titles.json';
import { PhraseMatcher } from './lib/phrases';
import type { Rule } from './rule';

const VANITY = new PhraseMatcher(vanity.vanity);
const DOMAINS = vanity.domains.map((d) => ({ matcher: new PhraseMatcher(d.words), family: d.family as 'ml-engineer' | 'data-scientist' }));

const rule: Rule = {
  id: 'vanity-title',
  description: 'A hype title ("Data Ninja", "ML Rockstar") instead of a role name candidates search for.',
  defaultSeverity: 'warning',
  fixable: true,
  check({ posting, title, profile }) {
    const t = posting.title;
    if (!t || (title && title.family !== 'unknown')) return [];
    const hype = VANITY.find(t.text, t.range.start)[0];
    if (!hype) return [];
    // The domain words right before the hype word ("Data", "ML") are part of what is replaced.
    const before = t.text.slice(0, hype.range.start - t.range.start);
    let family: 'ml-engineer' | 'data-scientist' = profile.role === 'mle' ? 'ml-engineer' : 'data-scientist';
    let start = hype.range.start;
    for (const d of DOMAINS) {
      const m = d.matcher.find(before, t.range.start).pop();
      if (m && /^[\s-]*$/.test(t.text.slice(m.range.end - t.range.start, hype.range.start - t.range.start))) {
        family = d.family;
        start = m.range.start;
        break;
      }
    }
    const name = familyName(family);
    const suggested = t.text.slice(0, start - t.range.start) + name + t.text.slice(hype.range.end - t.range.start);
    return [
      {
        message: `"${t.text}" is a hype title: candidates search for role names, and hype words put many of them off. Consider "${suggested}".`,
        range: t.range,
        suggestions: [suggested],
        fixes: [{ title: `Retitle to "${suggested}"`, edits: [{ range: { start, end: hype.range.end }, newText: name }], preferred: true }],
      },
    ];
  },
};

export default rule;
