// Diagnostics of an open posting, published on open and on every change.
import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { suppressionFix } from '../engine/suppress';
import { INPUT_RULE } from '../linter';
import { isPosting, type ServerContext } from './context';
import { toDiagnostic } from './convert';

export async function publishDiagnostics(ctx: ServerContext, connection: Pick<Connection, 'sendDiagnostics'>, doc: TextDocument): Promise<void> {
  if (!isPosting(doc)) return;
  try {
    const s = await ctx.settings.get(doc.uri);
    // The document changed while settings were fetched: its own change event publishes it.
    if (ctx.documents.get(doc.uri) !== doc) return;
    const result = s.enable ? ctx.resultFor(doc, s.config) : null;
    const diagnostics = result
      ? result.findings.map((f) => toDiagnostic(doc, f, ctx.host.docsBase, f.rule === INPUT_RULE ? undefined : suppressionFix(result.posting, f)))
      : [];
    await connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
    ctx.host.afterLint(doc.getText().length);
  } catch (err) {
    ctx.log(`jdlint: could not lint ${doc.uri}: ${(err as Error).stack ?? err}`);
  }
}
