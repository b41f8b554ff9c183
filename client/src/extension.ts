import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_ID, LANGUAGE_ID, STATUS_REQUEST, type StatusResult } from '../../server/src/shared/protocol.js';

let client: LanguageClient | undefined;

/** Starts the AVV language server and owns the commands and the status bar item. */
export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient }> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: { configurationSection: CLIENT_ID },
    initializationOptions: {},
  };
  // the client id equals the settings prefix, so `avv.trace.server` works
  client = new LanguageClient(CLIENT_ID, 'AVV Studio', serverOptions, clientOptions);

  const status = vscode.window.createStatusBarItem('avv.status', vscode.StatusBarAlignment.Left, 100);
  status.name = vscode.l10n.t('AVV contract check');
  status.command = 'workbench.actions.view.problems';
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
    status.text = `$(law) AVV: $(error) ${result.errors} $(warning) ${result.warnings}`;
    status.tooltip = vscode.l10n.t('{0} errors, {1} warnings, {2} notes · {3} sections, {4} annexes', result.errors, result.warnings, result.infos, result.sections, result.annexes);
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
  await updateStatus();
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
