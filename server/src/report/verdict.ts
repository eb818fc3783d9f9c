// The verdict on a posting's title, read off what the linter already said: which of the three
// verdict rules spoke (at most one does), else whether the title was judged at all. No second
// classification: the rules decide, this only names their outcome for the report and the editor.

export type VerdictKind = 'match' | 'mismatch' | 'hybrid' | 'other' | 'unclear' | 'unchecked';

export interface Verdict {
  kind: VerdictKind;
  /** The rule that gave it, when one did. */
  rule: string | null;
  /** The title the rule suggests instead, best first (empty for match, unclear, unchecked). */
  suggestions: string[];
}

/** Verdict kinds in the order reports list them, with their words. */
export const VERDICT_LABEL: Record<VerdictKind, string> = {
  mismatch: 'Mismatch',
  other: 'Neither role',
  hybrid: 'Hybrid',
  match: 'Match',
  unclear: 'Too little evidence',
  unchecked: 'Not checked',
};

export const VERDICT_HELP: Record<VerdictKind, string> = {
  mismatch: 'the title names one role, the duties describe the other',
  other: 'the duties are mainly other work (data engineering, BI reporting, software)',
  hybrid: 'the duties are heavy on both roles',
  match: 'the title fits the duties',
  unclear: 'too little duty evidence to judge the title',
  unchecked: 'no title, or a title family JD Lint does not judge (analyst, data engineer, ...)',
};

const RULE_VERDICT: Record<string, VerdictKind> = {
  'title-duty-mismatch': 'mismatch',
  'other-role-duties': 'other',
  'hybrid-role': 'hybrid',
};

export interface VerdictInput {
  /** The findings of the posting (only rule and suggestions are read). */
  findings: readonly { rule: string; suggestions: readonly string[] }[];
  /** What the title's family expects (TitleModel.expected), or null without a title. */
  expected: 'ds' | 'mle' | 'hybrid' | 'other' | null;
  /** The profile's role. */
  role: 'ds' | 'mle' | 'hybrid' | 'unclear';
}

export function verdictOf({ findings, expected, role }: VerdictInput): Verdict {
  for (const f of findings) {
    const kind = RULE_VERDICT[f.rule];
    if (kind) return { kind, rule: f.rule, suggestions: [...f.suggestions] };
  }
  if (expected === null || expected === 'other') return { kind: 'unchecked', rule: null, suggestions: [] };
  // The verdict rules stay quiet on a body with too little evidence; that is not a match.
  if (role === 'unclear') return { kind: 'unclear', rule: null, suggestions: [] };
  return { kind: 'match', rule: null, suggestions: [] };
}
