import * as l10n from '@vscode/l10n';
import type { CodeAction, CodeActionParams, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { Analysis, AnalysisSettings, Finding, Knowledge, ParsedContract } from '../core/index.js';
import { fixAll, fixesFor, insertAllMissingClauses, type ClauseLibrary } from '../core/fixes/index.js';
import { ruleDocumentationUrl } from './links.js';

/**
 * Code actions and fix commands: the LSP side of the fix engine (server/src/core/fixes/actions.ts). Findings are
 * matched to the request's diagnostics by `code` (the rule id) and range, recomputed from the cached analysis
 * of the current document version; every edit is a versioned WorkspaceEdit, so a client refuses it when the
 * document changed meanwhile.
 */

export const FIX_ALL_KIND = 'source.fixAll.avv';
/** Server commands (workspace/executeCommand): arguments `[{ uri, version, ruleId? }]`. */
export const SERVER_COMMANDS = {
  insertAllMissingClauses: 'avv.server.insertAllMissingClauses',
  fixAllOfRule: 'avv.server.fixAllOfRule',
} as const;
/** Client command that opens a rule's documentation page (argument: the page URL). */
export const OPEN_RULE_DOCUMENTATION = 'avv.openRuleDocumentation';

export interface FixContext {
  uri: string;
  version: number;
  parsed: ParsedContract;
  analysis: Analysis;
  settings: AnalysisSettings;
  knowledge: Knowledge;
  library: ClauseLibrary;
}

export interface CommandArguments {
  uri: string;
  version: number;
  ruleId?: string;
}

export function versionedEdit(uri: string, version: number, edits: TextEdit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri, version }, edits }] };
}

const sameRange = (a: Diagnostic['range'], b: Finding['range']) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

/** The code actions for a request: quick fixes for its diagnostics, fix all of a rule, fix all, documentation. */
export function codeActions(params: CodeActionParams, ctx: FixContext): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const out: CodeAction[] = [];
  const findings = ctx.analysis.findings;
  if (wants('quickfix')) {
    const seenRules = new Set<string>();
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== 'AVV' || typeof diagnostic.code !== 'string') continue;
      const ruleId = diagnostic.code;
      const finding = findings.find((f) => f.ruleId === ruleId && sameRange(diagnostic.range, f.range));
      if (!finding) continue; // stale diagnostic: computed for another version
      for (const fix of fixesFor(ctx.parsed, ctx.knowledge, ctx.library, finding)) {
        out.push({ title: fix.title, kind: 'quickfix', diagnostics: [diagnostic], ...(fix.isPreferred ? { isPreferred: true } : {}), edit: versionedEdit(ctx.uri, ctx.version, fix.edits) });
      }
      if (!seenRules.has(ruleId)) {
        seenRules.add(ruleId);
        const sameRule = findings.filter((f) => f.ruleId === ruleId);
        if (sameRule.length > 1) {
          const edits = fixAll(ctx.parsed, ctx.knowledge, ctx.library, findings, ruleId, { settings: ctx.settings });
          if (edits.length > 0) out.push({ title: l10n.t('Fix all findings of "{0}"', ruleId), kind: 'quickfix', diagnostics: [diagnostic], edit: versionedEdit(ctx.uri, ctx.version, edits) });
        }
        out.push({
          title: l10n.t('Show the documentation of "{0}"', ruleId),
          kind: 'quickfix',
          diagnostics: [diagnostic],
          command: { title: l10n.t('Show the documentation of "{0}"', ruleId), command: OPEN_RULE_DOCUMENTATION, arguments: [ruleDocumentationUrl(ruleId)] },
        });
      }
    }
  }
  if (only && wants(FIX_ALL_KIND)) {
    const edits = fixAll(ctx.parsed, ctx.knowledge, ctx.library, findings, undefined, { settings: ctx.settings });
    if (edits.length > 0) out.push({ title: l10n.t('Fix all fixable AVV findings'), kind: FIX_ALL_KIND, edit: versionedEdit(ctx.uri, ctx.version, edits) });
  }
  return out;
}

/** The edits of a server command, or undefined when the command is unknown. */
export function commandEdits(command: string, args: CommandArguments, ctx: FixContext): TextEdit[] | undefined {
  if (command === SERVER_COMMANDS.insertAllMissingClauses) return insertAllMissingClauses(ctx.parsed, ctx.knowledge, ctx.library, ctx.analysis.findings, { settings: ctx.settings });
  if (command === SERVER_COMMANDS.fixAllOfRule) return fixAll(ctx.parsed, ctx.knowledge, ctx.library, ctx.analysis.findings, args.ruleId, { settings: ctx.settings });
  return undefined;
}

/** Checks the arguments of a server command: a document URI and the version the user saw. */
export function commandArguments(raw: unknown): CommandArguments | undefined {
  const a = Array.isArray(raw) ? (raw[0] as Partial<CommandArguments> | undefined) : undefined;
  if (!a || typeof a.uri !== 'string' || typeof a.version !== 'number') return undefined;
  return { uri: a.uri, version: a.version, ...(typeof a.ruleId === 'string' ? { ruleId: a.ruleId } : {}) };
}
