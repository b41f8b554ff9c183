import * as l10n from '@vscode/l10n';
import type { Party, Role } from '../../model/types.js';
import type { DetectorContext } from '../context.js';
import { M } from '../messages.js';
import { judge, MISSING } from '../result.js';
import type { Detector } from '../types.js';

const PLACEHOLDER_TEXT = /\[[^\]]*\]|_{3,}|\{\{[^}]*\}\}|X{3,}|…|\.{3,}/u;

function isPlaceholder(ctx: DetectorContext, p: Party, text: string | undefined, span?: { start: number; end: number }): boolean {
  if (text === undefined || text.trim() === '') return false;
  if (span) {
    const open = ctx.model.placeholders.filter((x) => x.start < span.end && x.end > span.start && !(x.kind === 'binding' && x.value !== undefined));
    if (open.length) return true;
    if (/\{\{/.test(text)) return false; // bound front-matter values
  }
  return p.source === 'rubrum' ? PLACEHOLDER_TEXT.test(text.replace(/\{\{[^}]*\}\}/g, '')) : PLACEHOLDER_TEXT.test(text);
}

/** Row 1: both parties named with address and role (rubrum or front matter). */
export const partiesIdentified: Detector = {
  id: 'parties-identified',
  anchor: (ctx) => ctx.model.blocks.find((b) => !b.section && b.text.trim() !== ''),
  missingMessage: () => l10n.t('No parties identified. Expected: the controller and the processor with name and address, each assigned its role.'),
  detect(ctx) {
    const { parties } = ctx.model;
    if (parties.length === 0) {
      // the rubrum is there, but the model could not split it into parties ("– Verantwortlicher – nachstehend Auftraggeber genannt –")
      const rubrum = ctx.sentences.filter((s) => !s.block.section);
      const between = ctx.findPositive(ctx.re`\bzwischen\b|\bbetween\b`, { in: rubrum, headings: true });
      if (!between.length) return MISSING;
      const roles = ctx.findPositive([ctx.rx('\\b{CTRL}'), ctx.rx('\\b{PROC}')], { in: rubrum }).length > 0 ||
        (ctx.findPositive(ctx.rx('\\b{CTRL}'), { in: rubrum }).length > 0 && ctx.findPositive(ctx.rx('\\b{PROC}'), { in: rubrum }).length > 0);
      return judge(between, [!roles && M.rolesUnassigned]);
    }
    const missing: string[] = [];
    const check = (role: Role, unidentified: string, placeholder: string, address: string) => {
      const p = parties.find((x) => x.role === role);
      if (!p) return missing.push(unidentified);
      // the document's title is no party ("Auftragsverarbeitungsvereinbarung …" above "zwischen dem Kunden, der im Bestellformular …")
      if (p.name && ctx.model.title && p.name.trim() === ctx.model.title.trim()) return missing.push(unidentified);
      if (!p.name || isPlaceholder(ctx, p, p.name, p.nameSpan)) return missing.push(placeholder);
      if (!p.address || isPlaceholder(ctx, p, p.address)) missing.push(address);
      return 0;
    };
    check('controller', M.controllerUnidentified, M.controllerPlaceholder, M.controllerAddress);
    check('processor', M.processorUnidentified, M.processorPlaceholder, M.processorAddress);
    return judge(parties, missing);
  },
};

/** Row 7: rights and obligations of the controller: right to instruct or to audit, stated expressly. */
export const controllerRights: Detector = {
  id: 'art28-3-s1-controller-rights',
  home: /Rechte\s+und\s+Pflichten\s+de[rs]\s+(?:Auftraggeber|Verantwortlich)|Pflichten\s+de[rs]\s+(?:Auftraggeber|Verantwortlich)|Weisung/iu,
  missingMessage: () => l10n.t('No provision on the rights and obligations of the controller found. Expected: the controller\'s right to issue instructions and to audit, and its responsibility for the lawfulness of the processing.'),
  detect(ctx) {
    const instruct = ctx.findPositive(ctx.re`\bWeisungs(?:recht|befugnis|berechtigt)\p{L}*|\b(?:berechtigt|Recht|befugt)\p{L}*,?\s+(?:\p{L}+\s+){0,4}Weisungen|\bWeisungen\s+(?:\p{L}+\s+){0,3}(?:zu\s+)?erteil\p{L}*|\berteil\p{L}*\s+(?:\p{L}+\s+){0,3}Weisung|\b(?:auf|nach|gemäß|entsprechend)\s+(?:\p{L}+\s+)?Weisung\p{L}*\s+(?:des|der)\s+{CTRL}`, { tom: false });
    const control = ctx.findPositive(ctx.re`\b(?:Kontroll|Prüf|Überprüfungs|Inspektions)(?:recht|befugnis)\p{L}*|\b(?:berechtigt|Recht|befugt)\p{L}*,?\s+(?:\p{L}+\s+){0,8}(?:zu\s+)?(?:kontrollier|überprüf|prüf|überzeug|inspizier)\p{L}*|\b(?:berechtigt|befugt)\p{L}*,\s+[^.;]{0,240}?\bzu\s+(?:kontrollier|überprüf|prüf|überzeug|inspizier)\p{L}*|\b(?:Überprüfung|Inspektion|Kontrolle|Prüfung|Audit)\p{L}*\s+(?:[\p{L}–—-]+\s+){0,6}(?:durch|vom|von\s+dem)\s+(?:den\s+)?{CTRL}`, { tom: false });
    if (instruct.length || control.length) return judge([...instruct, ...control], []);
    const responsible = ctx.findPositive(ctx.re`\bRechtmäßigkeit\b|\bVerantwortung\s+für\b`, { tom: false });
    return responsible.length ? judge(responsible, [M.controllerRightsNeither]) : MISSING;
  },
};
