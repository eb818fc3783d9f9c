import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import { describe, expect, it } from 'vitest';
import '../../server/src/engine/lint';
import table from '../../server/src/engine/generated/lexicon-stems.json';
import { findEvidence, sameWord, spelledLike } from '../../server/src/engine/classifier';
import { needStems, stemmedWords, tokenize } from '../../server/src/engine/text';
import duties from '../../rules/lexicons/duties.json';

describe('build-time stems of the lexicon words', () => {
  const pairs = table as [string, string][];

  it('are exactly what the Porter stemmer gives', () => {
    expect(pairs.length).toBeGreaterThan(500);
    for (const [word, stem] of pairs) expect([word, PorterStemmer.stem(word)]).toEqual([word, stem]);
  });

  it('cover every word the lexicons stem when they are built', () => {
    // Run right after the engine is imported: only the lexicons have been read so far.
    const known = new Set(pairs.map(([w]) => w));
    expect(stemmedWords().filter((w) => !known.has(w))).toEqual([]);
  });
});

describe('stems only where a lexicon can use them', () => {
  // Vocabulary: the duty lexicon's words with inflections, and every three-letter start with endings
  // the Porter stemmer rewrites (y -> i, -ies, -ation, ...).
  const lexiconWords = new Set<string>();
  for (const t of duties.terms) for (const p of t.patterns) for (const w of p.replace(/^=/, '').toLowerCase().split(/[^a-z]+/)) if (w.length > 2) lexiconWords.add(w);
  const SUFFIXES = ['', 's', 'es', 'ed', 'ing', 'er', 'ers', 'ly', 'ness', 'ation', 'ational', 'ization', 'ement', 'ity', 'ies', 'ied', 'ying', 'able', 'ible', 'ful', 'ive', 'ize', 'ism', 'ist', 'al', 'ally', 'e', 'y', 'ing'];
  const vocab = new Set<string>();
  for (const w of lexiconWords) for (const s of SUFFIXES) vocab.add(w + s);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (const a of letters) for (const b of letters) for (const c of 'aeiouytlnrs') for (const s of ['', 'e', 'ed', 'ing', 's', 'ies', 'ation', 'y', 'ying']) vocab.add(a + b + c + s);
  for (const a of letters) for (const b of 'aeiouy') for (const s of ['s', 'ys', 'yed', 'ying', 'ies']) vocab.add(a + b + s);

  it('rests on a property of the Porter stemmer: the stem keeps the first three letters of the word but for y -> i', () => {
    const broken: string[] = [];
    const key = (x: string) => x.slice(0, 3).replace(/y/g, 'i');
    for (const w of vocab) {
      const s = PorterStemmer.stem(w);
      if (key(s) !== key(w.slice(0, Math.min(3, s.length)))) broken.push(`${w} -> ${s}`);
    }
    expect(vocab.size).toBeGreaterThan(40_000);
    expect(broken).toEqual([]);
  });

  it('gives every word that can stem to a stem of a duty pattern and be taken for its word exactly that stem', () => {
    const needed = new Set<string>();
    for (const t of duties.terms) for (const p of t.patterns) if (!p.startsWith('=')) for (const tok of tokenize(p)) needed.add(tok.stem);
    const patternWords = new Set<string>();
    for (const t of duties.terms) for (const p of t.patterns) if (!p.startsWith('=')) for (const tok of tokenize(p)) patternWords.add(tok.lower);
    const takenFor = spelledLike(patternWords);
    const wrong: string[] = [];
    let skipped = 0;
    for (const w of vocab) {
      const porter = PorterStemmer.stem(w);
      const tok = tokenize(w)[0];
      if (tok.stem === porter) continue;
      skipped++;
      if (tok.stem !== w || (needed.has(porter) && takenFor(w))) wrong.push(`${w}: ${tok.stem} (Porter ${porter})`);
    }
    expect(wrong).toEqual([]);
    // The point of it: most of these words are never stemmed.
    expect(skipped).toBeGreaterThan(vocab.size * 0.4);
  });

  it('finds exactly the evidence it finds with every word stemmed', () => {
    // Each duty pattern with every word inflected alike, and the whole vocabulary, one per sentence.
    const lines: string[] = [];
    for (const t of duties.terms) {
      for (const p of t.patterns) {
        if (p.startsWith('=')) continue;
        for (const s of SUFFIXES) lines.push(p.replace(/[A-Za-z]+/g, (w) => w + s) + '.');
      }
    }
    lines.push(...[...vocab].map((w) => w + '.'));
    const text = lines.join(' ');
    const lazy = tokenize(text);
    const stemmedAll = lazy.map((t) => ({ ...t, stem: t.lower.length > 2 && !/\d|\+|#/.test(t.lower) ? PorterStemmer.stem(t.lower) : t.lower }));
    expect(lazy.filter((t, i) => t.stem !== stemmedAll[i].stem).length).toBeGreaterThan(10_000);
    const evidence = findEvidence(text, 0, lazy);
    expect(evidence.length).toBeGreaterThan(5_000);
    expect(evidence).toEqual(findEvidence(text, 0, stemmedAll));
  });

  it('takes for a pattern word exactly what the classifier would: spelt alike but for the last letters', () => {
    const taken = spelledLike(['deploy', 'model']);
    for (const w of ['deploy', 'deploys', 'deployed', 'deploying', 'dep', 'models', 'modeled', 'mode', 'modem', 'mo']) expect([w, taken(w)]).toEqual([w, true]);
    for (const w of ['deployments', 'modelling', 'dealer', 'modal', 'modernise', 'yodel']) expect([w, taken(w)]).toEqual([w, false]);
    const patternWords = [...new Set(duties.terms.flatMap((t) => t.patterns.flatMap((p) => tokenize(p).map((tok) => tok.lower))))];
    const takenFor = spelledLike(patternWords);
    const disagree = [...vocab].filter((w) => takenFor(w) !== sameWord(w, patternWords));
    expect(disagree).toEqual([]);
  });

  it('stems a word whose y the stemmer turns into i, and words known before a lexicon asked', () => {
    // Words no lexicon can use the stems of are left unstemmed; once a lexicon asks, they are stemmed.
    expect(tokenize('zyxays uys').map((t) => t.stem)).toEqual(['zyxays', 'uys']);
    needStems(['ui', 'oi', 'xai', 'zyxai']);
    expect(tokenize('zyxays uys').map((t) => t.stem)).toEqual(['zyxai', 'ui']);
    // New words: y read as i in the second and third letters.
    expect(tokenize('oys xaying Xaying').map((t) => t.stem)).toEqual(['oi', 'xai', 'xai']);
    // A word no needed stem can come from keeps itself as its stem.
    expect(tokenize('qwertyings')[0].stem).toBe('qwertyings');
  });
});
