// What the generated parts of the docs should say, computed from the code: the README's rule table,
// sample output and editor settings, the `jdlint.rules` schema in package.json (settings-schema.ts)
// and each rule page's header. scripts/gen-docs.ts writes it
// (`npm run docs`); test/docs/generated.test.ts fails when the files on disk differ from it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../server/src/cli/run';
import { DEFAULT_CONFIG } from '../server/src/engine/config';
import { INPUT_RULE, lint } from '../server/src/linter';
import { RULES } from '../rules/index';
import { ruleDocPath, type Rule } from '../rules/rule';
import { withRuleSettings } from './settings-schema';

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->` (markers kept). */
export function replaceRegion(text: string, name: string, body: string, file: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file}: no "${start}" ... "${end}" region`);
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
}

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

export function rulesTable(rules: readonly Rule[]): string {
  const rows = rules.map((r) => `| [${r.id}](${ruleDocPath(r.id)}) | ${r.defaultSeverity} | ${yesNo(r.fixable)} | ${r.description} |`);
  rows.push(`| [${INPUT_RULE}](${ruleDocPath(INPUT_RULE)}) | — | no | The document itself: binary, too large, unclosed front matter (not configurable). |`);
  return ['| rule | default | fixable | what it finds |', '|---|---|---|---|', ...rows].join('\n');
}

export function ruleHeader(rule: Rule): string {
  return `**Default severity:** ${rule.defaultSeverity} · **Fixable:** ${yesNo(rule.fixable)}\n\n${rule.description}`;
}

export interface RuleExample {
  flagged: boolean;
  text: string;
  /** 1-based line of the example's first line in the page. */
  line: number;
}

/** The "Flagged:" / "Not flagged:" examples of a rule page: a label line, then a markdown fence. */
export function ruleExamples(page: string): RuleExample[] {
  const found: RuleExample[] = [];
  const re = /^(Flagged|Not flagged):\n\n```markdown\n([\s\S]*?)^```$/gm;
  for (const m of page.matchAll(re)) {
    const line = page.slice(0, m.index).split('\n').length + 3;
    found.push({ flagged: m[1] === 'Flagged', text: m[2], line });
  }
  return found;
}

/** The findings of one rule on a text, with the default configuration. */
export function findingsOf(text: string, rule: string) {
  return lint(text, DEFAULT_CONFIG).findings.filter((f) => f.rule === rule);
}

interface SettingSchema {
  type: string;
  default: unknown;
  description?: string;
  markdownDescription?: string;
  enum?: string[];
  enumDescriptions?: string[];
}

/** The editor settings the extension contributes (package.json), one line each, with each value of an enum. */
export function settingsList(packageJson: { contributes: { configuration: { properties: Record<string, SettingSchema> } } }): string {
  return Object.entries(packageJson.contributes.configuration.properties)
    .map(([key, p]) => {
      const values = p.enum && p.enumDescriptions ? ` ${p.enum.map((v, i) => `\`${v}\`: ${p.enumDescriptions![i]}`).join(' ')}` : '';
      return `- \`${key}\` (default \`${JSON.stringify(p.default)}\`): ${p.markdownDescription ?? p.description ?? ''}${values}`;
    })
    .join('\n');
}

/** What `jdlint examples/` prints, run from the package root. */
export async function sampleOutput(root: string): Promise<string> {
  let out = '';
  const code = await runCli(['examples/'], {
    cwd: root,
    stdout: (s) => (out += s),
    stderr: (s) => (out += s),
    isTTY: false,
    version: '0.0.0',
  });
  if (code === 2) throw new Error(`jdlint examples/ failed:\n${out}`);
  return '```console\n$ jdlint examples/\n' + out.trimEnd() + '\n```';
}

/** Every generated file: path relative to root -> the text it should have. */
export async function expectedDocs(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

  let readme = read('README.md');
  readme = replaceRegion(readme, 'rules-table', rulesTable(RULES), 'README.md');
  readme = replaceRegion(readme, 'sample-output', await sampleOutput(root), 'README.md');
  const manifest = withRuleSettings(read('package.json'), RULES);
  files.set('package.json', manifest);
  readme = replaceRegion(readme, 'settings', settingsList(JSON.parse(manifest)), 'README.md');
  files.set('README.md', readme);

  const pages = new Set(readdirSync(path.join(root, 'docs/rules')).filter((f) => f.endsWith('.md')));
  for (const rule of RULES) {
    const file = ruleDocPath(rule.id);
    if (!pages.delete(`${rule.id}.md`)) throw new Error(`${file}: missing; every rule needs a page (see CONTRIBUTING.md)`);
    let page = read(file);
    if (!page.startsWith(`# ${rule.id}\n`)) throw new Error(`${file}: must start with "# ${rule.id}"`);
    page = replaceRegion(page, 'rule-header', ruleHeader(rule), file);
    // A page may quote what its first flagged example gets: the message is written from the code.
    if (page.includes('<!-- flagged-message:start -->')) {
      const example = ruleExamples(page).find((e) => e.flagged);
      const finding = example && findingsOf(example.text, rule.id)[0];
      if (!finding) throw new Error(`${file}: a flagged-message region needs a flagged example that the rule flags`);
      page = replaceRegion(page, 'flagged-message', `> ${finding.message}`, file);
    }
    files.set(file, page);
  }
  pages.delete(`${INPUT_RULE}.md`);
  if (pages.size) throw new Error(`docs/rules: pages without a rule in rules/index.ts: ${[...pages].join(', ')}`);
  return files;
}
