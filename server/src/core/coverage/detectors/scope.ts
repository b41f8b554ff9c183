import * as l10n from '@vscode/l10n';
import type { DetectorContext, Sentence } from '../context.js';
import { M } from '../messages.js';
import { judge, MISSING, uniq } from '../result.js';
import { NUMBER, re, rx } from '../text.js';
import type { Detector } from '../types.js';

/** Rows 2–6: subject matter, duration, nature and purpose, types of data, categories of data subjects. */

const HOME = /Gegenstand|Leistung|Auftragsinhalt|Vorbemerkung|Präambel|Allgemein|Beschreibung|Konkretisierung|Einzelheiten|Angaben\s+zur\s+Verarbeitung|Umfang|Art\s+(?:und|der)|Zweck|Datenarten|Datenkategorien|Kategorie|[Bb]etroffen|Dauer|Laufzeit/u;

/** Where the processing is described: preamble, the first section, sections titled so, the description annex. */
function inDescription(ctx: DetectorContext, s: Sentence): boolean {
  if (s.annex) return s.annex.annexKind === 'description' || (s.annex.annexKind !== 'tom' && s.annex.annexKind !== 'subprocessors' && ctx.inSection(s, HOME));
  if (!s.block.section) return true;
  return ctx.inSection(s, HOME) || s.block.section === ctx.model.sections[0] || s.block.section.parent === ctx.model.sections[0];
}

const SERVICE = String.raw`\b(?:erbring|betreib|betreut|übernimm|übernehm|hoste|digitalisier|archivier|wartet|leistet|entwickelt|versend|verschick|druckt|scannt|kuvertiert|vernichtet|verwaltet|pflegt|berät|übersetzt|organisiert|rechnet\s+(?:\p{L}+\s+){0,4}ab)\p{L}*|\bwertet\s+(?:[\p{L}-]+\s+){0,6}aus\b|\bstell\p{L}*\s+(?:[\p{L}„“"\-–,/]+\s+){0,16}bereit\b|\bführ\p{L}*\s+(?:\p{L}+\s+){0,6}durch\b|\bbiete\p{L}*\s+(?:\p{L}+\s+){0,6}an\b`;
const SERVICE_RE = rx(SERVICE);
const MAIN_CONTRACT_REF = re`\b(?:Grundlage|auf\s+Grundlage)\b[^.;]*\p{L}*(?:vertrag|vereinbarung)\p{L}*|\b(?:ergibt|ergeben|folgt|folgen|bestimmt|bestimmen|richtet|richten)\s+sich\s+(?:\p{L}+\s+){0,4}(?:aus|nach)\b|\b(?:im|in\s+dem)\s+\p{L}*(?:vertrag|vereinbarung)\p{L}*\s+(?:\p{L}+\s+){0,3}(?:beschrieben|festgelegt|geregelt|bezeichnet)`;
const IDENTIFIED_CONTRACT = re`\p{L}*(?:vertrag|vereinbarung|Leistungsschein|Auftrag)\p{L}*\s+(?:\p{L}+\s+){0,5}vom\s+(?:\d|\{\{)|\b(?:Nr\.|Nummer)\s+\d`;

export const subjectMatter: Detector = {
  id: 'art28-3-s1-subject-matter',
  home: /Gegenstand|Leistungsbeschreibung|Auftragsinhalt/u,
  missingMessage: () => l10n.t('No subject matter of the processing found. Expected: which service the processor performs for the controller.'),
  detect(ctx) {
    const where = (s: Sentence) => inDescription(ctx, s);
    const service = ctx.findPositive([ctx.rx(`\\b{PROC}`), SERVICE_RE], { where, tom: false });
    const stated = ctx.findPositive(re`\bGegenstand\s+(?:des\s+Auftrag\p{L}*|der\s+(?:Daten)?verarbeitung|dieses\s+Vertrag\p{L}*|dieser\s+Vereinbarung)\s+(?:ist|sind|umfasst)\b|^\s*(?:\d+(?:\.\d+)*\.?\s+|\(\d+\)\s+)?Gegenstand\s+(?:ist|sind)\s+(?:die|der|das)\s+\p{L}|\bGegenstand\s*:|^\s*(?:Art\s+der\s+Verarbeitung|Leistung\p{L}*|Gegenstand)\s*:\s*\p{L}`, { tom: false, where })
      .filter((s) => !MAIN_CONTRACT_REF.test(s.text));
    if (service.length || stated.length) return judge(uniq(service, stated), []);
    const refs = ctx.findPositive(MAIN_CONTRACT_REF, { where }).filter((s) => /Gegenstand|Leistung|Umfang|Einzelheiten|Auftrag|Grundlage/u.test(s.text));
    return refs.length ? judge(refs, [!ctx.sentences.some((s) => IDENTIFIED_CONTRACT.test(s.text)) && M.subjectOnlyReference]) : MISSING;
  },
};

const CONTRACT_WORD = re`\b(?:\p{L}*vertrag\p{L}*|\p{L}*vereinbarung\p{L}*|Auftrag\p{L}*|AVV|gilt|endet|beginnt|entspricht|richtet|läuft|Kraft)\b`;

export const duration: Detector = {
  id: 'art28-3-s1-duration',
  home: /Dauer|Laufzeit|Gegenstand|Beendigung/u,
  missingMessage: () => l10n.t('No duration of the processing found. Expected: a term, a link to the term of the main contract, or an indefinite term with notice of termination.'),
  detect(ctx) {
    const stated = ctx.findPositive([re`\b(?:Laufzeit|Vertragslaufzeit|Vertragsdauer|Geltungsdauer)\b|\bDauer\s+(?:de[rs]\s+)?(?:\p{L}+\s+)?(?:Verarbeitung|Auftrag|Vertrag|Vereinbarung|Haupt|Leistung|Nutzung|Dienstleistung|Zusammenarbeit|Rahmen)\p{L}*|\bfür\s+die\s+Dauer\b|\bfür\s+${NUMBER}\s+(?:Jahr|Monat)\p{L}*|\bverlänger\p{L}*\s+sich\b|\b(?:un)?bestimmte\s+Zeit\b|\bbefristet\b|\bendet\s+(?:\p{L}+\s+){0,3}(?:mit|am|automatisch|zeitgleich)\b|\bgilt\s+(?:\p{L}+\s+){0,4}bis\b|\bDauer\s*:`, CONTRACT_WORD], { tom: false, where: (s) => s.annex?.annexKind !== 'subprocessors' });
    if (stated.length) return judge(stated, []);
    const implied = ctx.findPositive([re`\btritt\s+(?:\p{L}+\s+){0,4}in\s+Kraft|\bkündig\p{L}*|\bKündigung\p{L}*|\bbeginnt\b`, re`\b\p{L}*(?:vertrag|vereinbarung)\p{L}*`], { tom: false });
    return implied.length ? judge(implied, [M.durationImplied]) : MISSING;
  },
};

const NATURE = re`\bArt\s+(?:und\s+Zweck\s+)?der\s+(?:Daten)?verarbeitung\b|\bVerarbeitung\s+umfasst|\bumfasst\s+(?:\p{L}+\s+){0,2}(?:Speicherung|Erfassung|Hosting|Betrieb|Verarbeitung)|\bVerarbeitungs(?:vorgänge|tätigkeiten|schritte)\b|\b(?:Hosting|Speicherung|Erfassung|Digitalisierung|Archivierung|Datensicherung|Support|Wartung|Fernwartung|\p{L}*abrechnung|Versand|Scannen|Indexierung|Pflege|Betrieb|Auswertung|Beantwortung|Bereitstellung|Administration|Bearbeitung|Vernichtung|Verwaltung|Kundenservice|Übermittlung)\b`;
const NOT_A_PURPOSE = re`\beigene\p{L}*\s+Zweck\p{L}*|\bgenannt\p{L}*\s+Zweck\p{L}*|\bZweck\p{L}*\s+(?:nach|gemäß|im\s+Sinne)\b|\bZweckbindung\b|\banderen?\s+Zweck\p{L}*`;
const NOT_A_PURPOSE_G = new RegExp(NOT_A_PURPOSE.source, 'giu');
const PURPOSE = re`\bZweck\p{L}*\b|\bdien\p{L}*\s+(?:\p{L}+\s+){0,3}(?:dem|der|zur?|zum)\b|\bausschließlich\s+(?:zur?|zum|der)\b`;
const PURPOSE_OBJECT = re`(?:\bZweck\p{L}*(?:\s+der\s+(?:Daten)?verarbeitung)?\s*(?:ist|sind|:)?|\bdien\p{L}*|\bzum\s+Zweck|\bausschließlich)\s+(?:ausschließlich\s+)?(?:de[rsmn]\s+|die\s+|zur?\s+|zum\s+)?((?:\p{L}+\s+){0,1}\p{L}+(?:\s+\p{L}+){0,3})`;
const GENERIC_PURPOSE = re`^(?:\p{L}+\s+)?(?:Erfüllung|Durchführung|Erbringung|Abwicklung)\s+(?:de[rs]\s+)?(?:\p{L}+\s+)?\p{L}*(?:vertrag|Vertrag|Vereinbarung|Leistung|Auftrag|Dienst)\p{L}*|^(?:Vertragserfüllung|Vertragsdurchführung|Leistungserbringung)`;

export const naturePurpose: Detector = {
  id: 'art28-3-s1-nature-purpose',
  home: /Art\s+und\s+Zweck|Zweck|Konkretisierung|Gegenstand/u,
  missingMessage: () => l10n.t('No nature and purpose of the processing found. Expected: the processing operations (e.g. hosting, support) and the purpose they serve.'),
  detect(ctx) {
    const where = (s: Sentence) => inDescription(ctx, s);
    const nature = uniq(ctx.findPositive(NATURE, { where, tom: false }), ctx.findPositive([ctx.rx(`\\b{PROC}`), SERVICE_RE], { where, tom: false }));
    const purposeSentences = ctx.sentences.filter((s) => !s.heading && s.annex?.annexKind !== 'tom' && (where(s) || /Zweck\s+der\s+Verarbeitung/u.test(s.text)) && PURPOSE.test(s.text.replace(NOT_A_PURPOSE_G, ' ')));
    const generic = purposeSentences.filter((s) => {
      const m = PURPOSE_OBJECT.exec(s.text.replace(NOT_A_PURPOSE_G, ' '));
      return m !== null && GENERIC_PURPOSE.test(m[1] ?? '');
    });
    const specific = purposeSentences.filter((s) => !generic.includes(s));
    if (!nature.length && !purposeSentences.length) return MISSING;
    return judge(uniq(nature, purposeSentences), [
      !nature.length && M.natureMissing,
      !purposeSentences.length && M.purposeMissing,
      purposeSentences.length > 0 && !specific.length && M.purposeGeneric,
    ]);
  },
};

const DATA_CONTEXT_STRONG = re`\bArt(?:en)?\s+(?:der\s+)?(?:verarbeiteten\s+)?personenbezogene[rn]?\s+Daten\b|\bArt(?:en)?\s+der\s+(?:verarbeiteten\s+)?Daten\b|\bDatenarten\b|\bDatenkategorien\b|\bKategorien\s+(?:von\s+|der\s+)?(?:verarbeiteten\s+)?(?:personenbezogene[rn]?\s+)?Daten\b`;
const DATA_CONTEXT = re`\bverarbeitet\s+werden\b|\bfolgende\s+(?:\p{L}+\s+){0,2}Daten\b|\bDaten\s+(?:von|über)\b|\bverarbeitet\s+(?:\p{L}+\s+){0,2}(?:folgende\s+)?Daten\b`;
const DATA_ITEM = re`\b\p{L}{3,}daten\b|\b(?:Namen?|Vorname\p{L}*|Anschrift\p{L}*|Adresse\p{L}*|E-Mail\p{L}*|Telefon\p{L}*|Geburtsdatum|Bankverbindung\p{L}*|IBAN|Kontonummer\p{L}*|Personalnummer\p{L}*|Kundennummer\p{L}*|Steuer\p{L}*|Sozialversicherung\p{L}*|IP-Adresse\p{L}*|Religion\p{L}*|Gesundheit\p{L}*|Fotos?|Lichtbild\p{L}*|Unterschrift\p{L}*|Kennung\p{L}*|Benutzername\p{L}*|Standort\p{L}*|Bestellung\p{L}*|Bestellhistorie|Rechnung\p{L}*|Zahlung\p{L}*|Kassiervorg\p{L}*|Buchung\p{L}*)\b`;
const DATA_ITEM_G = new RegExp(DATA_ITEM.source, 'giu');
const GENERIC_DATA = /^(?:kunden|auftraggeber|verantwortlichen|mandanten|nutzer|personen|benutzer|anwender|sonstige|weitere|personenbezogene|test|echt)daten$/iu;

function dataItems(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(DATA_ITEM_G)) if (!GENERIC_DATA.test(m[0])) found.add(m[0].toLowerCase());
  return [...found];
}

/** The described types of data: lead-in sentences ("Arten personenbezogener Daten:") with their lists. */
function dataContexts(ctx: DetectorContext): Sentence[] {
  const notTom = (s: Sentence) => s.annex?.annexKind !== 'tom' && s.annex?.annexKind !== 'subprocessors';
  return uniq(ctx.findPositive(DATA_CONTEXT_STRONG, { where: notTom }), ctx.findPositive(DATA_CONTEXT, { where: (s) => notTom(s) && inDescription(ctx, s) }));
}

export const dataTypes: Detector = {
  id: 'art28-3-s1-data-types',
  home: /Art\s+der\s+Daten|Daten|Art\s+und\s+Zweck|Konkretisierung|Gegenstand/u,
  missingMessage: () => l10n.t('No types of personal data found. Expected: the categories of data processed (e.g. contact data, contract data, usage data).'),
  detect(ctx) {
    const contexts = dataContexts(ctx);
    const withItems = contexts.filter((s) => dataItems(ctx.groupText(s)).length > 0);
    if (withItems.length) return judge(withItems, []);
    // without a lead-in: a list of data compounds or of attributes in parentheses ("Daten von Kunden (Name, Telefonnummer)")
    const listed = ctx.sentences.filter((s) => !s.heading && inDescription(ctx, s) && s.annex?.annexKind !== 'tom' && s.annex?.annexKind !== 'subprocessors' &&
      (dataItems(s.text).filter((d) => d.endsWith('daten')).length >= 2 || [...s.text.matchAll(/\(([^()]*,[^()]*)\)/gu)].some((m) => dataItems(m[1]!).length >= 2)));
    if (listed.length) return judge(listed, []);
    if (contexts.length) return judge(contexts, [M.dataTypesGeneric]);
    const generic = ctx.findPositive(re`\bpersonenbezogene\p{L}*\s+Daten\b|\bKundendaten\b`, { where: (s) => inDescription(ctx, s) && !s.annex?.annexKind?.match(/tom|subprocessors/) });
    return generic.length ? judge(generic, [M.dataTypesGeneric]) : MISSING;
  },
};

const GROUP = String.raw`\b(?:Kund|Endkund|Interessent|Beschäftigt|Mitarbeit|Arbeitnehmer|Auszubildend|Bewerber|Patient|Mieter|Mietinteressent|Eigentümer|Abonnent|Nutzer|Anwender|Besucher|Lieferant|Ansprechpartner|Kontaktperson|Schüler|Fahrschüler|Student|Mitglied|Angehörig|Versichert|Versicherungsnehmer|Gläubiger|Schuldner|Empfänger|Handwerker|Dienstleister|Reisend|Mitreisend|Teilnehmer|Gäst|Gast|Vertreter|Ärzt|Arzt|Rentner|Betriebsrentner|Bürger|Personal|Kinder|Eltern|Leser|Spender|Bewohner|Klient|Mandant|Verbraucher|Käufer|Besteller|Beamt|Praktikant|Geschäftspartner|Vertriebspartner|Anrufer|Passagier|Hinterbliebene|Interessierte)\p{L}*`;
const GROUP_RE = rx(`${GROUP}|\\b\\p{L}+(?:kunde|kunden|nutzer|mitglied|mitglieder|mitarbeiter|patient|patienten|mieter|abonnent|abonnenten)\\b`);
const SUBJECT_CONTEXT = re`\b(?:Kategorien|Kreis|Gruppen)\s+(?:der\s+|von\s+)?(?:\p{L}+\s+){0,4}betroffene\p{L}*(?:\s+Person\p{L}*)?|\bBetroffen\p{L}*\s+(?:sind|ist)\b|\bbetroffene\p{L}*\s+Personen\s+sind\b|\bBetroffenenkategorien\b|\bKreis\s+der\s+Betroffenen\b|\bbetroffene\p{L}*\s+Personen\s*:|\bBetroffene\s*:|\bBetroffenenkreis\p{L}*`;
const EMPLOYEE_DATA = re`\bBeschäftigtendaten|\bMitarbeiterdaten|\bPersonalnummer|\bPersonaldaten|\bEntgelt\p{L}*|\bLohn\p{L}*|\bGehalt\p{L}*|\bBewerberdaten|\bArbeitszeit\p{L}*|\bDaten\s+(?:von|der)\s+Beschäftigten`;
const EMPLOYEES = re`\b(?:Beschäftigt|Mitarbeit|Arbeitnehmer|Personal|Auszubildend|Bewerber|Angestellt|Beamt|Praktikant)\p{L}*`;
const CUSTOMER_DATA = re`\bKundendaten|\bKundenstamm\p{L}*|\bKundennummer\p{L}*|\bKundenkonto\p{L}*|\bBestelldaten|\bBestellhistorie|\bKaufhistorie`;
const CUSTOMERS = re`\b(?:Kund|Endkund|Abonnent|Interessent|Besteller|Käufer|Nutzer|Mieter|Mitglied|Verbraucher|Patient|Klient|Mandant|Gäst|Gast|Reisend|Leser|Schüler|Fahrschüler)\p{L}*|\b\p{L}+kunden?\b`;

export const dataSubjects: Detector = {
  id: 'art28-3-s1-data-subjects',
  home: /[Bb]etroffen|Art\s+und\s+Zweck|Konkretisierung|Gegenstand/u,
  missingMessage: () => l10n.t('No categories of data subjects found. Expected: whose data are processed (e.g. customers, employees, prospects).'),
  detect(ctx) {
    const notTom = (s: Sentence) => s.annex?.annexKind !== 'tom';
    const contexts = ctx.findPositive(SUBJECT_CONTEXT, { where: notTom });
    const group = GROUP_RE;
    let evidence = contexts.filter((s) => group.test(ctx.groupText(s)));
    if (!evidence.length) evidence = ctx.findPositive(re`\bDaten\s+(?:von|der|über)\s+(?:\p{L}+\s+){0,2}${GROUP}`, { where: notTom });
    // "Verarbeitet werden E-Mail-Adresse, Vorname und das Anmeldedatum der Abonnenten": the listed data name whose they are
    if (!evidence.length) evidence = ctx.findPositive([DATA_CONTEXT, re`\b(?:der|von|seiner|ihrer|dessen|deren)\s+(?:\p{L}+\s+)?${GROUP}`], { where: (s) => notTom(s) && s.annex?.annexKind !== 'subprocessors' && dataItems(s.text).length > 0 });
    if (!evidence.length) return contexts.length ? judge(contexts, [M.subjectsUnrecognised]) : MISSING;
    const subjects = evidence.map((s) => ctx.groupText(s)).join(' ');
    const data = [...dataContexts(ctx).map((s) => ctx.groupText(s)), ...evidence.map((s) => s.text)].join(' ');
    return judge(evidence, [
      EMPLOYEE_DATA.test(data) && !EMPLOYEES.test(subjects) && M.subjectsNoEmployees,
      CUSTOMER_DATA.test(data) && !CUSTOMERS.test(subjects) && M.subjectsNoCustomers,
    ]);
  },
};
