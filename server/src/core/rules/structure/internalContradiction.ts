import * as l10n from '@vscode/l10n';
import type { ParsedContract } from '../../model/build.js';
import type { Span, TextBlock } from '../../model/types.js';
import type { FindingInit, Rule } from '../types.js';

/**
 * Heuristic and conservative: two clauses that settle the same point differently. Reported only with
 * both places as related information. Two points are checked:
 * - third-country transfers: one clause requires prior approval or an instruction, another lets the
 *   processor transfer on appropriate safeguards alone;
 * - the deadline for notifying a personal data breach to the controller: two clauses name different hours.
 */
export const internalContradiction: Rule = {
  id: 'internal-contradiction',
  check({ parsed }, report) {
    transfers(parsed, report);
    breachDeadlines(parsed, report);
  },
};

const THIRD_COUNTRY = /Drittl[aä]nd|Drittstaat|au(?:ß|ss)erhalb (?:der (?:EU|Europäischen Union)|des (?:EWR|Europäischen Wirtschaftsraums))|third countr/i;
const APPROVAL = /Zustimmung|Genehmigung|Einwilligung|Weisung|zustimm|genehmig|prior (?:written )?(?:consent|approval|authori[sz]ation)|instruction/i;
const SAFEGUARDS = /(?:geeignete[nr]?|angemessene[nr]?)\s+(?:Garantien|Maßnahmen|Schutzmaßnahmen)|appropriate (?:safeguards|measures)/i;
const PERMITS = /\b(?:darf|dürfen|ist berechtigt|sind berechtigt|zulässig|gestattet|may|is entitled)\b/i;
const NEGATED = /\bnicht\s+(?:gestattet|zulässig|statt|erlaubt)|\bunzulässig|\bausgeschlossen|\bkeine\b|\bnot (?:permitted|allowed)/i;

type Report = (f: FindingInit) => void;

function blockText(parsed: ParsedContract, b: TextBlock): string {
  return parsed.scan.slice(b.start, b.end);
}

function transfers(parsed: ParsedContract, report: Report): void {
  const { model } = parsed;
  let approval: { block: TextBlock; span: Span } | undefined;
  const safeguardsOnly: { block: TextBlock; span: Span }[] = [];
  for (const b of model.blocks) {
    if (b.kind === 'heading') continue;
    const text = blockText(parsed, b);
    const country = THIRD_COUNTRY.exec(text);
    if (!country) continue;
    const hasReference = model.references.some((r) => !r.external && b.start <= r.start && r.end <= b.end);
    if (APPROVAL.test(text)) {
      if (!approval && !NEGATED.test(text.slice(0, country.index))) approval ??= { block: b, span: spanOf(parsed, b.start + country.index, b.start + country.index + country[0].length) };
      continue;
    }
    const safeguards = SAFEGUARDS.exec(text);
    // a clause that refers to another clause ("unter den Voraussetzungen des § 4 Abs. 5") adopts it
    if (safeguards && PERMITS.test(text) && !NEGATED.test(text) && !hasReference) {
      safeguardsOnly.push({ block: b, span: spanOf(parsed, b.start + safeguards.index, b.start + safeguards.index + safeguards[0].length) });
    }
  }
  if (!approval) return;
  for (const s of safeguardsOnly) {
    report({
      message: l10n.t('Third-country transfers need prior approval or an instruction in one clause but only appropriate safeguards in another; expected one consistent rule.'),
      range: s.span.range,
      related: [
        { range: approval.span.range, message: l10n.t('Transfers require approval or an instruction here') },
        { range: s.span.range, message: l10n.t('Transfers are allowed on safeguards alone here') },
      ],
      data: { point: 'third-country-transfer' },
    });
  }
}

const BREACH = /Verletzung(?:en)? des Schutzes|Datenschutzverletzung|Datenpanne|Sicherheitsvorf[aä]ll|personal data breach/i;
const NOTIFY = /meld|benachrichtig|informier|unterricht|in Kenntnis|notif/i;
const AUTHORITY = /Aufsichtsbehörde|Art\.\s?33 Abs\.\s?1|supervisory authority/i;
const WORDS: Record<string, number> = { zwölf: 12, vierundzwanzig: 24, sechsunddreißig: 36, achtundvierzig: 48, zweiundsiebzig: 72 };
const HOURS = /(\d{1,3}|zwölf|vierundzwanzig|sechsunddreißig|achtundvierzig|zweiundsiebzig)\s*(?:Stunden|Std\.|h\b|hours)/gi;

function breachDeadlines(parsed: ParsedContract, report: Report): void {
  const deadlines: { hours: number; span: Span }[] = [];
  for (const b of parsed.model.blocks) {
    if (b.kind === 'heading') continue;
    const text = blockText(parsed, b);
    // the controller's own 72 hours towards the authority are another deadline than the processor's
    if (!BREACH.test(text) || !NOTIFY.test(text) || AUTHORITY.test(text)) continue;
    const found = [...text.matchAll(HOURS)];
    const values = new Set(found.map((m) => WORDS[m[1]!.toLowerCase()] ?? parseInt(m[1]!, 10)));
    if (values.size !== 1) continue; // several deadlines in one clause are stages, not a contradiction
    const m = found[0]!;
    deadlines.push({ hours: [...values][0]!, span: spanOf(parsed, b.start + m.index!, b.start + m.index! + m[0].length) });
  }
  const first = deadlines[0];
  if (!first) return;
  for (const d of deadlines.slice(1)) {
    if (d.hours === first.hours) continue;
    report({
      message: l10n.t('The deadline for notifying a personal data breach is {0} hours here but {1} hours in another clause; expected one deadline.', String(d.hours), String(first.hours)),
      range: d.span.range,
      related: [
        { range: first.span.range, message: l10n.t('Deadline of {0} hours', String(first.hours)) },
        { range: d.span.range, message: l10n.t('Deadline of {0} hours', String(d.hours)) },
      ],
      data: { point: 'breach-notification-deadline', hours: [first.hours, d.hours] },
    });
  }
}

function spanOf(parsed: ParsedContract, start: number, end: number): Span {
  return { start, end, range: parsed.source.range(start, end) };
}
