import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_ID, EXPORT_REQUEST, IMPORT_REQUEST, LANGUAGE_ID, STATUS_REQUEST, type ExportFormat, type ExportResult, type ImportResultMessage, type StatusResult } from '../../server/src/shared/protocol.js';
import { showCoverage } from './coverage.js';
import { registerFixCommands } from './fixes.js';
import { PreviewManager } from './preview.js';

let client: LanguageClient | undefined;

/** Starts the AVV language server and owns the commands and the status bar item. */
export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient; preview: PreviewManager }> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    // settings and the project files .avvrc.json change the severities
    synchronize: { configurationSection: CLIENT_ID, fileEvents: vscode.workspace.createFileSystemWatcher('**/.avvrc.json') },
    initializationOptions: {},
  };
  // the client id equals the settings prefix, so `avv.trace.server` works
  client = new LanguageClient(CLIENT_ID, 'AVV Studio', serverOptions, clientOptions);

  const status = vscode.window.createStatusBarItem('avv.status', vscode.StatusBarAlignment.Left, 100);
  status.name = vscode.l10n.t('AVV contract check');
  status.command = 'avv.showCoverage';
  context.subscriptions.push(status);

  const updateStatus = async () => {
    const editor = vscode.window.activeTextEditor;
    if (!client || !editor || editor.document.languageId !== LANGUAGE_ID) {
      status.hide();
      return;
    }
    const result = await client.sendRequest<StatusResult | null>(STATUS_REQUEST, { uri: editor.document.uri.toString() });
    if (!result) {
      status.hide();
      return;
    }
    status.text = `$(law) ${vscode.l10n.t('Art. 28: {0}/{1}', result.art28.present, result.art28.applicable)}  $(error) ${result.errors} $(warning) ${result.warnings}`;
    status.tooltip = vscode.l10n.t('{0} of {1} mandatory requirements of Art. 28 GDPR present · {2} errors, {3} warnings, {4} notes · {5} sections, {6} annexes. Click for the coverage of every requirement.',
      result.art28.present, result.art28.applicable, result.errors, result.warnings, result.infos, result.sections, result.annexes);
    status.show();
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('avv.checkAsContract', async (uri?: vscode.Uri) => {
      const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!doc) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown or text file to check it as a contract.'));
        return;
      }
      await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    }),
    vscode.commands.registerCommand('avv.restartServer', async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand('avv.showOutput', () => client?.outputChannel.show()),
    vscode.window.onDidChangeActiveTextEditor(() => void updateStatus()),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) void updateStatus();
    }),
  );

  await client.start();
  registerFixCommands(context, client);
  const preview = new PreviewManager(context, client);
  context.subscriptions.push(
    preview,
    vscode.commands.registerCommand('avv.openPreview', (uri?: vscode.Uri) => preview.open(uri, false)),
    vscode.commands.registerCommand('avv.openPreviewToSide', (uri?: vscode.Uri) => preview.open(uri, true)),
    vscode.commands.registerCommand('avv.exportHtml', (uri?: vscode.Uri, target?: vscode.Uri) => exportDocument('html', uri, target)),
    vscode.commands.registerCommand('avv.exportDocx', (uri?: vscode.Uri, target?: vscode.Uri) => exportDocument('docx', uri, target)),
    vscode.commands.registerCommand('avv.exportPdf', (uri?: vscode.Uri, target?: vscode.Uri) => exportDocument('pdf', uri, target)),
    vscode.commands.registerCommand('avv.importWord', (uri?: vscode.Uri, target?: vscode.Uri) => importWord(uri, target)),
    vscode.commands.registerCommand('avv.showCoverage', (uri?: vscode.Uri) => (client ? showCoverage(client, uri) : undefined)),
  );
  await updateStatus();
  return { client, preview };
}

/**
 * Exports the contract through the language server (same parse and renderer as the CLI). `target` lets
 * tests and other extensions write without the save dialog.
 */
async function exportDocument(format: ExportFormat, uri?: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!client || !doc || doc.languageId !== LANGUAGE_ID) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open an AVV contract to export it.'));
    return undefined;
  }
  const result = await client.sendRequest<ExportResult | null>(EXPORT_REQUEST, { uri: doc.uri.toString(), format });
  if (!result) return undefined;
  const suggested = doc.uri.with({ path: doc.uri.path.replace(/(\.avv)?\.(md|markdown|txt)$/i, '') + `.${result.extension}` });
  const destination = target ?? (await vscode.window.showSaveDialog({ defaultUri: suggested, filters: { [format.toUpperCase()]: [result.extension] } }));
  if (!destination) return undefined;
  await vscode.workspace.fs.writeFile(destination, Buffer.from(result.data, 'base64'));
  if (!target) void vscode.window.showInformationMessage(vscode.l10n.t('Exported to {0}', destination.fsPath || destination.toString()));
  return destination;
}

/** Converts a Word document (or a Word text export) into AVV-Markdown next to it and opens it. */
async function importWord(uri?: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const source = uri ?? (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { Word: ['docx'], [vscode.l10n.t('Text')]: ['txt'] } }))?.[0];
  if (!client || !source) return undefined;
  const data = Buffer.from(await vscode.workspace.fs.readFile(source)).toString('base64');
  const name = source.path.split('/').pop() ?? 'vertrag.docx';
  const result = await client.sendRequest<ImportResultMessage>(IMPORT_REQUEST, { name, data });
  const destination = target ?? source.with({ path: source.path.replace(/\.(docx|txt)$/i, '') + '.avv.md' });
  await vscode.workspace.fs.writeFile(destination, Buffer.from(result.markdown, 'utf8'));
  if (result.report.length) {
    const out = client.outputChannel;
    out.appendLine(vscode.l10n.t('Import of {0}: {1} notes', name, result.report.length));
    for (const r of result.report) out.appendLine(`  ${r.line !== undefined ? `${r.line + 1}: ` : ''}${r.message}`);
    if (!target) out.show(true);
  }
  if (!target) await vscode.window.showTextDocument(destination);
  return destination;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
