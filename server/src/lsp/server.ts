import * as l10n from '@vscode/l10n';
import {
  CompletionItemKind,
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  FoldingRangeKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type DocumentSymbol,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import {
  completions,
  definition,
  documentLinks,
  documentSymbols,
  foldingRanges,
  hover,
  modelToJson,
  prepareRename,
  references,
  countCoverage,
  rename,
  type AnalysisSettings,
  type Finding,
  type Knowledge,
} from '../core/index.js';
import {
  DEFAULT_SETTINGS,
  EXPORT_REQUEST,
  COVERAGE_REQUEST,
  IMPORT_REQUEST,
  MODEL_REQUEST,
  PREVIEW_REQUEST,
  STATUS_REQUEST,
  type AvvSettings,
  type CoverageResult,
  type ExportParams,
  type ExportResult,
  type ImportParams,
  type ImportResultMessage,
  type PreviewResult,
  type StatusParams,
  type StatusResult,
} from '../shared/protocol.js';
import { exportContract } from '../core/render/export.js';
import { renderHtmlFragment, renderTitleBlock, renderToc } from '../core/render/html.js';
import { compliancePanel } from './compliance.js';
import { importDocx, importText } from '../core/import/index.js';
import { resolveSeverities } from '../core/config/index.js';
import { ProjectConfigs } from '../shared/projectConfig.js';
import { ContractCache } from './documents.js';
import { ruleDocumentationUrl } from './links.js';
import { coverageLenses } from './codeLens.js';
import { codeActions, commandArguments, commandEdits, FIX_ALL_KIND, SERVER_COMMANDS, versionedEdit, type FixContext } from './codeActions.js';
import { loadClauseLibrary, type ClauseLibrary } from '../core/fixes/index.js';

export interface ServerOptions {
  knowledge: Knowledge;
  /** The clause library for quick fixes (default: data/clauses.json next to the bundle). */
  library?: ClauseLibrary;
  /** German bundle for @vscode/l10n, used when the client's locale is German. */
  germanBundle?: Record<string, string>;
}

/**
 * The language server: a thin adapter. Every handler finds the document, returns empty if there is
 * none, and asks the core.
 */
export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new ContractCache(options.knowledge);
  const settingsCache = new Map<string, Promise<AvvSettings>>();
  const projectConfigs = new ProjectConfigs(options.knowledge);
  let locale = 'de';
  let pullDiagnostics = false;
  let configurationSupport = false;
  const pending = new Map<string, NodeJS.Timeout>();

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    locale = (params.locale ?? process.env['VSCODE_NLS_CONFIG'] ?? 'de').toLowerCase();
    l10n.config({ contents: locale.startsWith('en') ? {} : (options.germanBundle ?? {}) });
    pullDiagnostics = params.capabilities.textDocument?.diagnostic !== undefined;
    configurationSupport = params.capabilities.workspace?.configuration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [' ', '{', '.', '§'] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: { label: 'AVV' },
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
        executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
        ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'avv', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'AVV Studio', version: '0.1.0' },
    };
  });

  const configurationChanged = () => {
    settingsCache.clear();
    if (pullDiagnostics) connection.languages.diagnostics.refresh();
    else for (const doc of documents.all()) schedule(doc);
  };
  connection.onDidChangeConfiguration(configurationChanged);
  // a .avvrc.json was created, changed or deleted (the client watches them)
  connection.onDidChangeWatchedFiles(() => {
    projectConfigs.forget();
    configurationChanged();
  });

  const settingsFor = (uri: string): Promise<AvvSettings> => {
    if (!configurationSupport) return Promise.resolve(DEFAULT_SETTINGS);
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace.getConfiguration({ scopeUri: uri, section: 'avv' }).then((v: Partial<AvvSettings> | null) => ({ ...DEFAULT_SETTINGS, ...(v ?? {}) }));
      settingsCache.set(uri, s);
    }
    return s;
  };

  const reportedConfigs = new Set<string>();
  /** The analysis settings of a document: profile and rules from `.avvrc.json` and the editor settings. */
  const analysisSettingsFor = async (uri: string): Promise<AnalysisSettings> => {
    const settings = await settingsFor(uri);
    const found = uri.startsWith('file:') ? projectConfigs.forFile(fileURLToPath(uri)) : { config: {}, problems: [] };
    if (found.file && found.problems.length > 0 && !reportedConfigs.has(found.file)) {
      reportedConfigs.add(found.file);
      for (const p of found.problems) connection.console.warn(`${found.file}: ${p.message}`);
    }
    return { severities: resolveSeverities(options.knowledge, found.config, { profile: found.config.profile ?? settings.profile, rules: settings.rules }) };
  };

  const diagnosticsFor = async (doc: TextDocument): Promise<Diagnostic[]> => {
    return cache.analyze(doc, await analysisSettingsFor(doc.uri)).findings.map((f) => toDiagnostic(doc.uri, f));
  };

  const schedule = (doc: TextDocument) => {
    if (pullDiagnostics) return;
    clearTimeout(pending.get(doc.uri));
    void settingsFor(doc.uri).then((settings) => {
      pending.set(doc.uri, setTimeout(() => {
        pending.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (!current || current.version !== doc.version) return; // a newer version is scheduled
        void diagnosticsFor(current).then((diagnostics) => connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics }));
      }, settings.debounceMs));
    });
  };

  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidClose((e) => {
    clearTimeout(pending.get(e.document.uri));
    cache.forget(e.document.uri);
    settingsCache.delete(e.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    return { kind: DocumentDiagnosticReportKind.Full, items: await diagnosticsFor(doc) };
  });

  let library: ClauseLibrary | undefined = options.library;
  const withDoc = <T>(uri: string, token: CancellationToken, empty: T, f: (doc: TextDocument) => T): T => {
    const doc = documents.get(uri);
    if (!doc || token.isCancellationRequested) return empty;
    return f(doc);
  };

  connection.onHover((p, token) => withDoc(p.textDocument.uri, token, null, (doc) => {
    const h = hover(cache.parse(doc), p.position, options.knowledge);
    return h ? { contents: { kind: 'markdown', value: h.contents }, range: h.range } : null;
  }));

  connection.onCompletion((p, token) => withDoc(p.textDocument.uri, token, [], (doc) =>
    completions(cache.parse(doc), p.position, options.knowledge, (library ??= options.library ?? loadClauseLibrary())).map((c) => ({
      label: c.label,
      kind: c.kind as CompletionItemKind,
      ...(c.detail ? { detail: c.detail } : {}),
      ...(c.documentation ? { documentation: { kind: 'markdown' as const, value: c.documentation } } : {}),
      ...(c.filterText ? { filterText: c.filterText } : {}),
      ...(c.sortText ? { sortText: c.sortText } : {}),
      textEdit: c.textEdit,
    }))));

  connection.onDefinition((p, token) => withDoc(p.textDocument.uri, token, [], (doc) =>
    definition(cache.parse(doc), p.position).map((l) => ({ targetUri: doc.uri, ...l }))));

  connection.onReferences((p, token) => withDoc(p.textDocument.uri, token, [], (doc) =>
    references(cache.parse(doc), p.position, p.context.includeDeclaration).map((range) => ({ uri: doc.uri, range }))));

  connection.onPrepareRename((p, token) => withDoc(p.textDocument.uri, token, null, (doc) => prepareRename(cache.parse(doc), p.position) ?? null));

  connection.onRenameRequest((p, token) => withDoc<WorkspaceEdit | null>(p.textDocument.uri, token, null, (doc) => ({
    // versioned: the client refuses the edit if the document changed meanwhile
    documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: rename(cache.parse(doc), p.position, p.newName) }],
  })));

  connection.onDocumentSymbol((p, token) => withDoc(p.textDocument.uri, token, [], (doc) => documentSymbols(cache.parse(doc).model) as DocumentSymbol[]));

  connection.onFoldingRanges((p, token) => withDoc(p.textDocument.uri, token, [], (doc) =>
    foldingRanges(cache.parse(doc).model).map((f) => ({
      startLine: f.startLine,
      endLine: f.endLine,
      ...(f.kind ? { kind: f.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region } : {}),
    }))));

  connection.onDocumentLinks((p, token) => withDoc(p.textDocument.uri, token, [], (doc) => documentLinks(cache.parse(doc), options.knowledge)));

  connection.onCodeLens(async (p, token) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc || token.isCancellationRequested) return [];
    return coverageLenses(cache.parse(doc), cache.analyze(doc, await analysisSettingsFor(doc.uri)));
  });

  const fixContext = async (doc: TextDocument): Promise<FixContext> => {
    const settings = await analysisSettingsFor(doc.uri);
    library ??= loadClauseLibrary();
    return { uri: doc.uri, version: doc.version, parsed: cache.parse(doc), analysis: cache.analyze(doc, settings), settings, knowledge: options.knowledge, library };
  };

  connection.onCodeAction(async (p, token) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc || token.isCancellationRequested) return [];
    return codeActions(p, await fixContext(doc));
  });

  // a fix command carries the version the user saw: on any other version it is refused, nothing is applied
  connection.onExecuteCommand(async (p) => {
    const args = commandArguments(p.arguments);
    const doc = args && documents.get(args.uri);
    if (!args || !doc) return { applied: false, reason: 'unknown-document' };
    if (doc.version !== args.version) return { applied: false, reason: 'stale-version', version: doc.version };
    const edits = commandEdits(p.command, args, await fixContext(doc));
    if (!edits) return { applied: false, reason: 'unknown-command' };
    if (edits.length === 0) return { applied: false, reason: 'nothing-to-fix' };
    const result = await connection.workspace.applyEdit({ label: l10n.t('AVV quick fix'), edit: versionedEdit(doc.uri, args.version, edits) });
    return { applied: result.applied, edits: edits.length };
  });

  connection.onRequest(STATUS_REQUEST, async (p: StatusParams): Promise<StatusResult | null> => {
    const doc = documents.get(p.uri);
    if (!doc) return null;
    const { findings, coverage } = cache.analyze(doc, await analysisSettingsFor(doc.uri));
    const model = cache.parse(doc).model;
    const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
    const art28 = countCoverage(coverage, 'art28');
    return {
      version: doc.version,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info') + count('hint'),
      sections: model.sections.length,
      annexes: model.annexes.length,
      art28: { present: art28.present, applicable: art28.applicable },
    };
  });

  connection.onRequest(COVERAGE_REQUEST, async (p: StatusParams): Promise<CoverageResult | null> => {
    const doc = documents.get(p.uri);
    if (!doc) return null;
    const { coverage } = cache.analyze(doc, await analysisSettingsFor(doc.uri));
    const english = locale.startsWith('en');
    return {
      version: doc.version,
      items: coverage.map((c) => {
        const meta = options.knowledge.rules.get(c.id);
        const target = c.status === 'present' || c.status === 'partial' ? c.evidence[0] ?? c.anchor : c.anchor ?? c.evidence[0];
        const reason = c.asserted?.reason ?? c.suppressed?.reason;
        return {
          id: c.id,
          group: c.group,
          status: c.status,
          title: meta ? (english ? meta.title.en : meta.title.de) : c.id,
          norm: meta?.norm ?? null,
          missing: c.missing,
          ...(target ? { target: target.start } : {}),
          severity: c.severity,
          ...(reason ? { reason } : {}),
        };
      }),
    };
  });

  connection.onRequest(MODEL_REQUEST, (p: StatusParams) => {
    const doc = documents.get(p.uri);
    return doc ? modelToJson(cache.parse(doc).model) : null;
  });

  connection.onRequest(PREVIEW_REQUEST, async (p: StatusParams): Promise<PreviewResult | null> => {
    const doc = documents.get(p.uri);
    if (!doc) return null;
    const parsed = cache.parse(doc);
    const { coverage } = cache.analyze(doc, await analysisSettingsFor(doc.uri));
    const html = renderTitleBlock(parsed) + renderToc(parsed, true) + renderHtmlFragment(parsed);
    return { version: doc.version, title: parsed.model.title ?? '', html, compliance: compliancePanel(coverage, options.knowledge, locale.startsWith('en')) };
  });

  connection.onRequest(EXPORT_REQUEST, async (p: ExportParams): Promise<ExportResult | null> => {
    const doc = documents.get(p.uri);
    if (!doc) return null;
    const file = await exportContract(cache.parse(doc), p.format);
    return { data: Buffer.from(file.data).toString('base64'), extension: file.extension };
  });

  connection.onRequest(IMPORT_REQUEST, async (p: ImportParams): Promise<ImportResultMessage> => {
    const bytes = Buffer.from(p.data, 'base64');
    return /\.docx$/i.test(p.name) ? importDocx(new Uint8Array(bytes)) : importText(bytes.toString('utf8'));
  });

  documents.listen(connection);
  connection.listen();
}

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function toDiagnostic(uri: string, f: Finding): Diagnostic {
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: ruleDocumentationUrl(f.ruleId) },
    source: 'AVV',
    message: f.norm ? `${f.message} (${f.norm})` : f.message,
    ...(f.related.length ? { relatedInformation: f.related.map((r) => ({ location: { uri, range: r.range }, message: r.message })) } : {}),
    data: { ruleId: f.ruleId, ...(f.data ?? {}) },
  };
}
