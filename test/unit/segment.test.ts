import { describe, expect, it } from 'vitest';
import { isBulletGlyph, isSpace } from '../../server/src/engine/chars';
import { sentenceStarts } from '../../server/src/engine/posting/segment';
import { parsePosting } from '../../server/src/engine/posting';

describe('line splitting', () => {
  it('finds sentence starts after . ! ? but not after abbreviations, in any stretch of a text', () => {
    const text = 'Intro line.\nWe ship! Do you? Yes, e.g. Python. Build models.Deploy them.';
    const line = text.indexOf('We');
    const starts = sentenceStarts(text, line, text.length);
    expect(starts.map((s) => text.slice(s, s + 4))).toEqual(['Do y', 'Yes,', 'Buil', 'Depl']);
    // The same text asked about a stretch that starts later: only the sentences inside it.
    expect(sentenceStarts(text, text.indexOf('Build'), text.length).map((s) => text.slice(s, s + 4))).toEqual(['Depl']);
  });

  it('splits items at inline bullet glyphs and glued headings, the same for every posting parsed in turn', () => {
    const a = '# Data Scientist\n\nResponsibilities: Build models \u2022 Run A/B tests \u25cf Write reports';
    const b = 'Our team builds tools.What you will doShip pipelines \u2022 Serve models';
    for (let round = 0; round < 2; round++) {
      expect(parsePosting(a).items.map((i) => i.text)).toEqual(['Build models', 'Run A/B tests', 'Write reports']);
      expect(parsePosting(b).items.map((i) => [i.section, i.text])).toEqual([
        ['unknown', 'Our team builds tools.'],
        ['responsibilities', 'Ship pipelines'],
        ['responsibilities', 'Serve models'],
      ]);
    }
  });

  it('knows exactly the bullet glyphs', () => {
    const glyphs: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isBulletGlyph(c)) glyphs.push(c);
    expect(glyphs).toEqual([0x2022, 0x2023, 0x2043, 0x25a0, 0x25aa, 0x25cf, 0x25e6, 0x2713, 0x2714, 0x27a2, 0xf0b7]);
  });
});

describe('character classes', () => {
  it('knows spaces and bullet glyphs over the whole BMP, and nothing past the end of a text', () => {
    const spaces = [9, 10, 13, 32, 0xa0, 0x200b, 0x200e, 0xfeff];
    const glyphs = [0x2022, 0x25cf, 0x25aa, 0x25e6, 0x2023, 0x2043, 0x25a0, 0xf0b7, 0x27a2, 0x2713, 0x2714];
    for (let c = 0; c < 0x10000; c++) {
      expect(isSpace(c), `U+${c.toString(16)}`).toBe(spaces.includes(c));
      expect(isBulletGlyph(c), `U+${c.toString(16)}`).toBe(glyphs.includes(c));
    }
    expect(isSpace(Number.NaN) || isBulletGlyph(Number.NaN)).toBe(false);
  });

  it('reads capitals and small letters of Latin-1 like ASCII ones, and no other script', () => {
    // A sentence starts at a capital after ". ", glued or not; the multiplication sign is no capital.
    const at = (text: string) => sentenceStarts(text, 0, text.length).map((s) => text.slice(s, s + 2));
    expect(at('On site. Équipe ouverte. Zürich office.Élan vital. ×2 speed. Ωmega team.')).toEqual(['Éq', 'Zü', 'Él']);
    expect(at('Built tools.Über fast. Design systems.Øresund')).toEqual(['Üb', 'De', 'Ør']);
    // Glued after a small letter outside ASCII, and before one.
    expect(at('Visit our café.Build models. Team.Ééquipe')).toEqual(['Bu', 'Te', 'Éé']);
  });
});
