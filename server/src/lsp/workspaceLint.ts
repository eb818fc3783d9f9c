// Postings that are not open, linted into the Problems panel (the workspace lint command).
import type { Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '../linter';
import type { ServerContext } from './context';
import { toDiagnostic } from './convert';

/** Lints the files the client names; returns how many were linted. */
export async function lintFiles(ctx: ServerContext, connection: Pick<Connection, 'sendDiagnostics'>, params: { uris?: string[] }): Promise<number> {
  let n = 0;
  for (const uri of params.uris ?? []) {
    if (ctx.documents.get(uri) || !ctx.host.canReadPosting(uri)) continue;
    // Postings of the workspace only: never /etc/passwd because a client asked.
    if (!/\.(md|markdown)$/i.test(uri) || !ctx.host.insideWorkspace(uri, ctx.roots)) {
      ctx.log(`jdlint: not linting ${uri}: not a Markdown file inside the workspace`);
      continue;
    }
    try {
      const s = await ctx.settings.get(uri);
      // Settings of a file that is not open are not kept.
      ctx.settings.forget(uri);
      const read = await ctx.host.readPosting(uri, s.config.maxDocumentSize);
      if (!read.ok) {
        ctx.log(`jdlint: could not lint ${uri}: ${read.error}`);
        continue;
      }
      const doc = TextDocument.create(uri, 'markdown', 0, read.text);
      const r = s.enable ? lint(read.text, s.config) : null;
      const diagnostics = r ? r.findings.map((f) => toDiagnostic(doc, f, ctx.host.docsBase)) : [];
      await connection.sendDiagnostics({ uri, diagnostics });
      n++;
    } catch (err) {
      ctx.log(`jdlint: could not lint ${uri}: ${(err as Error).message}`);
    }
  }
  return n;
}
