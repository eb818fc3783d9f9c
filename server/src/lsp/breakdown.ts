// The DS/MLE breakdown of a posting: the CodeLens on its title and the jdlint/breakdown request.
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { percent } from '../engine/explain';
import { buildBreakdown } from '../report/breakdown';
import { SHOW_BREAKDOWN_COMMAND, type Breakdown } from '../protocol';
import type { Analysis, ServerContext } from './context';
import { toRange } from './positions';

export function breakdownOf({ doc, result, settings }: Analysis): Breakdown {
  return buildBreakdown(doc.uri, result, settings.config);
}

/** One lens on the title with the shares and the role; it runs the breakdown command. */
export function titleLens({ doc, result: r }: Analysis): CodeLens[] {
  if (!r.title || r.posting.items.length === 0) return [];
  const p = r.profile;
  const title = `DS ${percent(p.ds)} · MLE ${percent(p.mle)} · role: ${p.role}`;
  return [{ range: toRange(doc, r.title.range), command: { title, command: SHOW_BREAKDOWN_COMMAND, arguments: [doc.uri] } }];
}

export async function codeLenses(ctx: ServerContext, params: CodeLensParams): Promise<CodeLens[]> {
  try {
    const a = await ctx.analyse(params.textDocument.uri);
    return a ? titleLens(a) : [];
  } catch (err) {
    ctx.log(`jdlint: code lens failed: ${(err as Error).message}`);
    return [];
  }
}

export async function breakdown(ctx: ServerContext, params: { uri: string }): Promise<Breakdown | null> {
  try {
    const a = await ctx.analyse(params.uri);
    return a ? breakdownOf(a) : null;
  } catch (err) {
    ctx.log(`jdlint: breakdown failed: ${(err as Error).message}`);
    return null;
  }
}
