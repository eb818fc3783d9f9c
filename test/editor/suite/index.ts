// The extension-host test module. VS Code require()s it and awaits run() (the @vscode/test-electron
// contract), so the same file runs inside code-server here (test/editor/run-code-server.mjs) and in
// desktop VS Code where it can be downloaded (test/editor/run-test-electron.mjs).
// The workspace folder is a throwaway copy of test/fixtures/editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { MISMATCHED } from './postings';
import { settingsTests } from './settings';

const RULE = 'title-duty-mismatch';

const TIMEOUT_MS = 30_000;

// The runners pick out lines with this prefix from the extension host's console.
function say(line: string): void {
  console.log(`[jdlint-test] ${line}`);
}

function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

function mismatches(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'jdlint' && codeOf(d) === RULE);
}

function describe(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  if (all.length === 0) return 'none';
  return all
    .map((d) => `${d.source}/${String(codeOf(d))} at ${d.range.start.line}:${d.range.start.character}: ${d.message}`)
    .join('; ');
}

/** Resolves once the document's diagnostics satisfy `ready`, re-checking on every diagnostics change. */
function waitForDiagnostics(uri: vscode.Uri, ready: () => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const finish = (err?: Error) => {
      sub.dispose();
      clearTimeout(timer);
      if (err) reject(err);
      else resolve();
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString()) && ready()) finish();
    });
    const timer = setTimeout(
      () => finish(new Error(`timed out after ${TIMEOUT_MS} ms waiting for ${what}; diagnostics now: ${describe(uri)}`)),
      TIMEOUT_MS,
    );
    if (ready()) finish();
  });
}

function fixture(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run must open the fixtures folder as the workspace');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function open(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixture(name));
  await vscode.window.showTextDocument(doc);
  assert.equal(doc.languageId, 'markdown');
  return doc;
}

async function replaceLine0(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, doc.lineAt(0).range, text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'applyEdit refused the edit');
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

const tests: Array<[string, () => Promise<void>]> = [
  [
    'flags a Senior Data Scientist title over ML-engineering duties, on the title text',
    async () => {
      const doc = await open('mismatched-ds-title.md');
      await waitForDiagnostics(doc.uri, () => mismatches(doc.uri).length > 0, `a ${RULE} warning`);
      const found = mismatches(doc.uri);
      assert.equal(found.length, 1, describe(doc.uri));
      const [d] = found;
      assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
      // "# Senior Data Scientist": the title text starts after "# " and runs to the end of the line.
      assert.deepEqual(
        [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
        [0, 2, 0, '# Senior Data Scientist'.length],
      );
      assert.ok(typeof d.code === 'object', 'the diagnostic code should link to the rule docs');
      assert.match(d.code.target.toString(), /title-duty-mismatch/);
      // What the warning says: the title, how many duties are ML engineering and their share, the retitle.
      const said = d.message.match(/^Titled "Senior Data Scientist", but (\d+) of (\d+) duties are ML-engineering work \(.+\); (\d+)% of the duty evidence is ML-engineering\. Consider "Senior Machine Learning Engineer"\.$/);
      assert.ok(said, `the message should name the title, the ML-engineering duties and share, and the retitle: ${d.message}`);
      const [, mle, all, share] = said.map(Number);
      assert.ok(mle > all / 2 && mle <= all && share > 50 && share <= 100, `most duties should be ML engineering: ${d.message}`);
    },
  ],
  [
    'explains the verdict with numbers when hovering the title',
    async () => {
      const doc = await open('mismatched-ds-title.md');
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        doc.uri,
        new vscode.Position(0, 10),
      );
      const text = hoverText(hovers);
      // The verdict, the shares behind it and the suggested title, not any hover with a digit in it.
      assert.match(text, /Duties read as \*\*ML engineering\*\*/, `hover should give the reading of the duties, got: ${JSON.stringify(text)}`);
      assert.match(text, /ML engineering \d+%/, `hover should give the ML-engineering share, got: ${JSON.stringify(text)}`);
      assert.match(text, /Suggested: Senior Machine Learning Engineer/, `hover should suggest the retitle, got: ${JSON.stringify(text)}`);
    },
  ],
  [
    'offers "Senior Machine Learning Engineer" as the preferred first quick fix, and applying it clears the warning',
    async () => {
      const doc = await open('mismatched-ds-title.md');
      await waitForDiagnostics(doc.uri, () => mismatches(doc.uri).length > 0, `a ${RULE} warning`);
      const [d] = mismatches(doc.uri);
      const actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>(
        'vscode.executeCodeActionProvider',
        doc.uri,
        d.range,
        vscode.CodeActionKind.QuickFix.value,
        10,
      );
      // The command's results do not carry their diagnostics back, but the title range holds only
      // this warning, so the quick fixes offered there are its fixes.
      const fixes = actions.filter(
        (a): a is vscode.CodeAction =>
          'kind' in a && a.kind !== undefined && vscode.CodeActionKind.QuickFix.contains(a.kind),
      );
      assert.ok(fixes.length > 0, `no quick fix for ${RULE}; got: ${JSON.stringify(actions)}`);
      assert.equal(fixes[0].isPreferred, true, `the first fix should be preferred: ${fixes.map((f) => f.title).join(', ')}`);
      assert.equal(fixes.filter((f) => f.isPreferred).length, 1, 'exactly one fix should be preferred');
      assert.ok(fixes[0].edit, `the preferred fix carries no edit: ${fixes[0].title}`);

      assert.ok(await vscode.workspace.applyEdit(fixes[0].edit), 'applyEdit refused the fix');
      assert.equal(doc.lineAt(0).text, '# Senior Machine Learning Engineer');
      // The body is untouched: only the role name in the title changes.
      assert.equal(doc.lineAt(2).text.startsWith('Fernhill Logistics routes parcels'), true);
      await waitForDiagnostics(doc.uri, () => mismatches(doc.uri).length === 0, `the ${RULE} warning to go away`);
    },
  ],
  [
    'does not flag a Senior Data Scientist title over data-science duties (and flags the same body retitled ML engineer)',
    async () => {
      const doc = await open('matching-ds-title.md');
      // Swapping the title first proves the server lints this document: without that, "no warning"
      // could just mean "not linted yet".
      await replaceLine0(doc, '# Senior Machine Learning Engineer');
      await waitForDiagnostics(doc.uri, () => mismatches(doc.uri).length === 1, `a ${RULE} warning for the swapped title`);
      await replaceLine0(doc, '# Senior Data Scientist');
      await waitForDiagnostics(doc.uri, () => mismatches(doc.uri).length === 0, `no ${RULE} warning for the matching title`);
      assert.equal(doc.lineAt(0).text, '# Senior Data Scientist');
    },
  ],
  [
    'a checked-in .jdlintrc.json changes the severity, and the editor and the CLI agree',
    async () => {
      const folder = vscode.workspace.workspaceFolders![0].uri;
      const posting = vscode.Uri.joinPath(folder, 'team', 'posting.md');
      const rc = vscode.Uri.joinPath(folder, 'team', '.jdlintrc.json');
      await vscode.workspace.fs.writeFile(posting, MISMATCHED);
      await vscode.workspace.fs.writeFile(rc, Buffer.from(JSON.stringify({ rules: { [RULE]: 'error' } })));
      const doc = await vscode.workspace.openTextDocument(posting);
      await vscode.window.showTextDocument(doc);
      const isError = () => mismatches(doc.uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error);
      await waitForDiagnostics(doc.uri, isError, `the ${RULE} raised to error by .jdlintrc.json`);
      const ext = vscode.extensions.getExtension('jdlint.jdlint')!;
      const { spawnSync } = await import('node:child_process');
      // From the workspace folder, as a team runs it in its repository: the CLI reads config
      // files only inside its working folder and home (#16).
      const ran = spawnSync(process.execPath, [`${ext.extensionPath}/dist/cli.js`, '--format', 'json', posting.fsPath], { encoding: 'utf8', cwd: folder.fsPath });
      // Exit status 1: an error-severity finding fails the CI job, as the editor's error says it would.
      assert.equal(ran.status, 1, `the CLI should exit 1 on an error-severity finding; stderr: ${ran.stderr}`);
      const cli = JSON.parse(ran.stdout)[0].diagnostics.find((d: { rule: string }) => d.rule === RULE);
      assert.equal(cli.severity, 'error', 'the CLI reads the same .jdlintrc.json');
      await vscode.workspace.fs.writeFile(rc, Buffer.from(JSON.stringify({ rules: { [RULE]: 'warning' } })));
      await waitForDiagnostics(doc.uri, () => mismatches(doc.uri).some((d) => d.severity === vscode.DiagnosticSeverity.Warning), 'the warning after editing .jdlintrc.json');
    },
  ],
  [
    'the disable code action inserts a comment that silences exactly that warning',
    async () => {
      const folder = vscode.workspace.workspaceFolders![0].uri;
      const posting = vscode.Uri.joinPath(folder, 'suppress.md');
      await vscode.workspace.fs.writeFile(posting, MISMATCHED);
      const doc = await vscode.workspace.openTextDocument(posting);
      await vscode.window.showTextDocument(doc);
      await waitForDiagnostics(doc.uri, () => mismatches(doc.uri).length === 1, `a ${RULE} warning`);
      const d = mismatches(doc.uri)[0];
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range);
      const disable = actions.find((a) => a.title === `Disable ${RULE} for this line`);
      assert.ok(disable?.edit, `no disable action among: ${actions.map((a) => a.title).join(', ')}`);
      assert.ok(await vscode.workspace.applyEdit(disable.edit));
      assert.equal(doc.lineAt(0).text, `<!-- jdlint-disable-next-line ${RULE} -->`);
      await waitForDiagnostics(doc.uri, () => mismatches(doc.uri).length === 0, 'the warning to be silenced');
    },
  ],
  [
    'Lint all postings in the workspace fills the Problems panel for postings not open',
    async () => {
      const folder = vscode.workspace.workspaceFolders![0].uri;
      const posting = vscode.Uri.joinPath(folder, 'unopened', 'closed.md');
      await vscode.workspace.fs.writeFile(posting, MISMATCHED);
      const linted = await vscode.commands.executeCommand<number>('jdlint.lintWorkspace');
      assert.ok(linted >= 1, `linted ${linted}`);
      await waitForDiagnostics(posting, () => mismatches(posting).length === 1, `a ${RULE} warning for the unopened posting`);
    },
  ],
  [
    'the breakdown command opens the picture beside the posting: verdict, shares and one pull per section',
    async () => {
      const folder = vscode.workspace.workspaceFolders![0].uri;
      const posting = vscode.Uri.joinPath(folder, 'breakdown.md');
      await vscode.workspace.fs.writeFile(posting, MISMATCHED);
      const doc = await vscode.workspace.openTextDocument(posting);
      await vscode.window.showTextDocument(doc);
      await waitForDiagnostics(doc.uri, () => mismatches(doc.uri).length === 1, `a ${RULE} warning`);
      type Shown = { title: string; verdict: { kind: string; suggestions: string[] }; sections: { heading: string; ds: number; mle: number }[] };
      const b = await vscode.commands.executeCommand<Shown>('jdlint.showBreakdown', doc.uri.toString());
      assert.equal(b.verdict.kind, 'mismatch');
      assert.equal(b.verdict.suggestions[0], mismatches(doc.uri)[0].message.match(/Consider "([^"]+)"/)![1]);
      assert.deepEqual(b.sections.map((s) => s.heading), ['What you will do']);
      assert.ok(b.sections[0].mle > b.sections[0].ds, JSON.stringify(b.sections[0]));
      // The workbench tells the extension host about a new tab a moment after the panel is made.
      const findView = () =>
        vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('jdlint.breakdown'));
      const view =
        findView() ??
        (await new Promise<vscode.Tab | undefined>((resolve) => {
          const timer = setTimeout(() => done(undefined), TIMEOUT_MS);
          const sub = vscode.window.tabGroups.onDidChangeTabs(() => findView() && done(findView()));
          function done(t: vscode.Tab | undefined) {
            clearTimeout(timer);
            sub.dispose();
            resolve(t);
          }
        }));
      assert.ok(view, `no breakdown view among the tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', ')}`);
      assert.equal(view.label, 'JD Lint: Senior Data Scientist');
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), doc.uri.toString(), 'the posting keeps the focus');
      await vscode.window.tabGroups.close(findView()!);
      assert.equal(findView(), undefined, 'the breakdown view did not close');
    },
  ],
  [
    'a README gets no findings: marked jdlint-posting it is linted, and the findings go with the marker',
    async () => {
      const folder = vscode.workspace.workspaceFolders![0].uri;
      const readme = vscode.Uri.joinPath(folder, 'notes', 'README.md');
      await vscode.workspace.fs.writeFile(readme, Buffer.from('# Team notes\n\nWhere the postings live and who reviews them.\n'));
      const doc = await vscode.workspace.openTextDocument(readme);
      await vscode.window.showTextDocument(doc);
      const ours = () => vscode.languages.getDiagnostics(readme).filter((d) => d.source === 'jdlint');
      // Marked a posting, the same text gets findings (no pay range, no duties): the server reads this document.
      const mark = new vscode.WorkspaceEdit();
      mark.insert(readme, new vscode.Position(doc.lineCount - 1, 0), '<!-- jdlint-posting -->\n');
      assert.ok(await vscode.workspace.applyEdit(mark), 'applyEdit refused the marker');
      const codes = () => ours().map((d) => String(codeOf(d))).sort();
      await waitForDiagnostics(readme, () => codes().length > 0, 'findings on the README marked a posting');
      assert.deepEqual(codes(), ['missing-duties', 'missing-pay-range'], describe(readme));
      const unmark = new vscode.WorkspaceEdit();
      unmark.delete(readme, doc.lineAt(doc.lineCount - 2).rangeIncludingLineBreak);
      assert.ok(await vscode.workspace.applyEdit(unmark), 'applyEdit refused removing the marker');
      assert.equal(doc.getText(), '# Team notes\n\nWhere the postings live and who reviews them.\n');
      await waitForDiagnostics(readme, () => ours().length === 0, 'no findings on the README without the marker');
    },
  ],
  [
    'contributes the jdlint.showBreakdown command',
    async () => {
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes('jdlint.showBreakdown'), 'jdlint.showBreakdown is not registered');
    },
  ],
  ...settingsTests({ mismatches, waitForDiagnostics }),
];

export async function run(): Promise<void> {
  let failed = 0;
  say(`running ${tests.length} extension-host tests in VS Code ${vscode.version}`);
  for (const [name, body] of tests) {
    const started = Date.now();
    try {
      await body();
      say(`✓ ${name} (${Date.now() - started} ms)`);
    } catch (err) {
      failed++;
      say(`✗ ${name} (${Date.now() - started} ms)`);
      say(`    ${err instanceof Error ? (err.stack ?? err.message).split('\n').slice(0, 6).join('\n    ') : String(err)}`);
    }
  }
  say(`${tests.length - failed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} of ${tests.length} extension-host tests failed`);
}
