import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from '../../server/src/shared/protocol.js';

/**
 * The fix commands of the command palette (every fix is reachable without the light bulb). They run the
 * server's fix commands with the document version the user sees; the server refuses a stale version.
 */
interface CommandResult {
  applied: boolean;
  reason?: string;
}

async function run(serverCommand: string, doc: vscode.TextDocument, ruleId?: string): Promise<void> {
  const result = await vscode.commands.executeCommand<CommandResult | undefined>(serverCommand, { uri: doc.uri.toString(), version: doc.version, ...(ruleId ? { ruleId } : {}) });
  if (result?.reason === 'nothing-to-fix') void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to fix.'));
  else if (result?.reason === 'stale-version') void vscode.window.showWarningMessage(vscode.l10n.t('The document changed meanwhile; the fix was not applied. Please try again.'));
}

function activeContract(): vscode.TextDocument | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc?.languageId === LANGUAGE_ID) return doc;
  void vscode.window.showInformationMessage(vscode.l10n.t('Open an AVV contract first.'));
  return undefined;
}

export function registerFixCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  void client;
  context.subscriptions.push(
    vscode.commands.registerCommand('avv.insertAllMissingClauses', async () => {
      const doc = activeContract();
      if (doc) await run('avv.server.insertAllMissingClauses', doc);
    }),
    vscode.commands.registerCommand('avv.fixAllOfRule', async (ruleId?: string) => {
      const doc = activeContract();
      if (!doc) return;
      if (!ruleId) {
        const codes = [...new Set(vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'AVV').map((d) => String(typeof d.code === 'object' ? d.code.value : d.code ?? '')))].filter(Boolean).sort();
        if (codes.length === 0) {
          void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to fix.'));
          return;
        }
        ruleId = await vscode.window.showQuickPick(codes, { placeHolder: vscode.l10n.t('Fix all findings of which rule?') });
        if (!ruleId) return;
      }
      await run('avv.server.fixAllOfRule', doc, ruleId);
    }),
    vscode.commands.registerCommand('avv.openRuleDocumentation', async (url?: string) => {
      if (url) await vscode.commands.executeCommand('vscode.open', vscode.Uri.parse(url));
    }),
  );
}
