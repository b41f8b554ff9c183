import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** The repository (out/integration/support.js → ../..). */
export const repoRoot = path.resolve(__dirname, '..', '..');
export const EXTENSION_ID = 'avv-studio.avv-studio';

export function fixtureUri(name: string): vscode.Uri {
  return vscode.Uri.file(path.join(repoRoot, 'test', 'fixtures', 'contracts', name));
}

export async function openAvv(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return doc;
}

/**
 * Resolves with the diagnostics of `uri` as soon as `predicate` holds for them: checked now and on every
 * `onDidChangeDiagnostics` event for that uri (no polling, no sleeping). Rejects after `timeoutMs`
 * with the diagnostics it last saw.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 20000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const current = vscode.languages.getDiagnostics(uri);
      if (!predicate(current)) return false;
      cleanup();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`diagnostics of ${path.basename(uri.fsPath)} did not match within ${timeoutMs} ms; last: ${summarize(vscode.languages.getDiagnostics(uri))}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

export function summarize(diagnostics: readonly vscode.Diagnostic[]): string {
  return JSON.stringify(diagnostics.map((d) => ({ code: codeOf(d), severity: vscode.DiagnosticSeverity[d.severity], range: plain(d.range), message: d.message })));
}

export function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

/** A range as `[startLine, startChar, endLine, endChar]` for exact comparisons. */
export function plain(r: vscode.Range): [number, number, number, number] {
  return [r.start.line, r.start.character, r.end.line, r.end.character];
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The findings of the command-line tool for a file: the same engine, so the editor must show exactly these. */
export function cliFindings(file: string): { ruleId: string; severity: 'error' | 'warning' | 'info' | 'hint'; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[] {
  // exit code 1 means "error findings", not a failure of the tool
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'check', '--format', 'json', file], { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  if (run.status !== 0 && run.status !== 1) throw new Error(`avv check exited ${run.status}: ${run.stderr}`);
  const out = run.stdout;
  return (JSON.parse(out) as { diagnostics: ReturnType<typeof cliFindings> }[])[0]!.diagnostics;
}

/**
 * Resolves with the first truthy value of `probe`, checked now and whenever the window's tabs, editors or
 * diagnostics change (events, not a sleep loop); rejects after `timeoutMs`.
 */
export function waitFor<T>(probe: () => T | undefined, timeoutMs = 15000): Promise<T> {
  return new Promise((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    const done = () => { clearTimeout(timer); subscriptions.forEach((d) => d.dispose()); };
    const check = () => {
      const value = probe();
      if (value) { done(); resolve(value); }
    };
    subscriptions.push(
      vscode.window.tabGroups.onDidChangeTabs(check),
      vscode.window.onDidChangeVisibleTextEditors(check),
      vscode.languages.onDidChangeDiagnostics(check),
    );
    const timer = setTimeout(() => { done(); reject(new Error(`condition not met within ${timeoutMs} ms`)); }, timeoutMs);
    check();
  });
}
