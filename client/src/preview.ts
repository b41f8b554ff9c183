import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_ID, PREVIEW_REQUEST, type PreviewResult } from '../../server/src/shared/protocol.js';

const VIEW_TYPE = 'avv.preview';

/**
 * The contract preview: a webview fed by the language server's render of the same parse as the
 * diagnostics. Strict CSP with a nonce, resources only from the extension's media folder, scroll
 * sync both ways through `data-line`, restored after a reload.
 */
export class PreviewManager implements vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly context: vscode.ExtensionContext, private readonly client: LanguageClient) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.syncFromEditor(e.textEditor)),
      vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: { uri?: string } | undefined) => {
          if (!state?.uri) {
            panel.dispose();
            return;
          }
          this.attach(panel, vscode.Uri.parse(state.uri));
          await this.update(state.uri);
        },
      }),
    );
  }

  async open(uri: vscode.Uri | undefined, toSide: boolean): Promise<void> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!target) return;
    const key = target.toString();
    const existing = this.panels.get(key);
    if (existing) {
      existing.reveal(undefined, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, vscode.l10n.t('Preview {0}', basename(target)), {
      viewColumn: toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active,
      preserveFocus: true,
    }, this.options());
    this.attach(panel, target);
    await this.update(key);
  }

  /** Number of open previews (for tests and the status of commands). */
  get count(): number {
    return this.panels.size;
  }

  private options(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
      enableScripts: true,
      enableFindWidget: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'media')],
    };
  }

  private attach(panel: vscode.WebviewPanel, uri: vscode.Uri): void {
    const key = uri.toString();
    panel.webview.options = this.options();
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'media', 'icon.png');
    this.panels.set(key, panel);
    panel.onDidDispose(() => this.panels.delete(key));
    panel.webview.onDidReceiveMessage(async (message: { type: string; line?: number }) => {
      if (message.type === 'reveal' && typeof message.line === 'number') {
        const doc = await vscode.workspace.openTextDocument(uri);
        const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
        const pos = new vscode.Position(message.line, 0);
        editor.selection = new vscode.Selection(pos, pos);
        editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }
    });
  }

  private schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    if (doc.languageId !== LANGUAGE_ID || !this.panels.has(key)) return;
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => void this.update(key), 300));
  }

  private async update(key: string): Promise<void> {
    const panel = this.panels.get(key);
    if (!panel) return;
    const result = await this.client.sendRequest<PreviewResult | null>(PREVIEW_REQUEST, { uri: key });
    if (!result) {
      panel.webview.html = this.shell(panel.webview, `<p>${vscode.l10n.t('Open the contract in an editor to preview it.')}</p>`, key, '');
      return;
    }
    panel.title = vscode.l10n.t('Preview {0}', result.title || basename(vscode.Uri.parse(key)));
    panel.webview.html = this.shell(panel.webview, result.html, key, result.title, result.compliance);
  }

  private syncFromEditor(editor: vscode.TextEditor): void {
    const panel = this.panels.get(editor.document.uri.toString());
    const top = editor.visibleRanges[0]?.start.line;
    if (panel && top !== undefined) void panel.webview.postMessage({ type: 'scroll', line: top });
  }

  private shell(webview: vscode.Webview, body: string, uri: string, title: string, compliance = ''): string {
    const nonce = makeNonce();
    const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', file)).toString();
    const state = JSON.stringify({ uri }).replace(/</g, '\\u003c');
    return `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource} data:; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${media('preview.css')}">
<title>${escapeHtml(title)}</title>
</head>
<body>
${compliance}
<main id="contract">${body}</main>
<script nonce="${nonce}" id="avv-state" type="application/json">${state}</script>
<script nonce="${nonce}" src="${media('preview.js')}"></script>
</body>
</html>`;
  }

  dispose(): void {
    for (const p of this.panels.values()) p.dispose();
    for (const t of this.timers.values()) clearTimeout(t);
    this.disposables.forEach((d) => d.dispose());
  }
}

function makeNonce(): string {
  return randomBytes(18).toString('base64');
}

function basename(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.path;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
