import * as l10n from '@vscode/l10n';
import type { Sentence } from '../context.js';
import { M } from '../messages.js';
import { judge, MISSING, uniq } from '../result.js';
import { re } from '../text.js';
import type { Detector } from '../types.js';

/** Rows 8, 9, 27, 29, 30, 36: instructions and the purposes the processor may pursue. */

const HOME = /Weisung/u;
const PERSONS = re`\b(?:Person(?!enbezogen)|Mitarbeit|Beschäftigt|Personal|unterstellt)\p{L}*`;
const INSTRUCTION = re`\bWeisung\p{L}*|\bweisungsgebunden\p{L}*`;
const ONLY = re`\b(?:nur|ausschließlich|lediglich|allein)\b|\bweisungsgebunden|\bim\s+Rahmen\s+(?:der|seiner)\s+Weisung`;
const PROCESSES = re`\b(?:verarbeit|nutz|verwend|erheb|speicher|bearbeit|handel|tätig)\p{L}*|\bweisungsgebunden`;
const THIRD_COUNTRY = re`\bDrittl(?:and|änder)\p{L}*|\bDrittstaat\p{L}*|\binternationale\p{L}*\s+Organisation\p{L}*|\baußerhalb\s+(?:der\s+|des\s+)?(?:EU|EWR|Europäischen)`;
const DOCUMENTED = re`\bdokumentiert\p{L}*|\bTextform\b|\bschriftlich\p{L}*|\bSchriftform\b|\bper\s+E-Mail\b|\belektronisch\p{L}*|\bTicket\p{L}*|\bPortal\p{L}*`;

export const instructions: Detector = {
  id: 'art28-3-a-instructions',
  home: HOME,
  missingMessage: () => l10n.t('No binding to instructions found. Expected: the processor processes personal data only on documented instructions of the controller, including transfers to third countries.'),
  detect(ctx) {
    const all = ctx.find(INSTRUCTION, { tom: false });
    if (!all.length) return MISSING;
    // the processor's duty, not a staff member's (Art. 29: "Die dem Auftragnehmer unterstellten Personen
    // verarbeiten …", where the processor is named only as their principal) or an annex's heading
    const processorActs = ctx.rx('\\b(?:der|ein)\\s+{PROC}(?!\\s+unterstellt)|^\\s*(?:\\(\\d+\\)\\s*)?{PROC}\\b|\\b(?:er|sie)\\s+(?:verarbeit|nutz|verwend|handel)');
    const core = ctx.findPositive([ONLY, INSTRUCTION, PROCESSES], { tom: false }).filter((s) => !PERSONS.test(s.text) || processorActs.test(s.text));
    if (!core.length) {
      const individual = all.filter((h) => /Berichtigung|Löschung|Sperrung|Einschränkung/u.test(h.s.text)).map((h) => h.s);
      return judge(individual.length ? individual : all.map((h) => h.s), [individual.length ? M.instructionsIndividualActs : M.notBoundToInstructions]);
    }
    const withInstr = all.filter((h) => !h.negated).map((h) => h.s);
    const documented = core.some((s) => /dokumentiert/iu.test(s.text)) || withInstr.some((s) => DOCUMENTED.test(s.text));
    const oral = withInstr.filter((s) => /\bmündlich\p{L}*/iu.test(s.text));
    const oralUnconfirmed = oral.length > 0 && !oral.some((s) => /bestätig\p{L}*/iu.test(ctx.groupText(s)));
    // "… nur auf dokumentierte Weisung. Dies gilt auch für Übermittlungen in ein Drittland.": the Absatz counts
    const thirdCountry = uniq(withInstr.filter((s) => THIRD_COUNTRY.test(s.text)),
      core.flatMap((s) => ctx.groupOf(s)).filter((x) => THIRD_COUNTRY.test(x.text)));
    return judge(uniq(core, thirdCountry), [
      !thirdCountry.length && M.thirdCountryInstructions,
      !documented && !oralUnconfirmed && M.instructionsUndocumented,
      oralUnconfirmed && M.instructionsOral,
    ]);
  },
};

const LEGAL_DUTY = re`\b(?:Recht\s+der\s+(?:Union|Mitgliedstaat\p{L}*|EU)|Unionsrecht\p{L}*|Recht\s+eines\s+Mitgliedstaat\p{L}*|Recht\s+der\s+Europäischen|gesetzlich\p{L}*|rechtlich\p{L}*|Gesetz\p{L}*|Rechtsvorschrift\p{L}*)`;
const NOTICE = re`\b(?:teilt|mitteil\p{L}*|mitzuteilen|informier\p{L}*|unterricht\p{L}*|benachrichtig\p{L}*|Mitteilung\p{L}*|hinweis\p{L}*|weist)\b`;
const BEFORE = re`\bvor\s+(?:der\s+|Beginn\s+der\s+)?(?:Verarbeitung|Durchführung)|\bvorher\b|\bvorab\b|\bzuvor\b|\bim\s+Voraus\b|\bvorherig\p{L}*`;

export const legalObligation: Detector = {
  id: 'art28-3-a-legal-obligation',
  home: HOME,
  missingMessage: () => l10n.t('No exception for legally required processing found. Expected: where Union or Member State law requires processing, the processor informs the controller before processing (unless that law prohibits it).'),
  detect(ctx) {
    const exception = ctx.find([LEGAL_DUTY, re`\bverpflichtet\b|\bPflicht\b`], { tom: false })
      .map((h) => h.s)
      .filter((s) => /\b(?:es\s+sei\s+denn|sofern|soweit|falls|ist\s+(?:er|der)|wenn|Ausnahme|ausgenommen)\b|^\s*(?:\(\d+\)\s*)?Ist\b/iu.test(s.text) && /Weisung|verarbeit|Verarbeitung/iu.test(ctx.groupText(s)))
      .filter((s) => !/Speicher|Aufbewahr|Verschwiegenheit|Vertraulichkeit/iu.test(s.text));
    if (!exception.length) return MISSING;
    const near = (s: Sentence) => ctx.sentences.slice(s.index, s.index + 3).filter((x) => x.block.section === s.block.section);
    const notices = exception.flatMap(near).filter((x) => NOTICE.test(x.text));
    const timely = notices.filter((x) => BEFORE.test(x.text));
    return judge(uniq(exception, notices), [
      !notices.length && M.legalNoticeMissing,
      notices.length > 0 && !timely.length && M.legalNoticeTiming,
    ]);
  },
};

const INFRINGES = re`\bverst(?:o|ö)(?:ß|ss)\p{L}*|\brechtswidrig\p{L}*|\bunrechtmäßig\p{L}*|\bdatenschutzwidrig\p{L}*|\bgesetzwidrig\p{L}*|\bunzulässig\p{L}*|\bwiderspricht\b`;
const INFORMS = re`\b(?:informier|unterricht|benachrichtig|mitteil|hinweis|hinzuweis)\p{L}*|\bweist\b|\bteilt\b|\bHinweis\p{L}*`;
const DUTY_VERB = re`\b(?:informiert|unterrichtet|benachrichtigt|weist|teilt|meldet|hinzuweisen|mitzuteilen|zu\s+informieren|zu\s+unterrichten|muss|hat)\b|\bverpflichtet\b`;

export const infringingInstruction: Detector = {
  id: 'art28-3-uabs2-infringing-instruction',
  home: HOME,
  missingMessage: () => l10n.t('No duty to warn about infringing instructions found. Expected: the processor informs the controller immediately if, in its opinion, an instruction infringes data protection law.'),
  detect(ctx) {
    const hits = ctx.findPositive([re`\bWeisung\p{L}*`, INFRINGES, INFORMS], { tom: false });
    if (!hits.length) return MISSING;
    return judge(hits, [
      !hits.some((s) => /\b(?:unverzüglich|umgehend|sofort|unmittelbar)\p{L}*/iu.test(s.text)) && M.infringingNotImmediate,
      !hits.some((s) => DUTY_VERB.test(s.text.replace(/\b(?:darf|dürfen|kann|können|berechtigt|Recht)(?![\p{L}]).*$/u, ''))) && M.infringingRightOnly,
    ]);
  },
};

export const staffInstructions: Detector = {
  id: 'art29-staff-instructions',
  home: /Vertraulichkeit|Pflichten\s+de[rs]\s+(?:Auftragnehmer|Auftragsverarbeiter)/u,
  missingMessage: () => l10n.t('No binding of the processor\'s staff to instructions found. Expected: persons acting under the processor\'s authority process the data only on instructions and only as far as necessary.'),
  detect(ctx) {
    const bound = ctx.findPositive([re`\b(?:Person(?!enbezogen)|Mitarbeit|Beschäftigt|Personal|unterstellt|befugt|diese|sie)\p{L}*`, re`\b(?:nur|ausschließlich|lediglich)\s+(?:\p{L}+\s+){0,6}(?:auf|nach|gemäß|entsprechend|im\s+Rahmen\s+der)\s+(?:\p{L}+\s+){0,2}Weisung\p{L}*|\bweisungsgebunden|\bArt\.\s*29\b.{0,40}Weisung|Weisung\p{L}*.{0,40}\bArt\.\s*29\b`], { tom: false })
      .filter((s) => PERSONS.test(ctx.groupText(s)));
    if (bound.length) return judge(bound, []);
    const partialOnly = ctx.findPositive([PERSONS, re`\b(?:Vertraulichkeit|Verschwiegenheit|Geheimhaltung|Datengeheimnis)\b|\b(?:erforderlich|need-to-know)\b`], { tom: false });
    return partialOnly.length ? judge(partialOnly, [M.staffNotBound]) : MISSING;
  },
};

const OWN_USE = re`\beigene\p{L}*\s+Zweck\p{L}*|\bProduktverbesserung\p{L}*|\bVerbesserung\s+(?:seiner|der|eigener|ihrer)\s+(?:\p{L}+\s+)?(?:Dienste|Produkte|Leistungen|Services|Systeme)|\bWeiterentwicklung\s+(?:seiner|eigener|der\s+eigenen)\b|\b(?:Analyse|Statistik|Benchmark)\p{L}*|\bTraining\p{L}*|\btrainier\p{L}*|\bkünstlich\p{L}*\s+Intelligenz|\bKI\b|\bmaschinell\p{L}*\s+Lern\p{L}*`;

export const purposeLimitation: Detector = {
  id: 'purpose-limitation',
  home: /Weisung|Zweck/u,
  missingMessage: () => l10n.t('No purpose limitation found. Expected: the processor uses the data only for the controller\'s purposes, not for its own (e.g. product improvement, analytics, AI training).'),
  detect(ctx) {
    const allowed = ctx.findPositive([re`\b(?:darf|dürfen|berechtigt|kann|können|gestattet|erlaubt|vorbehält|Recht)\b`, OWN_USE], { tom: false })
      .filter((s) => !/\b(?:nicht|kein\p{L}*|weder|untersagt|verboten|ausgeschlossen|unzulässig)\b/iu.test(s.text));
    const limited = ctx.find(re`\b(?:nicht|keine?n?|weder)\s+(?:\p{L}+\s+){0,3}(?:für\s+|zu\s+)?eigene\p{L}*\s+Zweck\p{L}*|\b(?:ausschließlich|nur|lediglich)\s+[^.;]{0,60}?Zweck\p{L}*|\bZweck\p{L}*\s+(?:\p{L}+\s+){0,4}(?:ist|sind)\s+ausschließlich|\bdien\p{L}*\s+(?:\p{L}+\s+)?(?:ausschließlich|allein|nur|lediglich)\b|\bausschließlich\s+(?:zur?|zum)\b|\beigene\p{L}*\s+Zweck\p{L}*\b[^.;]{0,80}\b(?:untersagt|verboten|ausgeschlossen|unzulässig)\b|\b(?:Untersagt|Verboten|Ausgeschlossen|Unzulässig)\s+(?:ist|sind)\s+[^.;]{0,80}\beigene\p{L}*\s+Zweck\p{L}*|\bnicht\s+(?:zur?|zum|für)\s+(?:\p{L}+\s+){0,3}(?:Produktverbesserung|Training|Analyse)`, { tom: false })
      .map((h) => h.s).filter((s) => !allowed.includes(s));
    if (allowed.length) return judge(uniq(allowed, limited), [M.ownPurposesAllowed]);
    return limited.length ? judge(limited, []) : MISSING;
  },
};

export const authorisedPersons: Detector = {
  id: 'instruction-authorised-persons',
  home: HOME,
  missingMessage: () => l10n.t('No persons or channel for instructions named. Expected: who may issue and who receives instructions, and how they are given.'),
  detect(ctx) {
    const named = ctx.findPositive(re`\bWeisungs(?:berechtigt|empfänger|befugt)\p{L}*|\bWeisung\p{L}*\s+(?:\p{L}+\s+){0,6}(?:über\s+(?:das|den|die)\s+[\p{L}-]*(?:system|portal|Ticket)\p{L}*|per\s+E-Mail|an\s+die\s+(?:E-Mail|Adresse)|via\b)|\bAnsprechpartner\p{L}*\s+für\s+Weisungen`, { tom: false });
    return named.length ? judge(named, []) : MISSING;
  },
};
