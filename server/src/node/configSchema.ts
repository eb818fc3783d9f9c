// Every config file is checked against the one JSON schema (schemas/jdlintrc.schema.json, the one
// the editor validates with), compiled by ajv at build time (scripts/build.mjs). Each error becomes
// a message in resolveConfig's words (so the same problem is never reported twice), with the place
// of the key or value in the file. Messages name settings, never the file's content.
import validate from './generated/validate-config';
import { DEFAULT_CONFIG, SEVERITIES, shown, shownKey, KNOWN_KEYS, unknownRuleMessage } from '../engine/config';
import { WHOLE_NUMBERS } from './schema';

export interface SchemaProblem {
  message: string;
  /** The JSON path of the value (or of the key, when `key`), for the file's locator. */
  path: (string | number)[];
  key: boolean;
}

/** Unknown settings named one by one; a file that is no config at all has thousands. */
const MAX_UNKNOWN_NAMED = 5;

type AjvError = { instancePath: string; keyword: string; params: Record<string, unknown> };

const segmentsOf = (pointer: string): string[] =>
  pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

function valueAt(data: unknown, segs: readonly string[]): unknown {
  let v = data;
  for (const s of segs) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[s] : undefined;
  return v;
}

/** A rule id or setting name as a message may show it (as resolveConfig does). */
const safeName = (k: string) => /^[A-Za-z][\w-]{0,39}$/.test(k);

function messageOf(e: AjvError, data: Record<string, unknown>, known: ReadonlySet<string>): SchemaProblem | null {
  const segs = segmentsOf(e.instancePath);
  const [top, sub] = segs;
  const value = valueAt(data, segs);
  if (e.keyword === 'additionalProperties') {
    const key = String(e.params.additionalProperty);
    const path = [...segs, key];
    if (segs.length === 0) return { message: `unknown setting ${shownKey(key)} (known: ${[...KNOWN_KEYS].join(', ')})`, path, key: true };
    if (top === 'rules') return { message: unknownRuleMessage(key, known), path, key: true };
    if (top === 'thresholds' || top === 'sectionWeights')
      return { message: `unknown setting ${shownKey(key)} in "${top}" (known: ${Object.keys(DEFAULT_CONFIG[top]).join(', ')})`, path, key: true };
  }
  if (top === 'extends' || top === '$schema') {
    // The loader says it for extends (one message, not one per branch of the schema's oneOf).
    return top === 'extends' ? null : { message: '"$schema" must be a string', path: segs, key: false };
  }
  if (top === 'rules') {
    if (sub === undefined) return { message: '"rules" must be an object of rule id -> severity', path: segs, key: false };
    return { message: `${safeName(sub) ? `"rules.${sub}"` : 'a rule'} must be one of ${SEVERITIES.join(', ')}, got ${shown(value)}`, path: [top, sub], key: false };
  }
  if (top === 'thresholds' || top === 'sectionWeights') {
    if (sub === undefined) return { message: `"${top}" must be an object`, path: segs, key: false };
    const name = safeName(sub) ? `"${top}.${sub}"` : `a value in "${top}"`;
    if (e.keyword === 'maximum' && sub.endsWith('Share')) return { message: `${name} is a share between 0 and 1, got ${shown(value)}`, path: [top, sub], key: false };
    return { message: `${name} must be a non-negative number, got ${shown(value)}`, path: [top, sub], key: false };
  }
  if (top === 'maxDocumentSize' || top === 'year') {
    const [min, max] = WHOLE_NUMBERS[top];
    return { message: `"${top}" must be a whole number from ${min} to ${max}, got ${shown(value)}`, path: [top], key: false };
  }
  if (top === 'files' || top === 'ignores') {
    return { message: `"${top}" must be a list of .gitignore-style patterns, got ${shown(data[top])}`, path: [top], key: false };
  }
  return { message: `${segs.every(safeName) ? `"${segs.join('.')}"` : 'a value'} does not fit the configuration schema (${e.keyword})`, path: segs, key: false };
}

/**
 * The schema's verdict on one file's data, as messages: each once, unknown settings named up to
 * five times and then counted. `knownRules`: the rule ids (for the did-you-mean of an unknown one).
 */
export function checkAgainstSchema(data: Record<string, unknown>, knownRules: ReadonlySet<string>): SchemaProblem[] {
  if (validate(data)) return [];
  const out: SchemaProblem[] = [];
  const seen = new Set<string>();
  let unknownTop = 0;
  for (const e of (validate.errors ?? []) as AjvError[]) {
    if (e.instancePath === '' && e.keyword === 'additionalProperties' && ++unknownTop > MAX_UNKNOWN_NAMED) continue;
    const p = messageOf(e, data, knownRules);
    if (!p || seen.has(p.message)) continue;
    seen.add(p.message);
    out.push(p);
  }
  if (unknownTop > MAX_UNKNOWN_NAMED) out.push({ message: `${unknownTop - MAX_UNKNOWN_NAMED} more unknown settings`, path: [], key: false });
  return out;
}
