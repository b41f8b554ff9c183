import * as l10n from '@vscode/l10n';
import { M } from '../messages.js';
import { judge, MISSING, uniq } from '../result.js';
import { re } from '../text.js';
import type { Detector } from '../types.js';

/** Rows 28, 33–35, 37, 39, 40: form, records, DPO, supervisory authority, termination, seizure, precedence. */

const DUTIES = /Pflichten\s+de[rs]\s+(?:Auftragnehmer|Auftragsverarbeiter)|Sonstige\s+Pflichten|Weitere\s+Pflichten/u;
const FINAL = /Schlussbestimmung|Schluss|Sonstiges|Allgemeine\s+Bestimmungen|Form/u;
const FORM = re`\bSchriftform\p{L}*|\bschriftlich\p{L}*|\bTextform\b|\belektronisch\p{L}*\s+(?:Format|Form)\p{L}*|\bqualifiziert\p{L}*\s+elektronisch\p{L}*|§\s*126[ab]?\b`;
const ABOUT_CONTRACT = re`\b(?:\p{L}*vertrag|\p{L}*vereinbarung|Nebenabrede|AVV)\p{L}*|\bÄnderung\p{L}*\s+(?:und\s+Ergänzung\p{L}*\s+)?(?:\p{L}+\s+){0,3}bedürf\p{L}*`;
const NOT_ABOUT_CONTRACT = /Weisung|Information|informier|Mitteilung|Meldung|Genehmigung|Widerspruch|Einspruch|widersprech|Löschung|bestätig|Zustimmung|Maßnahmen|Unterauftrag/u;

export const writtenForm: Detector = {
  id: 'art28-9-written-form',
  home: FINAL,
  missingMessage: () => l10n.t('No written form found. Expected: the contract is concluded in writing, which includes electronic form (a form clause or a signature block).'),
  detect(ctx) {
    const clause = ctx.findPositive([FORM, ABOUT_CONTRACT], { tom: false }).filter((s) => !NOT_ABOUT_CONTRACT.test(s.text));
    if (clause.length) return judge(clause, []);
    const sig = ctx.model.signatureBlock;
    if (!sig) return MISSING;
    const text = ctx.parsed.source.text;
    const dated = sig.dateLines.some((d) => /\d{4}|\d{1,2}\.\s*\d{1,2}\./u.test(text.slice(d.start, d.end)));
    return judge([sig], [!dated && M.formTemplateUnsigned]);
  },
};

const RECORDS = re`\bVerzeichnis\p{L}*|\bVerfahrensverzeichnis\p{L}*|\bArt\.\s*30\b`;

export const records: Detector = {
  id: 'art30-records',
  home: DUTIES,
  missingMessage: () => l10n.t('No records of processing found. Expected: the processor keeps its own records (Art. 30(2) GDPR) and contributes to the controller\'s records.'),
  detect(ctx) {
    const hits = ctx.findPositive(RECORDS, { tom: false }).filter((s) => !ctx.rx('\\b{SUB}').test(s.text));
    const own = hits.filter((s) => /\bführt\b|\bunterhält\b|\bpflegt\b|\berstellt\b|zu\s+führen|Art\.\s*30\s*Abs\.\s*2/u.test(s.text));
    const cooperation = hits.filter((s) => /mitwirk|wirkt\s.*\bmit\b|Mitwirkung|unterstütz|Unterstützung|zur\s+Verfügung|Angaben|Art\.\s*30\s*Abs\.\s*1/u.test(s.text) && ctx.rx('\\b{CTRL}|\\bseine[sr]?\\s+Verzeichnis').test(s.text));
    if (!own.length && !cooperation.length) return MISSING;
    return judge(uniq(own, cooperation), [!own.length && M.recordsOwnMissing, !cooperation.length && M.recordsCooperationMissing]);
  },
};

const DPO = re`\bDatenschutzbeauftragt\p{L}*|\bBeauftragt\p{L}*\s+für\s+(?:den\s+)?Datenschutz\b|\bDSB\b|\bData\s+Protection\s+Officer\b`;
const CONTACT = /@|\+?\d[\d\s/()-]{6,}\d|\b\d{5}\s+\p{L}/u;
const FUTURE = re`\bwird\s+(?:\p{L}+\s+){0,4}(?:mitgeteilt|benannt|bekannt\s*gegeben)|\bteilt\s+(?:\p{L}+\s+){0,6}mit\b|\bauf\s+Anfrage\b|\bgesondert\b|\bWebsite\b|\bWebseite\b|\bInternetseite\b`;

export const dpoContact: Detector = {
  id: 'art37-dpo-contact',
  home: DUTIES,
  missingMessage: () => l10n.t('No data protection officer found. Expected: the processor\'s data protection officer (where one must be designated) with contact details.'),
  detect(ctx) {
    const naming = ctx.find(DPO, { tom: false })
      .filter((h) => !/Kontaktdaten\s+de[rs]|Verletzung|Meldung|Überprüfung|hinzuzuziehen|Audit/u.test(h.s.text))
      .filter((h) => ctx.rx('\\b{PROC}').test(h.s.text) || !ctx.rx('\\b{CTRL}').test(h.s.text));
    const positive = naming.filter((h) => !h.negated).map((h) => h.s);
    const withContact = positive.filter((s) => CONTACT.test(s.text));
    const placeholder = withContact.filter((s) => /\[[^\]]*\]|_{3,}|\{\{/u.test(s.text));
    if (withContact.length > placeholder.length) return judge(withContact, []);
    if (placeholder.length) return judge(placeholder, [M.dpoPlaceholder]);
    const person = ctx.findPositive(re`\bAnsprechpartner\p{L}*|\bAnsprechperson\p{L}*|\bKontaktperson\p{L}*|\bDatenschutzkoordinator\p{L}*|\bDatenschutzverantwortlich\p{L}*`, { tom: false }).filter((s) => CONTACT.test(s.text) && /Datenschutz/u.test(s.text));
    if (naming.some((h) => h.negated) && person.length) return judge(uniq(naming.map((h) => h.s), person), []);
    if (positive.length) return judge(positive, [positive.some((s) => FUTURE.test(s.text) || FUTURE.test(ctx.groupText(s))) ? M.dpoFutureOnly : M.dpoNoContact]);
    return person.length ? judge(person, [M.dpoContactPersonOnly]) : MISSING;
  },
};

const AUTHORITY = re`\bAufsicht\p{L}*`;

export const supervisoryAuthority: Detector = {
  id: 'art31-cooperation-sa',
  home: DUTIES,
  missingMessage: () => l10n.t('No cooperation with the supervisory authority found. Expected: the processor cooperates with the supervisory authority and informs the controller of its inspections and measures.'),
  detect(ctx) {
    const cooperation = ctx.findPositive([AUTHORITY, re`\bzusammen\p{L}*|\bZusammenarbeit\p{L}*|\bkooperier\p{L}*|\bKooperation\p{L}*|\barbeitet\s+(?:\p{L}+\s+){0,6}zusammen`], { tom: false }).filter((s) => !/Konsultation/u.test(s.text));
    const information = ctx.findPositive([AUTHORITY, re`\b(?:Kontroll|Maßnahme|Ermittlung|Prüfung|Anfrage|Verfahren|Bußgeld|Untersuchung|Kontrolle)\p{L}*`, re`\b(?:informier|unterricht|mitteil|benachrichtig|Information|Unterrichtung|Mitteilung)\p{L}*|\bteilt\b|\bin\s+Kenntnis\b`], { tom: false });
    if (!cooperation.length && !information.length) return MISSING;
    return judge(uniq(cooperation, information), [!cooperation.length && M.saCooperationMissing, !information.length && M.saInformationMissing]);
  },
};

const FOR_CAUSE = re`\bkündig\p{L}*\b[^.;]{0,200}\b(?:wenn|sofern|falls)\b[^.;]{0,200}\bverst(?:o|ö)(?:ß|ss)\p{L}*|\b(?:fristlos|außerordentlich)\p{L}*\s+(?:\p{L}+\s+){0,4}(?:kündig|Kündigung)\p{L}*|\bkündig\p{L}*\s+(?:\p{L}+\s+){0,6}(?:fristlos|außerordentlich)\p{L}*|\bKündigung\s+aus\s+wichtigem\s+Grund\b|\baus\s+wichtigem\s+Grund\s+(?:\p{L}+\s+){0,4}(?:kündig|Kündigung)\p{L}*|\bmit\s+sofortiger\s+Wirkung\s+(?:\p{L}+\s+){0,4}kündig\p{L}*`;
const DATA_PROTECTION = re`\bDatenschutz\p{L}*|\bDS-?GVO\b|\bWeisung\p{L}*|\bKontrolle\p{L}*|\bPrüfung\p{L}*|\bdiese[nrm]?\s+(?:Vertrag|Vereinbarung)\p{L}*|\bPflichten\s+aus\s+diese|\bVersto(?:ß|ss)\p{L}*|\bverstö(?:ß|ss)t\b|\bPflichtverletzung\p{L}*`;

export const terminationForCause: Detector = {
  id: 'termination-for-cause',
  home: /Kündigung|Laufzeit|Dauer|Beendigung/u,
  missingMessage: () => l10n.t('No termination for cause found. Expected: the controller may terminate without notice if the processor seriously breaches data protection law or this contract.'),
  detect(ctx) {
    const hits = ctx.findPositive(FOR_CAUSE, { tom: false });
    if (!hits.length) return MISSING;
    const linked = hits.filter((s) => DATA_PROTECTION.test(s.text.replace(/\bdiese[nrm]?\s+(?:Vertrag|Vereinbarung)\p{L}*\s+(?:und\s+den\s+Hauptvertrag\s+)?(?:fristlos|außerordentlich)/giu, '')));
    return judge(linked.length ? linked : hits, [!linked.length && M.terminationNotDataProtection]);
  },
};

export const seizureInsolvency: Detector = {
  id: 'seizure-insolvency-notice',
  home: DUTIES,
  missingMessage: () => l10n.t('No notice of seizure or insolvency found. Expected: the processor informs the controller without undue delay if the data are endangered by seizure, attachment or insolvency proceedings.'),
  detect(ctx) {
    const hits = ctx.findPositive([re`\b(?:Pfändung|Beschlagnahm|Insolvenz|Vergleichsverfahren|Zwangsvollstreckung)\p{L}*|\b(?:Maßnahmen|Ereignisse)\s+Dritter\b`, re`\b(?:informier|unterricht|mitteil|benachrichtig|verständig)\p{L}*|\bteilt\b|\bin\s+Kenntnis\b`], { tom: false });
    return hits.length ? judge(hits, []) : MISSING;
  },
};

const PRECEDENCE = re`\bVorrang\p{L}*|\bvorrangig\p{L}*|\bgeh(?:t|en)\s+(?:[\p{L}„“",]+\s+){0,24}vor\b|\bvorgeh\p{L}*`;
const CONFLICT = re`\bWidersprüch\p{L}*|\bWiderspruch\p{L}*|\bwidersprech\p{L}*|\bAbweichung\p{L}*|\babweich\p{L}*|\bKonflikt\p{L}*|\bKollision\p{L}*|\bUnvereinbarkeit\p{L}*|\bim\s+Zweifel\b|\bUnstimmigkeit\p{L}*`;
const ALL_AGREEMENTS = re`\b(?:damit\s+)?(?:zusammenhängend|bestehend|künftig)\p{L}*\s+(?:\p{L}+\s+){0,2}(?:Vereinbarung|Vertr(?:ag|äg))\p{L}*|\bzwischen\s+den\s+Parteien\s+(?:\p{L}+\s+){0,2}(?:bestehen|geschlossen|getroffen)|\b(?:alle[nr]?|sämtlich\p{L}*|sonstig\p{L}*|anderen|übrigen|weiteren|andere)\s+(?:\p{L}+\s+){0,3}(?:Vereinbarung|Vertr(?:ag|äg)|Regelung|Bestimmung|Dokument|Abrede)\p{L}*`;

export const precedence: Detector = {
  id: 'precedence-clause',
  home: FINAL,
  missingMessage: () => l10n.t('No precedence clause found. Expected: in case of conflict, this agreement prevails over the main contract and all other agreements between the parties.'),
  detect(ctx) {
    const hits = ctx.findPositive(PRECEDENCE, { tom: false }).filter((s) => CONFLICT.test(s.text) || /\bdiese[rsm]?\s+(?:Vereinbarung|Vertrag)/u.test(s.text));
    if (!hits.length) return MISSING;
    return judge(hits, [!hits.some((s) => ALL_AGREEMENTS.test(s.text)) && M.precedenceSomeDocuments]);
  },
};
