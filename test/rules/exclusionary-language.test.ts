// Flags / does-not-flag tests for exclusionary-language, on postings written for these tests.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../server/src/engine/config';
import { applyEdits } from '../../server/src/engine/fixes';
import { lint } from '../../server/src/linter';

const PAY = '\n\nSalary: $140,000 - $170,000 per year.\n';
const of = (text: string, rule: string, year = 2026) => lint(text, { ...DEFAULT_CONFIG, year }).findings.filter((f) => f.rule === rule);

describe('exclusionary-language', () => {
  it('flags hype and exclusionary terms with case-preserving, minimal, idempotent fixes', () => {
    const text = `# Data Scientist\n\n- Join our young and dynamic team of Rockstar analysts\n- Native English speaker required${PAY}`;
    const fs = of(text, 'exclusionary-language');
    expect(fs.map((f) => text.slice(f.range.start, f.range.end))).toEqual(['young and dynamic', 'Rockstar', 'Native English speaker']);
    expect(fs.map((f) => f.fixes[0].edits[0].newText)).toEqual(['energetic', 'Expert', 'Fluent in English']);
    let fixed = text;
    for (const f of [...fs].reverse()) fixed = applyEdits(fixed, f.fixes[0].edits);
    expect(fixed).toContain('- Join our energetic team of Expert analysts\n- Fluent in English required');
    expect(of(fixed, 'exclusionary-language')).toEqual([]);
  });
  it('does not flag allow-listed phrases: competitive salary, young company', () => {
    const text = `# Data Scientist\n\n- We offer a competitive salary at a young company\n- Present insights to stakeholders${PAY}`;
    expect(of(text, 'exclusionary-language')).toEqual([]);
  });
  it('summarises strongly masculine-coded wording in one finding', () => {
    const text = `# Data Scientist\n\n- Aggressive, fearless, dominant and decisive\n- Ambitious, assertive, headstrong, outspoken and stubborn\n- Competitive drive to win${PAY}`;
    const found = of(text, 'exclusionary-language');
    expect(found).toHaveLength(1);
    const [f] = found;
    expect(f.message).toMatch(/^Masculine-coded wording outweighs feminine-coded wording 10 to 0 \(aggressive, fearless, /);
    // Each coded word is pointed at where it stands.
    expect(f.related.map((r) => text.slice(r.range.start, r.range.end))).toEqual(['Aggressive', 'fearless', 'dominant', 'decisive', 'Ambitious', 'assertive', 'headstrong', 'outspoken', 'stubborn', 'Competitive']);
    expect(f.related.every((r) => r.message === `masculine-coded: ${text.slice(r.range.start, r.range.end)}`)).toBe(true);
  });
  it('does not read code blocks, HTML comments or URLs as prose', () => {
    const text = `# Data Scientist\n\n\`\`\`\nninja = rockstar()\n\`\`\`\n\n<!-- young and dynamic -->\n\n- Present insights to stakeholders, see [our team](https://example.invalid/ninja-rockstars) and https://example.invalid/young${PAY}`;
    expect(of(text, 'exclusionary-language')).toEqual([]);
  });
  it('still reads the prose around a link in the same item', () => {
    const text = `# Data Scientist\n\n- See https://example.invalid/ninja and join as our rockstar analyst${PAY}`;
    expect(of(text, 'exclusionary-language').map((f) => text.slice(f.range.start, f.range.end))).toEqual(['rockstar']);
  });
});
