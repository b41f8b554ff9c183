import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { fixturesDir, repoRoot } from '../support/helpers.js';

/**
 * The bundled language server (dist/server.js) over stdio, as any editor would start it: no VS Code.
 */

interface Session {
  connection: MessageConnection;
  child: ChildProcess;
  diagnostics: Map<string, { version?: number; diagnostics: Diagnostic[] }[]>;
  waitForDiagnostics(uri: string, predicate?: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]>;
}

interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  code: string;
  message: string;
  codeDescription?: { href: string };
  relatedInformation?: unknown[];
}

async function startServer(pull: boolean, locale = 'de'): Promise<Session & { capabilities: Record<string, unknown> }> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const diagnostics: Session['diagnostics'] = new Map();
  const waiters: (() => void)[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: Diagnostic[] }) => {
    const list = diagnostics.get(p.uri) ?? [];
    list.push(p);
    diagnostics.set(p.uri, list);
    waiters.splice(0).forEach((w) => w());
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ rules: {} })));
  connection.listen();
  const init = await connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
    processId: process.pid,
    rootUri: null,
    locale,
    capabilities: {
      workspace: { configuration: true },
      textDocument: pull ? { diagnostic: { dynamicRegistration: false } } : { publishDiagnostics: { relatedInformation: true } },
    },
  });
  await connection.sendNotification('initialized', {});
  const waitForDiagnostics = (uri: string, predicate: (d: Diagnostic[]) => boolean = () => true) =>
    new Promise<Diagnostic[]>((resolve) => {
      const check = () => {
        const last = diagnostics.get(uri)?.at(-1);
        if (last && predicate(last.diagnostics)) resolve(last.diagnostics);
        else waiters.push(check);
      };
      check();
    });
  return { connection, child, diagnostics, waitForDiagnostics, capabilities: init.capabilities };
}

async function stop(s: Session): Promise<void> {
  await s.connection.sendRequest('shutdown');
  await s.connection.sendNotification('exit');
  s.connection.dispose();
  if (s.child.exitCode === null) await new Promise((r) => s.child.once('exit', r));
}

function open(s: Session, file: string, text = fs.readFileSync(file, 'utf8')): string {
  const uri = pathToFileURL(file).toString();
  void s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'avv', version: 1, text } });
  return uri;
}

describe('language server over stdio (push diagnostics)', function () {
  let s: Awaited<ReturnType<typeof startServer>>;
  before(async () => { s = await startServer(false); });
  after(async () => { await stop(s); });

  it('announces its capabilities', () => {
    for (const cap of ['hoverProvider', 'completionProvider', 'definitionProvider', 'referencesProvider', 'renameProvider', 'documentSymbolProvider', 'foldingRangeProvider', 'documentLinkProvider', 'codeLensProvider', 'codeActionProvider']) {
      assert.ok(s.capabilities[cap], `${cap} missing`);
    }
    assert.equal(s.capabilities['diagnosticProvider'], undefined, 'no pull diagnostics for a client without support');
  });

  it('publishes a dangling reference with its exact range and rule code', async () => {
    const uri = open(s, path.join(fixturesDir, 'crlf-ziffer.avv.md'));
    const diags = await s.waitForDiagnostics(uri);
    const dangling = diags.filter((d) => d.code === 'dangling-reference');
    assert.equal(dangling.length, 1, JSON.stringify(diags, null, 1));
    const text = fs.readFileSync(path.join(fixturesDir, 'crlf-ziffer.avv.md'), 'utf8').split(/\r\n/);
    const d = dangling[0]!;
    assert.equal(text[d.range.start.line]!.slice(d.range.start.character, d.range.end.character), 'Ziffer 14');
    assert.equal(d.severity, 1);
    assert.match(d.message, /Ziffer 14/);
    assert.match(d.codeDescription!.href, /^file:.*docs\/rules\/dangling-reference\.md$/);
  });

  it('answers a hover on a norm citation with the article title and its official source', async () => {
    const text = '## § 1 Gegenstand\n\n(1) Der Auftragnehmer verarbeitet Daten nach Art. 28 Abs. 3 DSGVO.\n';
    const uri = open(s, path.join(repoRoot, 'hover.avv.md'), text);
    const hover = await s.connection.sendRequest<{ contents: { value: string }; range: Diagnostic['range'] }>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 50 } });
    assert.match(hover.contents.value, /Art\. 28 DSGVO\*\* – Auftragsverarbeiter/);
    assert.match(hover.contents.value, /eur-lex\.europa\.eu/);
    assert.deepEqual(hover.range, { start: { line: 2, character: 45 }, end: { line: 2, character: 65 } });
  });

  it('completes DSGVO articles after "Art."', async () => {
    const text = '## § 1 Gegenstand\n\n(1) Es gilt Art. 2\n';
    const uri = open(s, path.join(repoRoot, 'completion.avv.md'), text);
    const items = await s.connection.sendRequest<{ label: string; detail?: string; textEdit: { newText: string } }[]>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 18 } });
    const art28 = items.find((i) => i.label === 'Art. 28 DSGVO');
    assert.ok(art28, items.map((i) => i.label).slice(0, 10).join(', '));
    assert.equal(art28.detail, 'Auftragsverarbeiter');
    assert.equal(art28.textEdit.newText, 'Art. 28 DSGVO');
  });

  it('shows the coverage and the insertion of missing clauses as code lenses above the contract', async () => {
    const uri = open(s, path.join(fixturesDir, 'crlf-ziffer.avv.md'));
    const lenses = await s.connection.sendRequest<{ range: Diagnostic['range']; command: { title: string; command: string } }[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.equal(lenses[0]?.command.command, 'avv.showCoverage');
    assert.match(lenses[0]!.command.title, /^Art\. 28: (\d+)\/(\d+) · weitere Pflichten \d+\/\d+ · TOM-Anlage \d+\/\d+$/u);
    assert.equal(lenses[0]!.range.start.line, 0);
    const bare = open(s, path.join(repoRoot, 'lens.avv.md'), '# AVV\n\n## § 1 Gegenstand\n\nDer Auftragnehmer hostet die Website des Auftraggebers.\n');
    const more = await s.connection.sendRequest<{ command: { title: string; command: string } }[]>('textDocument/codeLens', { textDocument: { uri: bare } });
    assert.equal(more[1]?.command.command, 'avv.insertAllMissingClauses');
    assert.match(more[1]!.command.title, /^Fehlende Pflichtklauseln einfügen \(\d+\)$/u);
  });

  it('renders the preview and exports HTML for an open document', async () => {
    const uri = open(s, path.join(fixturesDir, 'paragraphen.avv.md'));
    const preview = await s.connection.sendRequest<{ title: string; html: string }>('avv/preview', { uri });
    assert.equal(preview.title, 'Vertrag über die Auftragsverarbeitung');
    assert.match(preview.html, /<h2 data-line="22" class="section level-1">§ 1 Gegenstand und Dauer des Auftrags<\/h2>/);
    const exported = await s.connection.sendRequest<{ data: string; extension: string }>('avv/export', { uri, format: 'html' });
    assert.equal(exported.extension, 'html');
    assert.match(Buffer.from(exported.data, 'base64').toString('utf8'), /^<!DOCTYPE html>/);
  });

  it('renames a defined term with a versioned edit', async () => {
    const file = path.join(fixturesDir, 'paragraphen.avv.md');
    const uri = open(s, file);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('„Auftraggeber“'));
    const character = lines[line]!.indexOf('Auftraggeber“');
    const edit = await s.connection.sendRequest<{ documentChanges: { textDocument: { version: number }; edits: { newText: string }[] }[] }>('textDocument/rename', { textDocument: { uri }, position: { line, character }, newName: 'Verantwortlicher' });
    assert.equal(edit.documentChanges[0]!.textDocument.version, 1);
    assert.ok(edit.documentChanges[0]!.edits.length > 10);
  });
});

describe('language server over stdio (pull diagnostics)', function () {
  let s: Awaited<ReturnType<typeof startServer>>;
  before(async () => { s = await startServer(true, 'en'); });
  after(async () => { await stop(s); });

  it('answers textDocument/diagnostic and publishes nothing', async () => {
    assert.ok(s.capabilities['diagnosticProvider']);
    const uri = open(s, path.join(fixturesDir, 'crlf-ziffer.avv.md'));
    const report = await s.connection.sendRequest<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    const d = report.items.find((i) => i.code === 'dangling-reference');
    assert.ok(d);
    assert.match(d.message, /points to nothing/, 'English locale gives English messages');
    assert.equal(s.diagnostics.size, 0);
  });
});
