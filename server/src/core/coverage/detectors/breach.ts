import * as l10n from '@vscode/l10n';
import type { Section } from '../../model/types.js';
import type { DetectorContext, Sentence } from '../context.js';
import { M } from '../messages.js';
import { judge, MISSING, uniq } from '../result.js';
import { NUMBER, numberValue, re, rx } from '../text.js';
import type { Detector } from '../types.js';

/** Rows 22–23: notifying the controller of personal data breaches, and what the notice contains. */

const HOME = /Verletzung|Meldung|Datenpanne|Vorf[aä]ll|Datenschutzverstö/u;
const BREACH = re`\bVerletzung\p{L}*\s+(?:des\s+Schutzes\s+)?(?:personenbezogener\s+Daten|des\s+Schutzes)|\bDatenschutzverletzung\p{L}*|\bDatenpanne\p{L}*|\b(?:Sicherheits|Datenschutz)vorf(?:a|ä)ll\p{L}*|\bSicherheitsverletzung\p{L}*|\bDatenschutzverst(?:o|ö)(?:ß|ss)\p{L}*|\bVerletzung\p{L}*\s+im\s+Sinne|\bVerletzung\p{L}*\s+der\s+(?:Daten)?[Ss]icherheit|\bVerst(?:o|ö)(?:ß|ss)\p{L}*\s+gegen\s+(?:\p{L}+\s+){0,4}(?:Datenschutz\p{L}*|Schutz\s+personenbezogener)`;
const NOTIFIES = re`\b(?:meld|informier|unterricht|benachrichtig|mitteil|anzeig)\p{L}*|\bteilt\b|\bin\s+Kenntnis\b`;
const PROMPT = re`\b(?:unverzüglich|umgehend|sofort)\p{L}*|\bohne\s+(?:schuldhaftes|unangemessene|unnötige)\s+(?:\p{L}+\s+)?(?:Zögern|Verzögerung)`;
const DEADLINE = rx(String.raw`\b(${NUMBER})\s*(?:\(\s*\d+\s*\)\s*)?(Stunden|Std\.?|h|(?:Werk|Arbeits|Kalender)?[Tt]age?n?)\b`);
const SIGNIFICANT = re`\b(?:erheblich|schwerwiegend|wesentlich|meldepflichtig|gravierend|schwer)\p{L}*\s+(?:\p{L}+\s+){0,2}(?:Verletzung|Vorf(?:a|ä)ll|Datenpanne|Sicherheitsvorf|Datenschutzverletzung)\p{L}*|\bsofern\s+(?:\p{L}+\s+){0,4}(?:Risiko|erheblich)`;

/** Whether the processor is named in the sentence's Absatz or in the section around it (the antecedent of "er"). */
function processorNamedAround(ctx: DetectorContext, s: Sentence): boolean {
  const proc = ctx.rx('\\b{PROC}');
  if (proc.test(ctx.groupText(s))) return true;
  const section = s.block.section;
  const around = section?.parent ?? section;
  return around !== undefined && ctx.sectionSentences(around).some((x) => x.index < s.index && proc.test(x.text));
}

function breachNotices(ctx: DetectorContext): Sentence[] {
  return ctx.findPositive([BREACH, NOTIFIES], { tom: false })
    .filter((s) => (ctx.rx('\\b{CTRL}|\\b{PROC}').test(s.text) || (/\b(?:er|sie)\b/u.test(s.text) && processorNamedAround(ctx, s))) && !/Weisung/u.test(s.text))
    .filter((s) => !/\bunterstützt\b/u.test(s.text) || /\bmeldet\b/u.test(s.text));
}

/** Hours of a deadline written in the sentence: "72 Stunden" → 72, "drei Werktage" → 72. */
function deadlineHours(text: string): number | undefined {
  const m = DEADLINE.exec(text);
  if (!m) return undefined;
  const n = numberValue(m[1]!) ?? 0;
  return /^(?:Stunden|Std|h)/iu.test(m[2]!) ? n : n * 24;
}

export const breachNotification: Detector = {
  id: 'art33-2-breach-notification',
  home: HOME,
  missingMessage: () => l10n.t('No breach notification found. Expected: the processor notifies the controller of every personal data breach without undue delay after becoming aware of it.'),
  detect(ctx) {
    const notices = breachNotices(ctx);
    if (!notices.length) return MISSING;
    const prompt = notices.filter((s) => PROMPT.test(s.text));
    const hours = notices.map((s) => deadlineHours(s.text)).filter((h): h is number => h !== undefined);
    const longest = hours.length ? Math.max(...hours) : undefined;
    const deadline = longest === undefined ? undefined : longest === 72 ? M.breach72Hours : longest > 72 ? M.breachLongDeadline : undefined;
    const significant = notices.filter((s) => SIGNIFICANT.test(s.text) && !/\bjede\p{L}*\s+(?:\p{L}+\s+){0,2}Verletzung/iu.test(s.text));
    return judge(notices, [
      deadline,
      !deadline && !prompt.length && longest === undefined && M.breachNoUndueDelay,
      significant.length > 0 && M.breachSignificantOnly,
    ]);
  },
};

const CONTENT_INTRO = re`\b(?:Meldung|Mitteilung|Benachrichtigung|Information)\p{L}*\s+(?:\p{L}+\s+){0,3}(?:enthält|umfasst|beinhaltet|muss|hat|soll)|\b(?:zumindest|mindestens|insbesondere)\s+(?:\p{L}+\s+){0,2}(?:folgende|die\s+folgenden)\s+(?:Informationen|Angaben)|\benthält\s+(?:zumindest|mindestens)\b|\bmit\s+(?:den\s+)?(?:Angaben|Informationen)\s+(?:nach|gemäß|im\s+Sinne)\s+Art\.\s*33\s*Abs\.\s*3`;
const BY_REFERENCE = re`\bArt\.\s*33\s*Abs\.\s*3\b`;
const GENERIC = re`\b(?:alle|sämtliche)\s+(?:\p{L}+\s+)?(?:relevant|erforderlich|notwendig|zweckdienlich|verfügbar|maßgeblich)\p{L}*\s+(?:Informationen|Angaben)`;
const ELEMENTS: [string, RegExp][] = [
  [M.breachContentNature, re`\bArt\s+der\s+Verletzung|\bKategorien\b|\bungefähr\p{L}*\s+(?:Zahl|Anzahl)|\bAnzahl\b`],
  [M.breachContentContact, re`\bKontakt\p{L}*|\bAnlaufstelle\p{L}*|\bAnsprechpartner\p{L}*|\bAnsprechstelle\p{L}*|\bDatenschutzbeauftragt\p{L}*`],
  [M.breachContentConsequences, re`\bFolgen\b|\bAuswirkungen\b`],
  [M.breachContentMeasures, rx(String.raw`maßnahm\p{L}*|Abhilfe`)],
];

export const breachContent: Detector = {
  id: 'art33-3-breach-content',
  home: HOME,
  // the content of the notification belongs to the clause that imposes it, whatever that section is called
  anchor: (ctx) => {
    let section = breachNotices(ctx)[0]?.block.section;
    while (section?.parent) section = section.parent;
    return section?.heading;
  },
  missingMessage: () => l10n.t('No minimum content of the breach notification found. Expected: the nature of the breach, categories and approximate numbers, a contact point, likely consequences and measures taken or proposed.'),
  detect(ctx) {
    const notices = breachNotices(ctx);
    // decimal clauses ("7.1 … meldet …", "7.2 Die Meldung enthält …") are sibling sections of one breach section
    const breachSections = new Set<Section | undefined>(notices.flatMap((s) => [s.block.section, s.block.section?.label.includes('.') && s.block.section.title.trim() === '' ? s.block.section.parent : undefined]));
    breachSections.delete(undefined);
    const inBreach = (s: Sentence) => breachSections.has(s.block.section) || (s.block.section?.parent !== undefined && breachSections.has(s.block.section.parent)) || notices.some((n) => n.block === s.block);
    const intros = ctx.findPositive(CONTENT_INTRO, { tom: false, where: inBreach }).concat(notices.filter((s) => BY_REFERENCE.test(s.text) || GENERIC.test(s.text)));
    if (!intros.length) return MISSING;
    if (intros.some((s) => BY_REFERENCE.test(s.text) && /\b(?:enthält|Angaben|Informationen)\b/u.test(s.text))) return judge(intros, []);
    const text = uniq(intros.flatMap((s) => ctx.groupOf(s))).map((s) => s.text).join(' ');
    const lacking = ELEMENTS.filter(([, e]) => !e.test(text)).map(([m]) => m);
    if (lacking.length === ELEMENTS.length || (lacking.length > 0 && GENERIC.test(text))) return judge(intros, [M.breachContentGeneric]);
    return judge(intros, lacking);
  },
};
