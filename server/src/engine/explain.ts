// Naming the evidence behind a verdict: helpers for rule messages, hovers and reports.
import type { ClassifiedItem, Role } from './types';

export const ROLE_WORK: Record<Role, string> = { ds: 'data-science', mle: 'ML-engineering' };

/** Lexicon labels of one role ranked by the evidence mass behind them across items. */
export function topLabels(items: ClassifiedItem[], role: Role, n: number): string[] {
  // Each label counts once per item: `item` is the index of the item that last added to it.
  const byLabel = new Map<string, { mass: number; item: number }>();
  for (let i = 0; i < items.length; i++) {
    for (const e of items[i].terms) {
      if (e.role !== role) continue;
      const m = byLabel.get(e.label);
      if (!m) byLabel.set(e.label, { mass: e.weight, item: i });
      else if (m.item !== i) {
        m.mass += e.weight;
        m.item = i;
      }
    }
  }
  return [...byLabel]
    .sort((a, b) => b[1].mass - a[1].mass || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([l]) => l);
}

/** The terms of one role in an item, as written, without repeats. */
export function termsOf(c: ClassifiedItem, role: Role): string[] {
  return [...new Set(c.terms.filter((e) => e.role === role).map((e) => e.term))];
}

/**
 * A share as a whole percentage. Shares are reported to three decimals (the CLI's JSON), and the
 * percentage is taken from that figure, so a message and a report of the same share agree. Halves
 * round to even, so the two shares of a profile add up to 100% (6.5% and 93.5% read 6% and 94%,
 * not 7% and 94%).
 */
export function percent(share: number): string {
  const tenths = Math.round(share * 1000);
  const whole = Math.floor(tenths / 10);
  const rest = tenths - whole * 10;
  return `${rest > 5 || (rest === 5 && whole % 2 === 1) ? whole + 1 : whole}%`;
}

/** The terms of one role that carry most evidence across items (weight x items), as first written, one per label. */
export function topTerms(items: ClassifiedItem[], role: Role, n: number): string[] {
  // Each label counts once per item: `item` is the index of the item that last added to it.
  const byLabel = new Map<string, { term: string; mass: number; order: number; item: number }>();
  for (let i = 0; i < items.length; i++) {
    const c = items[i];
    if (c.item.section === 'nonDuty') continue;
    for (const e of c.terms) {
      if (e.role !== role) continue;
      const prev = byLabel.get(e.label);
      if (!prev) byLabel.set(e.label, { term: e.term, mass: e.weight, order: byLabel.size, item: i });
      else if (prev.item !== i) {
        prev.mass += e.weight;
        prev.item = i;
      }
    }
  }
  return [...byLabel.values()]
    .sort((a, b) => b.mass - a.mass || a.order - b.order)
    .slice(0, n)
    .map((v) => v.term);
}
