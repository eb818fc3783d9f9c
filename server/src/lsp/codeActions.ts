// Quick fixes (carried in each diagnostic's data) and "fix all" (every preferred fix at once).
import { CodeActionKind, TextDocumentEdit, type CodeAction, type CodeActionParams, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL_KIND } from '../protocol';
import type { Analysis, ServerContext } from './context';
import type { DiagnosticData } from './convert';
import { revisionOf } from './documents';
import { toRange } from './positions';

/** Edits to one document, pinned to its version when the client can check versions. */
function editOf(doc: TextDocument, edits: TextEdit[], versioned: boolean): WorkspaceEdit {
  return versioned ? { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, edits)] } : { changes: { [doc.uri]: edits } };
}

export async function codeActions(ctx: ServerContext, params: CodeActionParams): Promise<CodeAction[]> {
  try {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return [];
    const only = params.context.only;
    if (only && only.some((k) => FIX_ALL_KIND.startsWith(k) || k === CodeActionKind.SourceFixAll)) {
      const a = await ctx.analyse(doc.uri);
      const fixAll = a && fixAllAction(a, ctx.client.versionedEdits);
      return fixAll ? [fixAll] : [];
    }
    return quickFixes(doc, params.context.diagnostics, ctx.client.versionedEdits);
  } catch (err) {
    ctx.log(`jdlint: code actions failed: ${(err as Error).message}`);
    return [];
  }
}

/** The fixes the diagnostics carry, for the text they were computed for only; preferred first. */
export function quickFixes(doc: TextDocument, diagnostics: CodeActionParams['context']['diagnostics'], versioned: boolean): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== 'jdlint' || !d.data) continue;
    const data = d.data as DiagnosticData;
    // Never offer an edit computed for a text of the document the server no longer has (a
    // version number alone can repeat with other text).
    if (data.version !== doc.version || data.revision !== revisionOf(doc)) continue;
    for (const fix of [...(data.fixes ?? []), ...(data.suppress ? [data.suppress] : [])]) {
      const edits = fix.edits.map((e) => ({ range: toRange(doc, e.range), newText: e.newText }));
      actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: fix.preferred === true, edit: editOf(doc, edits, versioned) });
    }
  }
  // The preferred fix first, as editors list them in order.
  return actions.sort((a, b) => Number(b.isPreferred) - Number(a.isPreferred));
}

/** Every preferred fix of the current text at once; overlapping fixes are left for a second run. */
export function fixAllAction({ doc, result }: Analysis, versioned: boolean): CodeAction | null {
  const chosen: TextEdit[] = [];
  let end = -1;
  const fixes = result.findings.flatMap((f) => f.fixes.filter((x) => x.preferred)).sort((a, b) => a.edits[0].range.start - b.edits[0].range.start);
  for (const fix of fixes) {
    const sorted = [...fix.edits].sort((a, b) => a.range.start - b.range.start);
    if (sorted[0].range.start < end) continue;
    end = sorted[sorted.length - 1].range.end;
    chosen.push(...sorted.map((e) => ({ range: toRange(doc, e.range), newText: e.newText })));
  }
  if (chosen.length === 0) return null;
  return {
    title: `Fix all JD Lint problems (${chosen.length} edit${chosen.length === 1 ? '' : 's'})`,
    kind: FIX_ALL_KIND,
    edit: editOf(doc, chosen, versioned),
  };
}
