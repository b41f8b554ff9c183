import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, MarkdownCache, parseContract, type Analysis, type AnalysisSettings, type Knowledge, type ParsedContract } from '../core/index.js';

/**
 * Parsed contracts and analyses cached by document version (and settings), so that pull and push
 * diagnostics, hovers and completions on the same version share one parse.
 */
export class ContractCache {
  private readonly parsed = new Map<string, { version: number; value: ParsedContract }>();
  private readonly analyses = new Map<string, { version: number; key: string; value: Analysis }>();
  /** Per document: the parsed Markdown chunks of its last version, so an edit re-parses one chunk. */
  private readonly markdown = new Map<string, MarkdownCache>();

  constructor(private readonly knowledge: Knowledge) {}

  parse(doc: TextDocument): ParsedContract {
    const hit = this.parsed.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.value;
    let md = this.markdown.get(doc.uri);
    if (!md) this.markdown.set(doc.uri, (md = new MarkdownCache()));
    const value = parseContract({ uri: doc.uri, version: doc.version, text: doc.getText() }, this.knowledge, md);
    this.parsed.set(doc.uri, { version: doc.version, value });
    return value;
  }

  analyze(doc: TextDocument, settings: AnalysisSettings): Analysis {
    const key = JSON.stringify(settings.severities ?? {});
    const hit = this.analyses.get(doc.uri);
    if (hit && hit.version === doc.version && hit.key === key) return hit.value;
    const value = analyze(this.parse(doc), this.knowledge, settings);
    this.analyses.set(doc.uri, { version: doc.version, key, value });
    return value;
  }

  forget(uri: string): void {
    this.parsed.delete(uri);
    this.analyses.delete(uri);
    this.markdown.delete(uri);
  }
}
