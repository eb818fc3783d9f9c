// Diagnostics of an open posting, published on open and on every change.
import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { suppressionFix } from '../engine/suppress';
import { INPUT_RULE } from '../linter';
import { isPosting, type ServerContext } from './context';
import { toDiagnostic } from './convert';
import { lintsOn, type LintTrigger } from './settings';

export async function publishDiagnostics(
  ctx: ServerContext,
  connection: Pick<Connection, 'sendDiagnostics'>,
  doc: TextDocument,
  trigger: LintTrigger = 'change',
): Promise<void> {
  if (!isPosting(doc)) return;
  try {
    const s = await ctx.settings.get(doc.uri);
    const current = ctx.documents.get(doc.uri);
    if (current !== doc) {
      // The document changed while settings were fetched: its own change event publishes it, but
      // with jdlint.run onSave a change publishes nothing, so an open still lints what is there.
      if (trigger === 'open' && current) await publishDiagnostics(ctx, connection, current, 'open');
      return;
    }
    if (!lintsOn(trigger, s)) return;
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
