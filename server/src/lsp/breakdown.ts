// The DS/MLE breakdown of a posting: the CodeLens on its title and the jdlint/breakdown request.
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { percent, topTerms } from '../engine/explain';
import { SHOW_BREAKDOWN_COMMAND, type Breakdown } from '../protocol';
import type { Analysis, ServerContext } from './context';
import { toRange } from './positions';

export function breakdownOf({ doc, result: r }: Analysis): Breakdown {
  return {
    uri: doc.uri,
    title: r.title?.text ?? null,
    family: r.title?.family ?? null,
    ds: r.profile.ds,
    mle: r.profile.mle,
    dsPercent: percent(r.profile.ds),
    mlePercent: percent(r.profile.mle),
    role: r.profile.role,
    dutyItems: r.profile.dutyItems,
    dsItems: r.profile.dsItems,
    mleItems: r.profile.mleItems,
    dsTerms: topTerms(r.classified, 'ds', 5),
    mleTerms: topTerms(r.classified, 'mle', 5),
  };
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
