import { describe, expect, it } from 'vitest';
import { classifyItem, findEvidence, masses } from '../../server/src/engine/classifier';
import { tokenize } from '../../server/src/engine/text';
import type { Item } from '../../server/src/engine/types';
import lexicon from '../../rules/lexicons/duties.json';

/** An item placed at `offset` in some document. */
function item(text: string, offset = 100, section: Item['section'] = 'responsibilities'): Item {
  return { text, range: { start: offset, end: offset + text.length }, section, kind: 'bullet' };
}

function evidenceOf(text: string, offset = 100) {
  return classifyItem(item(text, offset)).evidence.map((e) => ({ term: e.term, label: e.label, role: e.role, range: e.range }));
}

describe('classifyItem', () => {
  it('flags Kubernetes, deployment and CI/CD lines as ML-engineering with exact evidence ranges', () => {
    const text = 'Deploy models on k8s and own the CI/CD';
    const c = classifyItem(item(text, 40));
    expect(c.cls).toBe('mle');
    const byTerm = Object.fromEntries(c.evidence.map((e) => [e.term, e]));
    expect(byTerm['Deploy']).toMatchObject({ label: 'deploy models', role: 'mle', range: { start: 40, end: 46 } });
    expect(byTerm['k8s']).toMatchObject({ label: 'Kubernetes', role: 'mle', range: { start: 57, end: 60 } });
    expect(byTerm['CI/CD']).toMatchObject({ label: 'CI/CD', role: 'mle', range: { start: 73, end: 78 } });
  });

  it('places the evidence of a repeated line at each copy, as the line moves while a posting is edited', () => {
    const text = 'Serve models behind a gRPC API';
    const first = classifyItem(item(text, 10)).evidence.map((e) => e.range);
    const moved = classifyItem(item(text, 510)).evidence.map((e) => e.range);
    expect(first.length).toBeGreaterThan(0);
    expect(moved).toEqual(first.map((r) => ({ start: r.start + 500, end: r.end + 500 })));
    expect(classifyItem(item(text, 10)).terms.map((e) => e.range)).toEqual(first.map((r) => ({ start: r.start - 10, end: r.end - 10 })));
  });

  it('does not lean a line to a role on a term the data gave almost no weight', () => {
    const c = classifyItem(item('Usability testing with customers'));
    expect(c.terms.map((e) => e.term)).toContain('testing');
    expect(c.cls).toBe('shared');
  });

  it('flags A/B tests, stakeholders and dashboards as data-science work', () => {
    const c = classifyItem(item('Run A/B tests and build dashboards for stakeholders'));
    expect(c.cls).toBe('ds');
    expect(c.evidence.map((e) => e.label)).toEqual(['A/B tests and experiments', 'dashboards and BI', 'stakeholders']);
    expect(c.mle).toBe(0);
  });

  it('does not count collaborator role names: partnering with data scientists to productionize is ML engineering', () => {
    const c = classifyItem(item('Partner with data scientists to productionize their models'));
    expect(c.cls).toBe('mle');
    expect(c.evidence.filter((e) => e.role === 'ds')).toEqual([]);
    expect(c.evidence.map((e) => e.term)).toContain('productionize');
  });

  it("drops the partner's work after a collaborator mention, up to the end of the sentence", () => {
    const c = classifyItem(item('Work with ML engineers to deploy your models. Present the results to stakeholders'));
    expect(c.evidence.filter((e) => e.role === 'mle')).toEqual([]);
    expect(c.cls).toBe('ds');
    const next = classifyItem(item('Work with ML engineers to deploy your models. Deploy the dashboards on Kubernetes'));
    expect(next.evidence.filter((e) => e.role !== 'shared').map((e) => e.term)).toEqual(['Deploy', 'dashboards', 'Kubernetes']);
  });

  it('finds the collaborator at the end of a list after the cue, but not a distant cue without a list', () => {
    const listed = classifyItem(item('Work with designers, developers and data scientists to translate business problems into models'));
    expect(listed.evidence.filter((e) => e.role === 'ds')).toEqual([]);
    const also = classifyItem(item('Partner with designers or data scientists to build dashboards'));
    expect(also.evidence.filter((e) => e.role === 'ds')).toEqual([]);
    // "with" four words back and no list: the analysts are an audience, not whose work follows.
    const far = classifyItem(item('Present results with clear and simple charts to analysts and executives'));
    expect(far.evidence.filter((e) => e.role === 'ds').length).toBeGreaterThan(0);
  });

  it('gives no evidence for role names restating the title', () => {
    expect(evidenceOf('As a Data Scientist you will join our Machine Learning Engineer guild')).toEqual([]);
  });

  it('reads "software engineering" as a skill while "software engineer" stays a role name', () => {
    expect(evidenceOf('Strong software engineering skills in a large codebase').map((e) => e.term)).toEqual(['software engineering', 'codebase']);
    expect(evidenceOf('Software engineering practices').map((e) => e.label)).toEqual(['software engineering']);
    expect(evidenceOf('You will mentor a junior software engineer')).toEqual([]);
    expect(evidenceOf('Pair with software engineers')).toEqual([]);
    // A collaborator cue still needs the role's own spelling: "with software engineering" is the skill.
    const c = classifyItem(item('Experience with software engineering and deploying models'));
    expect(c.evidence.filter((e) => e.role === 'mle').map((e) => e.term)).toEqual(['software engineering', 'deploying']);
  });

  it('reads analysis, statistics and visualisation vocabulary as data science', () => {
    const c = classifyItem(item('Combine data from multiple sources, check correlations with k-means and draw conclusions in seaborn charts'));
    expect(c.cls).toBe('ds');
    expect(c.evidence.filter((e) => e.role === 'mle')).toEqual([]);
    expect(new Set(c.evidence.map((e) => e.label))).toEqual(new Set(['analysis', 'statistics', 'dashboards and BI']));
    expect(classifyItem(item('Use dimensionality reduction and hypothesis testing on clinical trials')).cls).toBe('ds');
  });

  it('reads search, ranking, perception and serving vocabulary as ML engineering', () => {
    expect(classifyItem(item('Improve click-through rate of our search engine with information retrieval and a knowledge graph')).cls).toBe('mle');
    expect(classifyItem(item('Own model training and data ingestion; troubleshoot the runtime and caching layer')).cls).toBe('mle');
    expect(classifyItem(item('Point cloud and camera perception for 3D SLAM')).cls).toBe('mle');
    expect(evidenceOf('Ship the SDK to customers').map((e) => e.term)).toEqual(['Ship', 'SDK']);
  });

  it('reads GIS, PCA and client work as data science, web stacks and scene understanding as ML engineering', () => {
    expect(classifyItem(item('Map store catchments in ArcGIS and reduce survey answers with PCA for our clients')).cls).toBe('ds');
    expect(classifyItem(item('Build the React and TypeScript front end for scene understanding on CPUs')).cls).toBe('mle');
  });

  it('does not read logistic regression as logistics, GPU clusters as clustering or question answering as business questions', () => {
    expect(evidenceOf('Fit a logistic regression').map((e) => e.label)).toEqual(['statistics']);
    expect(evidenceOf('Schedule jobs on GPU clusters and Kubernetes clusters').map((e) => [e.term, e.label, e.role])).toEqual([
      ['GPU clusters', 'GPU and optimisation', 'mle'],
      ['Kubernetes clusters', 'Kubernetes', 'mle'],
    ]);
    expect(evidenceOf('Build question answering over documents').map((e) => e.label)).toEqual(['LLM applications']);
    expect(evidenceOf('Find customer clusters').map((e) => e.label)).toEqual(['statistics']);
  });

  it('does not read a shipment or a relationship as shipping software', () => {
    expect(evidenceOf('Forecast each shipment and nurture every relationship').filter((e) => e.label === 'productionize')).toEqual([]);
  });

  it('ends a match only on a word its own pattern ends with, not on a longer pattern passing through', () => {
    // "information retrieval" passes through the stem of "inform"; "information" alone is not "inform".
    expect(evidenceOf('Keep information systems secure')).toEqual([]);
    expect(evidenceOf('Build information retrieval services').map((e) => e.label)).toContain('ranking and recommendation');
    expect(evidenceOf('Inform decisions with evidence').map((e) => e.label)).toEqual(['insights']);
    // "random forest" passes through the stem of "randomized": a random sample is not a randomized trial.
    expect(evidenceOf('Draw a random sample').map((e) => e.label)).toEqual(['statistics']);
    expect(evidenceOf('Run randomized trials').map((e) => e.label)).toEqual(['A/B tests and experiments']);
  });

  it('reads no evidence in phrases where a lexicon word means something else', () => {
    // R&D is research and development, not the language R.
    expect(evidenceOf('Join our R&D group')).toEqual([]);
    expect(evidenceOf('Fit survival curves in R').map((e) => e.label)).toEqual(['statistical languages']);
    // Exact spellings are read from the text as written, wherever the text stands in a document.
    expect(findEvidence('Fluent in R, not r', 500).map((e) => [e.term, e.range.start])).toEqual([['R', 510]]);
    // An organisation chart is not reporting; building reports is.
    expect(evidenceOf('This role reports to the Head of Product')).toEqual([]);
    expect(evidenceOf('Build weekly reports for finance').map((e) => e.label)).toContain('communicate findings');
    // Employment decisions and thought leadership are not business decisions or leadership audiences.
    expect(evidenceOf('All employment decisions are made without regard to age')).toEqual([]);
    expect(evidenceOf('Show thought leadership in the field')).toEqual([]);
    expect(evidenceOf('Present findings to senior leadership').map((e) => e.label)).toContain('stakeholders');
  });

  it('does not read "excel at", X-rays, a CIS certification or setting a direction as evidence', () => {
    // A verb, not the spreadsheet; the spreadsheet still counts.
    expect(evidenceOf('Excel at turning vague asks into plans')).toEqual([]);
    expect(evidenceOf('You excel in ambiguous settings')).toEqual([]);
    expect(evidenceOf('Build pivot tables in Excel').map((e) => e.label)).toEqual(['dashboards and BI']);
    // X-ray astronomy is not the Ray framework; Ray still is.
    expect(evidenceOf('Calibrate the X-ray detectors')).toEqual([]);
    expect(evidenceOf('Tune jobs with Ray').map((e) => e.term)).toEqual(['Ray']);
    // A certification named CIS is not continuous integration; CI is.
    expect(evidenceOf('Hold a CIS certification')).toEqual([]);
    expect(evidenceOf('Keep the CI green').map((e) => e.label)).toEqual(['CI/CD']);
    // Leadership wording, not business strategy.
    expect(evidenceOf('Set the strategic direction and the technical direction of the group')).toEqual([]);
  });

  it('reads pattern recognition as shared ML ground and AutoML platforms as data-science tools', () => {
    expect(evidenceOf('Research in pattern recognition').map((e) => [e.label, e.role])).toEqual([['pattern recognition', 'shared']]);
    expect(evidenceOf('Find patterns in claims data').map((e) => e.label)).toContain('analysis');
    expect(evidenceOf('Use DataRobot or Dataiku').map((e) => [e.label, e.role])).toEqual([
      ['statistical languages', 'ds'],
      ['statistical languages', 'ds'],
    ]);
  });

  it('reads serving and acceleration as ML engineering only in their technical sense', () => {
    expect(evidenceOf('Serve as the expert for our customers')).toEqual([]);
    expect(evidenceOf('Help accelerate growth across the business').filter((e) => e.role === 'mle')).toEqual([]);
    expect(evidenceOf('Own model serving and online serving systems').map((e) => e.label)).toEqual(['model serving', 'model serving']);
    expect(evidenceOf('Port kernels to hardware accelerators with GPU acceleration').map((e) => e.label)).toContain('GPU and optimisation');
  });

  it('reads statistical and Bayesian inference as data science, model inference as ML engineering', () => {
    expect(evidenceOf('Apply Bayesian inference and statistical inference').map((e) => e.label)).toEqual(['statistics', 'statistics']);
    expect(evidenceOf('Cut the cost of inference').map((e) => e.label)).toEqual(['model serving']);
    // The other statistical phrasings of inference, and a common misspelling of causal inference.
    for (const text of ['Lead experimental inference for the pricing trials', 'Teach statistics and inference to new hires', 'Draw inferences from a small panel', 'Study gene network inference', 'Own casual inference for the loyalty scheme']) {
      expect(evidenceOf(text).filter((e) => e.role === 'mle'), text).toEqual([]);
    }
  });

  it('reads analysis pipelines, large-scale analytics and testing frameworks as data science, not as ML pipelines, scale or architecture', () => {
    for (const text of ['Build analysis pipelines for the retail team', 'Run large-scale analytics on claims', 'Own the A/B testing framework', 'Extend the experimentation framework']) {
      const found = evidenceOf(text);
      expect(found.filter((e) => e.role === 'mle'), text).toEqual([]);
      expect(found.some((e) => e.role === 'ds'), text).toBe(true);
    }
    expect(evidenceOf('Maintain the feature pipelines at scale').map((e) => e.role)).toEqual(['mle', 'mle']);
  });

  it('reads compiling or integrating data and automated processes as neither role, a compiler as ML engineering', () => {
    for (const text of ['Compile data from several ledgers', 'The figures are compiled weekly', 'Integrate data from the billing and support systems', 'Maintain the automated processes that refresh the tables']) {
      expect(evidenceOf(text).filter((e) => e.role === 'mle'), text).toEqual([]);
    }
    expect(evidenceOf('Tune the compiler passes').map((e) => e.label)).toEqual(['GPU and optimisation']);
    expect(evidenceOf('Compilers for new accelerators').map((e) => e.term)).toContain('Compilers');
    expect(evidenceOf('Integrate models into the checkout service').map((e) => e.role)).toContain('mle');
  });

  it('treats shared ground (Python, SQL-free tooling, scikit-learn) as shared, not as either role', () => {
    const c = classifyItem(item('Python, pandas and scikit-learn'));
    expect(c.cls).toBe('shared');
    expect(c.ds).toBe(0);
    expect(c.mle).toBe(0);
  });

  it('does not read "experience" as "experiment" or "community" as "communicate"', () => {
    expect(evidenceOf('5 years of experience in a community of practice')).toEqual([]);
  });

  it('does not read a word in another sense as evidence when it shares a stem with a lexicon term', () => {
    for (const text of [
      'Update your profile',
      'Work with the rest of the team',
      'Execute the plan',
      'Significant experience required',
      'Memorial hospital',
      'The file may contain errors',
      'Time to market',
      'Excellent communication skills',
    ]) {
      expect(evidenceOf(text), text).toEqual([]);
    }
  });

  it('reads recommendation models as ML engineering and recommendations to the business as data science', () => {
    expect(evidenceOf('Improve the recommendation models').map((e) => e.role)).toEqual(['mle']);
    expect(evidenceOf('Make recommendations to leadership').map((e) => e.role)).toEqual(['ds', 'ds']);
  });

  it('never gives one stemmed pattern to entries of different roles (the later entry would silently take it over)', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const t of lexicon.terms) {
      for (const p of t.patterns) {
        const key = p.startsWith('=') ? p : tokenize(p).map((w) => w.stem).join(' ');
        const prev = owner.get(key);
        if (prev && prev.split(':')[0] !== t.role) clashes.push(`${prev} / ${t.role}:${t.label}:${p}`);
        else owner.set(key, `${t.role}:${t.label}:${p}`);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('matches the language R only when written as a capital R', () => {
    expect(evidenceOf('Fluent in R').map((e) => e.label)).toEqual(['statistical languages']);
    expect(evidenceOf('r and d')).toEqual([]);
  });

  it('keeps ranges exact when the item holds HTML entities', () => {
    const text = 'Monitoring &amp; alerting for models';
    const [first] = classifyItem(item(text, 0)).evidence;
    expect(text.slice(first.range.start, first.range.end)).toBe('Monitoring');
  });

  it('returns none for a line with no evidence', () => {
    const c = classifyItem(item('Free lunch on Fridays'));
    expect(c).toMatchObject({ cls: 'none', score: 0, evidence: [] });
  });

  it('gives the same answer for the same text at another offset, shifted', () => {
    const a = classifyItem(item('Deploy models with Docker', 0));
    const b = classifyItem(item('Deploy models with Docker', 500));
    expect(b.evidence.map((e) => e.range.start - 500)).toEqual(a.evidence.map((e) => e.range.start));
    expect(b.cls).toBe(a.cls);
  });
});

describe('evidence mass of an item', () => {
  const ev = (label: string, role: 'ds' | 'mle' | 'shared', weight: number) => ({ term: label, label, role, weight, range: { start: 0, end: 1 } });

  it('counts each label once, at its strongest term, and never shared ground', () => {
    const m = masses([ev('deploy', 'mle', 0.5), ev('dashboards', 'ds', 0.75), ev('deploy', 'mle', 1.25), ev('python', 'shared', 9), ev('deploy', 'mle', 1), ev('ab-test', 'ds', 0.5)]);
    expect(m).toEqual({ ds: 1.25, mle: 1.25 });
    expect(masses([])).toEqual({ ds: 0, mle: 0 });
    expect(masses([ev('python', 'shared', 2)])).toEqual({ ds: 0, mle: 0 });
  });

  it('matches what an item is classified by', () => {
    const c = classifyItem(item('Deploy and serve models on Kubernetes; deploy them again with CI/CD'));
    expect(masses(c.terms)).toEqual({ ds: c.ds, mle: c.mle });
    expect(c.mle).toBeGreaterThan(0);
  });
});
