// Extension-host tests of the editor settings and commands of #19 point 6: jdlint.run onSave, fix all
// on save through editor.codeActionsOnSave, Restart server and Open configuration file. Run by
// index.ts's run() after its own tests, in the same throwaway workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { MISMATCHED, POSTING } from './postings';

export interface Helpers {
  mismatches(uri: vscode.Uri): vscode.Diagnostic[];
  waitForDiagnostics(uri: vscode.Uri, ready: () => boolean, what: string): Promise<void>;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function folder(): vscode.Uri {
  return vscode.workspace.workspaceFolders![0].uri;
}

/** Writes a posting into the workspace and shows it. */
async function showPosting(name: string, text: Buffer): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.joinPath(folder(), name);
  await vscode.workspace.fs.writeFile(uri, text);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** Sets a setting for the workspace and lets the client pass the change on to the server. */
async function setWorkspace(section: string, key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Workspace);
  // The client forwards the change (didChangeConfiguration) and the server re-lints open postings.
  await delay(1000);
}

const ML_TITLE = '# Senior Machine Learning Engineer';

export function settingsTests(h: Helpers): Array<[string, () => Promise<void>]> {
  return [
    [
      'jdlint.run onSave: typing does not lint, saving does',
      async () => {
        // The web workbench saves after a delay by default: only the explicit save below may lint.
        await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
        await setWorkspace('jdlint', 'run', 'onSave');
        try {
          const doc = await showPosting('run-on-save.md', POSTING);
          // Opening lints.
          await h.waitForDiagnostics(doc.uri, () => h.mismatches(doc.uri).length === 1, 'a title-duty-mismatch warning on open');
          const edit = new vscode.WorkspaceEdit();
          edit.replace(doc.uri, doc.lineAt(0).range, ML_TITLE);
          assert.ok(await vscode.workspace.applyEdit(edit));
          // Linted, the retitled text has no mismatch (with onType it goes within milliseconds).
          await delay(2000);
          assert.equal(h.mismatches(doc.uri).length, 1, 'the edit was linted: the warning of the last save should stay until the next');
          assert.ok(await doc.save(), 'the save failed');
          await h.waitForDiagnostics(doc.uri, () => h.mismatches(doc.uri).length === 0, 'the warning to go once the retitled posting is saved');
        } finally {
          await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Workspace);
          await setWorkspace('jdlint', 'run', undefined);
        }
      },
    ],
    [
      'editor.codeActionsOnSave "source.fixAll.jdlint" retitles the posting when it is saved',
      async () => {
        await setWorkspace('editor', 'codeActionsOnSave', { 'source.fixAll.jdlint': 'explicit' });
        try {
          const doc = await showPosting('fix-on-save.md', POSTING);
          await h.waitForDiagnostics(doc.uri, () => h.mismatches(doc.uri).length === 1, 'a title-duty-mismatch warning');
          // Ctrl+S, as a user saves.
          await vscode.commands.executeCommand('workbench.action.files.save');
          assert.equal(doc.lineAt(0).text, ML_TITLE);
          assert.equal(doc.isDirty, false, 'the fixed text is saved');
          const onDisk = Buffer.from(await vscode.workspace.fs.readFile(doc.uri)).toString('utf8');
          assert.equal(onDisk.split('\n')[0], ML_TITLE);
          await h.waitForDiagnostics(doc.uri, () => h.mismatches(doc.uri).length === 0, 'the warning to go after the fix');
        } finally {
          await setWorkspace('editor', 'codeActionsOnSave', undefined);
        }
      },
    ],
    [
      'settings.json completes the rule ids of jdlint.rules and their severities, with descriptions',
      async () => {
        await setWorkspace('jdlint', 'rules', {});
        const settings = vscode.Uri.joinPath(folder(), '.vscode', 'settings.json');
        const doc = await vscode.workspace.openTextDocument(settings);
        await vscode.window.showTextDocument(doc);
        const edit = new vscode.WorkspaceEdit();
        edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), '{\n  "jdlint.rules": {\n    "title-duty-mismatch": "",\n    ""\n  }\n}\n');
        assert.ok(await vscode.workspace.applyEdit(edit));
        try {
          const labels = async (line: number, character: number) => {
            // The JSON language server starts on the first settings file: ask until it answers.
            for (let i = 0; ; i++) {
              const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line, character));
              const items = list.items.map((c) => ({ label: typeof c.label === 'string' ? c.label : c.label.label, doc: c.documentation }));
              if (items.length > 0 || i === 20) return items;
              await delay(500);
            }
          };
          const ids = await labels(3, 5);
          const names = ids.map((c) => c.label.replace(/"/g, ''));
          for (const id of ['missing-pay-range', 'vanity-title', 'other-role-duties']) assert.ok(names.includes(id), `${id} not offered: ${names.join(', ')}`);
          const pay = ids.find((c) => c.label.replace(/"/g, '') === 'missing-pay-range');
          const text = typeof pay?.doc === 'string' ? pay.doc : (pay?.doc?.value ?? '');
          assert.match(text, /pay range/i, 'the rule id is described');
          const severities = (await labels(2, 28)).map((c) => c.label.replace(/"/g, ''));
          assert.deepEqual([...severities].sort(), ['error', 'hint', 'info', 'off', 'warning']);
        } finally {
          await vscode.commands.executeCommand('workbench.action.files.revert');
          await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        }
      },
    ],
    [
      'JD Lint: Restart server starts a new server that lints again',
      async () => {
        const commands = await vscode.commands.getCommands(true);
        assert.ok(commands.includes('jdlint.restartServer'), 'jdlint.restartServer is not registered');
        assert.equal(await vscode.commands.executeCommand<boolean>('jdlint.restartServer'), true, 'the client is not running after the restart');
        const doc = await showPosting('after-restart.md', POSTING);
        await h.waitForDiagnostics(doc.uri, () => h.mismatches(doc.uri).length === 1, 'a warning from the restarted server');
      },
    ],
    [
      'JD Lint: Open configuration file opens the nearest .jdlintrc.* above the posting',
      async () => {
        const config = vscode.Uri.joinPath(folder(), 'nested', '.jdlintrc.yaml');
        await vscode.workspace.fs.writeFile(config, Buffer.from('rules:\n  missing-pay-range: "off"\n'));
        const codesOf = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).map((d) => (typeof d.code === 'object' ? d.code.value : d.code));
        // A posting with no pay range: outside the folder it gets missing-pay-range, so its absence
        // below says the config file applies (POSTING gives a salary and would never get it).
        const outside = await showPosting('nested-control.md', MISMATCHED);
        await h.waitForDiagnostics(outside.uri, () => codesOf(outside.uri).includes('missing-pay-range'), 'missing-pay-range on the posting outside the folder');
        const doc = await showPosting('nested/deeper/posting.md', MISMATCHED);
        const opened = await vscode.commands.executeCommand<vscode.Uri>('jdlint.openConfig');
        assert.equal(opened?.toString(), config.toString());
        assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), config.toString(), 'the config file is not the active editor');
        // The file that opened is the one that applies: its rule is off for the posting.
        await h.waitForDiagnostics(doc.uri, () => h.mismatches(doc.uri).length === 1, 'the posting linted');
        const codes = codesOf(doc.uri);
        assert.ok(!codes.includes('missing-pay-range'), `missing-pay-range should be off: ${codes.join(', ')}`);
      },
    ],
    [
      'JD Lint: Open configuration file offers to create .jdlintrc.json where none applies',
      async () => {
        await showPosting('no-config/posting.md', POSTING);
        const target = vscode.Uri.joinPath(folder(), '.jdlintrc.json');
        const running = vscode.commands.executeCommand<vscode.Uri | undefined>('jdlint.openConfig');
        // The offer is a notification with one button: accept it as a user would (keyboard).
        await delay(1000);
        await vscode.commands.executeCommand('notifications.focusFirstToast');
        await vscode.commands.executeCommand('notification.acceptPrimaryAction');
        const created = await running;
        assert.equal(created?.toString(), target.toString());
        const text = Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8');
        assert.deepEqual(Object.keys(JSON.parse(text)), ['$schema', 'rules']);
        assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString());
        await vscode.workspace.fs.delete(target);
      },
    ],
  ];
}
