// Findings -> diagnostics. The fix travels in Diagnostic.data with the version it was computed for.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Fix, Severity } from '../engine/types';
import { revisionOf } from './documents';
import { toRange } from './positions';

export interface DiagnosticData {
  version: number;
  /** The server's revision of the text the fixes were computed for (see documents.ts). */
  revision: number;
  fixes: Fix[];
  /** The edit that inserts a suppression comment for this finding. */
  suppress?: Fix;
}

export function toSeverity(s: Exclude<Severity, 'off'>): DiagnosticSeverity {
  switch (s) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'info':
      return DiagnosticSeverity.Information;
    case 'hint':
      return DiagnosticSeverity.Hint;
  }
}

export function toDiagnostic(doc: TextDocument, f: Finding, docsBase: string, suppress?: Fix): Diagnostic {
  const data: DiagnosticData = { version: doc.version, revision: revisionOf(doc), fixes: f.fixes, ...(suppress ? { suppress } : {}) };
  return {
    range: toRange(doc, f.range),
    severity: toSeverity(f.severity),
    source: 'jdlint',
    code: f.rule,
    codeDescription: { href: `${docsBase}/${f.rule}.md` },
    message: f.message,
    relatedInformation: f.related.map((r) => ({ location: { uri: doc.uri, range: toRange(doc, r.range) }, message: r.message })),
    data,
  };
}
