import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COVERAGE_REQUEST, type CoverageItem, type CoverageResult } from '../../server/src/shared/protocol.js';

const ICON: Record<CoverageItem['status'], string> = { present: '$(pass)', partial: '$(circle-large-outline)', missing: '$(error)', 'n/a': '$(dash)' };

/**
 * "AVV: Abdeckung anzeigen": every requirement of the catalogue with its status; choosing one reveals its
 * evidence in the contract, or the place where a missing requirement belongs.
 */
export async function showCoverage(client: LanguageClient, uri?: vscode.Uri): Promise<void> {
  const editor = uri ? await vscode.window.showTextDocument(uri) : vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a contract to see its coverage.'));
    return;
  }
  const result = await client.sendRequest<CoverageResult | null>(COVERAGE_REQUEST, { uri: editor.document.uri.toString() });
  if (!result) return;
  const group = (g: CoverageItem['group']) => ({ art28: vscode.l10n.t('Art. 28 GDPR: mandatory content'), duties: vscode.l10n.t('Further duties and good practice'), tom: vscode.l10n.t('TOM annex (Art. 32 GDPR)') })[g];
  const statusLabel = (s: CoverageItem['status']) => ({ present: vscode.l10n.t('present'), partial: vscode.l10n.t('partial'), missing: vscode.l10n.t('missing'), 'n/a': vscode.l10n.t('not applicable') })[s];
  type Item = vscode.QuickPickItem & { target?: vscode.Position };
  const items: Item[] = [];
  let last: CoverageItem['group'] | undefined;
  for (const c of result.items) {
    if (c.group !== last) {
      items.push({ label: group(c.group), kind: vscode.QuickPickItemKind.Separator });
      last = c.group;
    }
    const detail = [c.missing.length ? vscode.l10n.t('Missing: {0}', c.missing.join('; ')) : '', c.reason ? vscode.l10n.t('Reason: {0}', c.reason) : ''].filter(Boolean).join(' · ');
    items.push({
      label: `${ICON[c.status]} ${c.title}`,
      description: `${statusLabel(c.status)} · ${c.norm ?? c.id}${c.severity === 'off' ? ` · ${vscode.l10n.t('check off')}` : ''}`,
      ...(detail ? { detail } : {}),
      ...(c.target ? { target: new vscode.Position(c.target.line, c.target.character) } : {}),
    });
  }
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Coverage of the requirement catalogue'), matchOnDescription: true, matchOnDetail: true });
  if (picked?.target) {
    editor.selection = new vscode.Selection(picked.target, picked.target);
    editor.revealRange(new vscode.Range(picked.target, picked.target), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}
