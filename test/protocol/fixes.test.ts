import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { applyEdits } from '../../server/src/core/fixes/index.js';
import { fixturesDir } from '../support/helpers.js';
import { repoRoot } from '../support/helpers.js';

/** Code actions and fix commands of the bundled server over stdio (pull diagnostics). */

interface Range { start: { line: number; character: number }; end: { line: number; character: number } }
interface Diagnostic { range: Range; code: string; source: string; message: string; data?: unknown }
interface TextDocumentEdit { textDocument: { uri: string; version: number }; edits: { range: Range; newText: string }[] }
interface CodeAction { title: string; kind: string; isPreferred?: boolean; edit?: { documentChanges: TextDocumentEdit[] }; command?: { command: string; arguments: unknown[] } }

describe('language server: quick fixes', function () {
  let connection: MessageConnection;
  let child: ChildProcess;
  const applyRequests: unknown[] = [];
  const file = path.join(fixturesDir, 'crlf-ziffer.avv.md');
  const text = fs.readFileSync(file, 'utf8');
  const uri = pathToFileURL(path.join(repoRoot, 'fix-protocol.avv.md')).toString();

  before(async () => {
    child = spawn(process.execPath, [path.join(repoRoot, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ rules: {} })));
    connection.onRequest('workspace/applyEdit', (p: unknown) => {
      applyRequests.push(p);
      return { applied: true };
    });
    connection.listen();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, locale: 'de', capabilities: { workspace: { configuration: true, applyEdit: true }, textDocument: { diagnostic: {} } } });
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'avv', version: 1, text } });
  });
  after(async () => {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    connection.dispose();
    if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
  });

  it('answers code actions for a diagnostic with a versioned edit that removes the finding', async () => {
    const report = await connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    const diagnostic = report.items.find((d) => d.code === 'no-retention-right');
    assert.ok(diagnostic, report.items.map((d) => d.code).join(', '));
    const actions = await connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    const preferred = actions.find((a) => a.isPreferred)!;
    assert.ok(preferred, actions.map((a) => a.title).join(' | '));
    assert.equal(preferred.kind, 'quickfix');
    const change = preferred.edit!.documentChanges[0]!;
    assert.deepEqual(change.textDocument, { uri, version: 1 });
    assert.ok(actions.some((a) => a.edit?.documentChanges[0]!.edits[0]!.newText.includes(`<!-- avv-disable-next-line ${diagnostic.code} -- Begründung: [bitte ergänzen] -->`)), 'suppress with a reason');
    const docs = actions.find((a) => a.command?.command === 'avv.openRuleDocumentation')!;
    assert.match(String(docs.command!.arguments[0]), new RegExp(`docs/rules/${diagnostic.code}\\.md$`, 'u'));
    // the fixed text, opened as version 2, no longer has that finding at that place
    const fixed = applyEdits(text, change.edits);
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = await connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.ok(after.items.filter((d) => d.code === diagnostic.code).length < report.items.filter((d) => d.code === diagnostic.code).length);
  });

  it('offers source.fixAll.avv with a versioned edit of the mechanical fixes only', async () => {
    const legacy = uri.replace('fix-protocol', 'fix-all-protocol');
    const legacyText = fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'legacy', 'altvorlage.avv.md'), 'utf8');
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: legacy, languageId: 'avv', version: 7, text: legacyText } });
    const actions = await connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: legacy }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.avv']);
    const change = actions[0]!.edit!.documentChanges[0]!;
    assert.deepEqual(change.textDocument, { uri: legacy, version: 7 });
    const fixed = applyEdits(legacyText, change.edits);
    assert.match(fixed, /^# Vertrag zur Auftragsverarbeitung gemäß Art\. 28 DSGVO$/mu);
    assert.equal(fixed.split('\n').length, legacyText.split('\n').length, 'no clause inserted on save');
    // the version-2 contract has only requirement findings left: nothing to do on save
    const none = await connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.deepEqual(none, []);
    await connection.sendNotification('textDocument/didClose', { textDocument: { uri: legacy } });
  });

  it('refuses a fix command for an older version: no workspace/applyEdit is sent', async () => {
    const result = await connection.sendRequest<{ applied: boolean; reason?: string }>('workspace/executeCommand', { command: 'avv.server.insertAllMissingClauses', arguments: [{ uri, version: 1 }] });
    assert.deepEqual(result, { applied: false, reason: 'stale-version', version: 2 });
    assert.equal(applyRequests.length, 0);
  });

  it('applies a fix command for the current version through workspace/applyEdit, versioned', async () => {
    const result = await connection.sendRequest<{ applied: boolean }>('workspace/executeCommand', { command: 'avv.server.insertAllMissingClauses', arguments: [{ uri, version: 2 }] });
    assert.equal(result.applied, true);
    assert.equal(applyRequests.length, 1);
    const edit = (applyRequests[0] as { edit: { documentChanges: TextDocumentEdit[] } }).edit;
    assert.deepEqual(edit.documentChanges[0]!.textDocument, { uri, version: 2 });
    assert.ok(edit.documentChanges[0]!.edits.some((e) => e.newText.includes('Der Auftraggeber kann diese Vereinbarung und den Hauptvertrag')), 'termination-for-cause inserted, in the contract\'s own name for itself');
  });
});
