import * as l10n from '@vscode/l10n';
import type { Sentence } from '../context.js';
import { M } from '../messages.js';
import { judge, MISSING, uniq } from '../result.js';
import { re } from '../text.js';
import type { Detector } from '../types.js';

/** Row 26: information and audits, including inspections (Art. 28(3)(h)). */

const HOME = /Kontroll|Nachweis|Audit|Prüfung|Überprüfung|Inspektion/u;
const INFORMATION = re`\b(?:Informationen|Nachweis|Nachweise|Unterlagen|Auskünfte|Auskunft|Dokumentation|Zertifikat|Zertifizierung|Testat|Prüfbericht|Bericht)\p{L}*`;
const PROVIDES = re`\bzur\s+Verfügung\b|\b(?:stellt|bereitstell|bereit|vorleg|vorzuleg|legt|erteil|übermittel|erbring|nachweis|weist|Einholung|einzuhol|einhol|Einsicht)\p{L}*`;
const INSPECTION = re`\bInspektion\p{L}*|\bvor\s+Ort\b|\bVor-Ort\p{L}*|\bOrt\s+und\s+Stelle\b|\bBesichtigung\p{L}*|\bBegehung\p{L}*|\bStichprobenkontrolle\p{L}*|\b(?:Betriebsstätte|Geschäftsräume|Räumlichkeiten|Geschäftsräumen|Betriebsräume)\p{L}*`;
const AUDIT = re`\b(?:Überprüfung|Prüfung|Kontrolle|Audit|Vor-Ort-Kontrolle|Vor-Ort-Prüfung)(?:en|s)?\b|\b(?:überprüf|kontrollier|auditier)\p{L}*|\b(?:prüfen|geprüft|überzeugen)\b`;
const PROVES = re`\bweist\s+(?:\p{L}+\s+){0,8}nach\b|\bnachzuweisen\b|\bnachweisen\b|\bnachgewiesen\b`;
const RESTRICTIVE = re`\b(?:höchstens|maximal|nur)\s+einmal\s+(?:\p{L}+\s+)?(?:jährlich|im\s+Jahr)\b|\b(?:höchstens|maximal|nur|einmal)\s+(?:\p{L}+\s+){0,2}(?:pro|im|je)\s+(?:Kalender)?jahr\b|\bauf\s+(?:eigene\s+)?Kosten\s+(?:des|der)\s+(?:Auftraggeber|Verantwortlich)\p{L}*|\b(?:Kosten|Aufwand|Aufwände|Aufwendungen)\s+(?:\p{L}+\s+){0,6}(?:trägt|tragen|erstattet|vergütet)\s+(?:der\s+)?(?:Auftraggeber|Verantwortlich)\p{L}*|\bVorankündigung\p{L}*\s+(?:\p{L}+\s+){0,2}(?:von\s+)?(?:mindestens\s+)?(?:sechs|acht|zwölf|\d{2,})\s+Wochen|\bnur\s+(?:\p{L}+\s+){0,2}(?:bei|wenn)\s+(?:\p{L}+\s+){0,2}(?:begründet|konkret)\p{L}*\s+(?:Verdacht|Anlass|Anhaltspunkt)\p{L}*|\bnur\s+anlassbezogen`;

export const audits: Detector = {
  id: 'art28-3-h-audits',
  home: HOME,
  missingMessage: () => l10n.t('No audit rights found. Expected: the processor makes available all information necessary to demonstrate compliance and allows for and contributes to audits, including inspections, by the controller or an auditor mandated by it.'),
  detect(ctx) {
    // the controller's audit, not the processor's own review of its measures
    const tom = new Set(ctx.tomScope);
    const about = (s: Sentence) => ctx.inSection(s, HOME) || ctx.rx('\\b{CTRL}|\\bPrüfer\\p{L}*|\\bKontrollrecht\\p{L}*').test(s.text) || (!tom.has(s) && INSPECTION.test(s.text));
    const opts = { tom: false, where: about };
    // not the controller's audit: breach notices, sub-processors, the supervisory authority's inspections, the deletion log
    const elsewhere = /Verletzung|Meldung|Unterauftrag|Aufsichtsbehörde|Löschprotokoll|Löschung\s+(?:\p{L}+\s+){0,4}nachzuweisen/u;
    const information = uniq(ctx.findPositive([INFORMATION, PROVIDES], opts), ctx.findPositive(PROVES, opts)).filter((s) => !elsewhere.test(s.text));
    const inspections = ctx.find(INSPECTION, opts);
    const positive = inspections.filter((h) => !h.negated).map((h) => h.s);
    const excluded = inspections.filter((h) => h.negated).map((h) => h.s);
    const auditHits = ctx.find(AUDIT, opts).filter((h) => !/Maßnahmen\s+(?:\p{L}+\s+){0,3}(?:jährlich|regelmäßig)|Wirksamkeit|Aufsichtsbehörde/u.test(h.s.text));
    const auditsOk = auditHits.filter((h) => !h.negated).map((h) => h.s);
    if (!information.length && !positive.length && !excluded.length && !auditsOk.length) return MISSING;
    const relevant = uniq(information, positive, excluded, auditsOk);
    const chosenByProcessor = relevant.filter((s) => ctx.rx(String.raw`\b(?:vom|von\s+dem)\s+{PROC}\s+(?:ausgewählt|bestimmt|benannt)\p{L}*\s+(?:\p{L}+\s+)?Prüfer|\bPrüfer\p{L}*\s+(?:\p{L}+\s+){0,4}(?:vom|von\s+dem|durch\s+den)\s+{PROC}\s+(?:\p{L}+\s+){0,2}(?:ausgewählt|bestimmt|benannt|beauftragt)|\bnach\s+Wahl\s+(?:des|der)\s+{PROC}|\b{PROC}\s+(?:\p{L}+\s+){0,3}(?:wählt|bestimmt|benennt)\s+(?:\p{L}+\s+){0,3}Prüfer`).test(s.text));
    const restrictive = relevant.filter((s) => RESTRICTIVE.test(s.text));
    return judge(uniq(relevant, restrictive), [
      !positive.length && M.inspectionsMissing,
      !information.length && M.informationMissing,
      chosenByProcessor.length > 0 && M.auditorChosenByProcessor,
      restrictive.length > 0 && M.auditConditionsRestrictive,
    ], [M.auditConditionsRestrictive]);
  },
};
