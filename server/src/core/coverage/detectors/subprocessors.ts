import * as l10n from '@vscode/l10n';
import type { DetectorContext, Sentence } from '../context.js';
import { M } from '../messages.js';
import { judge, MISSING, NOT_APPLICABLE, uniq } from '../result.js';
import { NUMBER, re, rx } from '../text.js';
import type { Detector } from '../types.js';

/** Rows 13–18: sub-processors. */

const HOME = /Unterauftrag|Subunternehm|weitere\s+Auftragsverarbeiter|Subdienstleister/u;
const AUTHORISE = re`\b(?:Genehmigung|genehmig|Zustimmung|zustimm|Einwilligung|einwillig|gestattet|erlaubt|Erlaubnis|freigegeben|Freigabe|zulässig|Einverständnis|einverstanden)\p{L}*`;
const GENERAL = re`\ballgemein\p{L}*\s+(?:\p{L}+\s+){0,2}(?:Genehmigung|Zustimmung|Einwilligung)|\bgenehmig\p{L}*\s+(?:\p{L}+\s+){0,3}allgemein\b|\bbesitzt\s+die\s+allgemeine`;
// "die in Anlage 2 genannten Unterauftragnehmer gelten als genehmigt": a general authorisation, unless every
// further one needs a specific authorisation (then the list is the specific authorisation given at signing)
const LISTED = re`\b(?:aufgeführt|genannt|gelistet|bezeichnet)\p{L}*\s+(?:\p{L}+\s+){0,1}(?:Unterauftrag|Subunternehm)\p{L}*`;
const SPECIFIC = re`\bgesondert\p{L}*|\bim\s+Einzelfall\b|\bvorherig\p{L}*\s+(?:\p{L}+\s+){0,2}(?:Zustimmung|Genehmigung|Einwilligung)|\bnur\s+(?:\p{L}+\s+){0,4}(?:Zustimmung|Genehmigung|Einwilligung)|\bnur\s+nach\s+(?:\p{L}+\s+){0,3}(?:Zustimmung|Genehmigung)`;
const INFORM = re`\b(?:informier|unterricht|mitteil|benachrichtig|ankündig|angekündigt|Ankündigung|Information|Mitteilung|zeigt|anzuzeigen|anzeig)\p{L}*|\bteilt\b|\bkündigt\s+(?:[\p{L}-]+\s+){0,10}an\b|\bin\s+Kenntnis\b`;
const CHANGE = re`\b(?:beabsichtigt|geplant|Änderung|änder|Hinzuziehung|hinzuzieh|Ersetzung|ersetz|neue[nr]?|Wechsel|Austausch)\p{L}*`;
const OBJECT = re`\b(?:Einspruch|Einwand|Einwände|widersprech|widerspricht|Widerspruch|ablehn|Veto)\p{L}*`;

function subSentences(ctx: DetectorContext): Sentence[] {
  const sub = ctx.rx('\\b{SUB}');
  return ctx.sentences.filter((s) => !s.heading && s.annex?.annexKind !== 'tom' && (sub.test(s.text) || ctx.inSection(s, HOME)));
}

/** The notice procedure for a general authorisation: information about intended changes (with objection). */
function noticeSentences(ctx: DetectorContext): Sentence[] {
  return ctx.findPositive(INFORM, { in: subSentences(ctx) }).filter((s) => (CHANGE.test(s.text) || CHANGE.test(ctx.groupText(s))) && !/Verletzung|Weisung/u.test(s.text));
}

export const subprocessorAuthorisation: Detector = {
  id: 'art28-2-subprocessor-authorisation',
  home: HOME,
  missingMessage: () => l10n.t('No rule on sub-processors found. Expected: sub-processors only with the controller\'s prior specific or general written authorisation; for a general one, notice of every intended change and a right to object.'),
  detect(ctx) {
    const subs = subSentences(ctx);
    if (!subs.length) return MISSING;
    const authorised = ctx.findPositive(AUTHORISE, { in: subs }).filter((s) => !/Weisung|Löschung|Maßnahmen\s+dürfen/u.test(s.text));
    if (!authorised.length) return judge(subs.slice(0, 1), [M.subNoAuthorisation]);
    const notice = noticeSentences(ctx);
    const objections = ctx.find(OBJECT, { in: subs });
    const objection = objections.filter((h) => !h.negated).map((h) => h.s);
    const specific = authorised.some((s) => SPECIFIC.test(s.text));
    const general = authorised.some((s) => GENERAL.test(s.text) || (!specific && LISTED.test(s.text))) || notice.length > 0 || objections.length > 0;
    const specificOnly = !general && specific;
    if (specificOnly) return judge(authorised, []);
    // the sentence that grants the objection decides its conditions, not one on its consequences ("Widerspricht der Kunde, kann …")
    const grants = objection.filter((s) => /\b(?:kann|können|darf|dürfen|berechtigt|Recht)\b[^.;]*\b(?:widersprech|Einspruch|Einwand|Einwände|Widerspruch|ablehn)/iu.test(s.text));
    const granting = grants.length ? grants : objection;
    const importantReason = granting.filter((s) => /\bwichtig\p{L}*\s+(?:\p{L}+\s+)?Grund|\b(?:sachlich|datenschutzrechtlich)\p{L}*\s+(?:gerechtfertigt|Grund|Gründe)|\bbegründet\p{L}*\s+(?:Einwand|Einspruch|Widerspruch)/iu.test(s.text));
    const noEffect = objection.filter((s) => /\b(?:dennoch|trotzdem|gleichwohl|ungeachtet)\b/iu.test(ctx.groupText(s)));
    return judge(uniq(authorised, notice, objection), [
      !notice.length && M.subNoNotice,
      !objection.length && M.subNoObjection,
      importantReason.length > 0 && importantReason.length === granting.length && M.subObjectionImportantReason,
      noEffect.length > 0 && M.subObjectionNoEffect,
    ], [M.subObjectionImportantReason]);
  },
};

const SAME_DUTIES = re`\bentsprechend\p{L}*\s+vertraglich\p{L}*\s+Vereinbarung|\bVereinbarung\p{L}*\s+(?:\p{L}+\s+){0,3}(?:nach\s+Maßgabe|gemäß|nach|entsprechend)\s+(?:des\s+|von\s+)?Art\.\s*28\s*Abs\.\s*(?:2\s*[-–]\s*)?4\b|\bin\s+gleicher\s+Weise\b|\bgleichermaßen\b|\bim\s+gleichen\s+Umfang\b|\b(?:dieselben|die\s+gleichen|gleiche[n]?|identische[n]?|entsprechende[n]?|gleichwertige[n]?|mindestens\s+gleich\p{L}*)\s+(?:\p{L}+\s+){0,2}(?:Pflichten|Verpflichtungen|Datenschutzpflichten|Regelungen|Bestimmungen|Anforderungen|Vereinbarung|Datenschutzbestimmungen|vertraglichen)\b|\bVertragskette\b|\bPflichten\s+(?:\p{L}+\s+){0,3}(?:aus|nach)\s+diese[mr]\s+(?:Vertrag|Vereinbarung)|\b(?:vereinbart|vertraglich|dies)\p{L}*\s+(?:\p{L}+\s+){0,2}(?:Regelungen|Pflichten|Bestimmungen|Datenschutzpflichten|Verpflichtungen)\s+(?:\p{L}+\s+){0,3}auch\s+(?:gegenüber|für)\b`;
const IMPOSE = re`\b(?:auferleg|erleg|verpflicht|vereinbar|weitergeb|weiterzugeb|übertrag|überträgt|aufzuerlegen|binden|bindet|gelten|gilt|sicherzustell|stellt\s+sicher)\p{L}*|\bgibt\s+(?:\p{L}+\s+){0,8}weiter\b|\bVertragskette\b`;

const PRONOUN = re`\b(?:ihnen|ihm|diese[nmr]?|sie|deren|dessen)\b`;

export const flowdown: Detector = {
  id: 'art28-4-flowdown',
  home: HOME,
  missingMessage: () => l10n.t('No flow-down to sub-processors found. Expected: the same data protection obligations are imposed on every sub-processor by contract, in particular sufficient guarantees for the security measures.'),
  detect(ctx) {
    const sub = ctx.rx('\\b{SUB}');
    const subs = subSentences(ctx).filter((s) => sub.test(s.text) || (PRONOUN.test(s.text) && sub.test(ctx.sentences[s.index - 1]?.text ?? '') && ctx.sentences[s.index - 1]!.block.section === s.block.section));
    const same = ctx.findPositive([SAME_DUTIES, IMPOSE], { in: subs });
    if (same.length) return judge(same, []);
    const some = ctx.findPositive([re`\bverpflicht\p{L}*|\bauferleg\p{L}*`, re`\b(?:Vertraulichkeit|Geheimhaltung|Verschwiegenheit|Datengeheimnis)\p{L}*`], { in: subs });
    if (some.length) return judge(some, [M.flowdownSomeDuties]);
    const selection = ctx.findPositive(re`\bwählt\b[^.;]*\bsorgfältig\b|\bsorgfältig\p{L}*\s+(?:\p{L}+\s+){0,2}(?:aus)?(?:wähl|Auswahl)\p{L}*|\bAuswahl\b`, { in: subs });
    return selection.length ? judge(selection, [M.flowdownSelectionOnly]) : MISSING;
  },
};

export const subprocessorLiability: Detector = {
  id: 'art28-4-liability',
  home: HOME,
  missingMessage: () => l10n.t('No liability for sub-processors found. Expected: the processor remains fully liable to the controller for its sub-processors (Art. 28(4) sentence 2 GDPR applies by law).'),
  detect(ctx) {
    const liable = ctx.findPositive([re`\bhaft\p{L}*|\beinzustehen\b|\bsteht\s+(?:\p{L}+\s+){0,4}ein\b|\bverantwortlich\b|\bHaftung\b`, ctx.rx('\\b{SUB}|\\bUnterauftrag|\\bdere[nr]\\s+Einhaltung|\\bfür\\s+(?:ihr|sein|deren|dessen|dere[nr])\\p{L}*\\s+(?:Verschulden|Handeln|Pflicht\\p{L}*|Verhalten)')], { tom: false })
      .filter((s) => ctx.rx('\\b{SUB}').test(ctx.groupText(s)) && !/Aufsichtsbehörde|betroffene/u.test(s.text));
    if (!liable.length) return MISSING;
    const limits = ctx.findPositive([re`\bHaftung\p{L}*|\bhaft\p{L}*`, re`\b(?:beschränkt|begrenzt|Höchstbetrag|höchstens|Haftungshöchst\p{L}*|Haftungs(?:beschränkung|begrenzung)\p{L}*|nur\s+bei\s+(?:Vorsatz|grob)|Vorsatz\s+und\s+grobe)\p{L}*`], { tom: false });
    return judge(uniq(liable, limits), [limits.length > 0 && M.liabilityLimited]);
  },
};

const LEGAL_FORM = /(?<![\p{L}])(?:GmbH|gGmbH|AG|SE|KGaA|KG|OHG|GbR|e\.\s?V\.|e\.\s?K\.|eG|UG|mbH|Ltd\.?|Limited|Inc\.?|LLC|S\.A\.?|SARL|S\.à\s?r\.l\.|B\.V\.|N\.V\.|PartG|plc|Corp\.?|Corporation|AB|A\/S|Oy|S\.p\.A\.|S\.r\.l\.|sp\.\s?z\s?o\.o\.)(?![\p{L}])/u;
const BLANK = /^\s*(?:\[[^\]]*\]|_{3,}|\{\{[^}]*\}\}|X{2,}|…|-|–)?\s*$/u;

export const subprocessorList: Detector = {
  id: 'subprocessor-list',
  home: HOME,
  anchor: (ctx) => ctx.model.annexes.find((a) => a.annexKind === 'subprocessors')?.heading,
  missingMessage: () => l10n.t('No list of sub-processors found. Expected: a list of the authorised sub-processors with company and legal form, address, processing location and service.'),
  detect(ctx) {
    const entries = ctx.model.subprocessors;
    if (entries.length) {
      const empty = (c: { text: string } | undefined) => !c || BLANK.test(c.text) || /\[[^\]]*\]/u.test(c.text);
      return judge(entries, [
        entries.some((e) => empty(e.name) || !LEGAL_FORM.test(e.name!.text)) && M.listEntriesEntity,
        entries.some((e) => empty(e.address)) && M.listEntriesAddress,
        entries.some((e) => empty(e.location)) && M.listEntriesLocation,
        entries.some((e) => empty(e.service)) && M.listEntriesService,
      ]);
    }
    const annex = ctx.model.annexes.find((a) => a.annexKind === 'subprocessors');
    const items = annex ? ctx.sectionSentences(annex).filter((s) => !s.heading && LEGAL_FORM.test(s.text)) : [];
    if (items.length) return judge(items, [!items.every((s) => /\b\d{4,5}\s+\p{L}|straße|str\.|weg\b|platz\b|allee\b/iu.test(s.text)) && M.listEntriesAddress, M.listEntriesLocation]);
    // a short list written into the clause: "genehmigt die Beauftragung der DATEV eG, Paumgartnerstraße 6–14, 90429 Nürnberg, als Rechenzentrum (Verarbeitungsort Nürnberg)"
    const inline = ctx.findPositive(AUTHORISE, { in: subSentences(ctx) }).filter((s) => LEGAL_FORM.test(s.text) && /\b\d{4,5}\s+\p{L}/u.test(s.text));
    if (inline.length) return judge(inline, [!inline.some((s) => /Verarbeitungsort|Ort\s+der\s+(?:Daten)?verarbeitung|Standort|Rechenzentr/iu.test(s.text)) && M.listEntriesLocation]);
    const none = ctx.findPositive(re`\bkeine\p{L}*\s+(?:\p{L}+\s+){0,2}(?:Unterauftrag|Subunternehm|weitere\p{L}*\s+Auftragsverarbeiter)\p{L}*`, { in: subSentences(ctx) })
      .concat(ctx.find(ctx.rx('\\b{SUB}'), { in: subSentences(ctx) }).filter((h) => h.negated && /\b(?:derzeit|zurzeit|aktuell|keine)\b/iu.test(h.s.text)).map((h) => h.s));
    if (none.length) return judge(none, []);
    const referenced = ctx.findPositive(re`\b(?:Anlage|Anhang|Liste|aufgeführt|gelistet)\p{L}*`, { in: subSentences(ctx) });
    return referenced.length ? judge(referenced, [M.listNotAttached]) : MISSING;
  },
};

const PERIOD = rx(String.raw`\b${NUMBER}\s+(?:\p{L}+\s+)?(?:Wochen?|(?:Kalender|Werk|Arbeits)?[Tt]age?n?|Monate?n?)\b`);
const VAGUE = re`\bangemessen\p{L}*\s+(?:\p{L}+\s+)?(?:Zeit|Frist|Vorlauf)\p{L}*|\brechtzeitig\p{L}*|\bzeitnah\p{L}*|\bfrühzeitig\p{L}*|\bunverzüglich\p{L}*|\bvorab\b|\bvorher\b|\bim\s+Voraus\b`;
const CHANNEL = re`\bTextform\b|\bschriftlich\p{L}*|\bE-Mail\p{L}*|\bper\s+\p{L}+|\bPortal\p{L}*|\bWebsite\p{L}*|\bWebseite\p{L}*|\bNewsletter\p{L}*|\bKundenportal\p{L}*|\ban\s+die\s+(?:\p{L}+\s+){0,4}(?:benannt|genannt)\p{L}*|\bSchriftform\b|\belektronisch\p{L}*|\bweisungsberechtigt\p{L}*|\bbenannt\p{L}*`;

export const subprocessorNoticePeriod: Detector = {
  id: 'subprocessor-notice-period',
  home: HOME,
  missingMessage: () => l10n.t('No notice period for changes of sub-processors found. Expected: a concrete period for announcing changes and for objecting, and the channel for the notice.'),
  detect(ctx) {
    const subs = subSentences(ctx);
    const notice = noticeSentences(ctx);
    const objection = ctx.findPositive(OBJECT, { in: subs });
    const procedure = uniq(notice, objection);
    if (!procedure.length) {
      const specific = ctx.findPositive([AUTHORISE, SPECIFIC], { in: subs });
      return specific.length && !ctx.findPositive(GENERAL, { in: subs }).length ? NOT_APPLICABLE : MISSING;
    }
    const concrete = procedure.filter((s) => PERIOD.test(s.text));
    const vague = procedure.filter((s) => VAGUE.test(s.text));
    return judge(uniq(concrete.length ? concrete : procedure), [
      !concrete.length && (vague.length ? M.noticePeriodVague : M.noticePeriodMissing),
      !procedure.some((s) => CHANNEL.test(ctx.groupText(s))) && M.noticeChannelMissing,
    ]);
  },
};

const CARVE_OUT = re`\bNebenleistung\p{L}*|\bnicht\s+als\s+(?:\p{L}+\s+)?(?:Unterauftrag|Subunternehm)\p{L}*|\b(?:sind|ist|gelten|gilt|stellen|darstellen)\s+(?:\p{L}+\s+){0,2}keine\s+(?:\p{L}+\s+)?(?:Unterauftrag|Subunternehm)\p{L}*|\bkeine\s+(?:\p{L}+\s+)?(?:Unterauftrag|Subunternehm)\p{L}*\s+(?:im\s+Sinne|dar\b)|\bnicht\s+(?:hierzu|dazu|darunter)\b|\bnicht\s+(?:\p{L}+\s+){0,2}(?:erfasst|umfasst)\b|\bausgenommen\b`;
const ACCESS_SERVICES = re`\b(?:Wartung|Fernwartung|Prüfung\s+(?:\p{L}+\s+){0,2}(?:IT|Systeme|Datenverarbeitungsanlagen)|Entsorgung|\p{L}*vernichtung|Datenträger\p{L}*)\b`;
const COUNTS_AS_SUB = re`\b(?:gelten|gilt)\s+(?:(?!nicht\b|kein)\p{L}+\s+){0,3}als\s+(?:\p{L}+\s+)?(?:Unterauftrag|Subunternehm)\p{L}*|\bsind\s+(?:(?!nicht\b|kein)\p{L}+\s+)?(?:Unterauftrag|Subunternehm)\p{L}*`;

const NO_ACCESS_SERVICES = re`\b(?:Post|Deutsche\s+Post|Briefzustell\p{L}*|Kurier\p{L}*|Paketdienst\p{L}*|Telekommunikation\p{L}*|Transport\p{L}*|Reinigung\p{L}*|Bewachung\p{L}*)`;
const OPEN_CATEGORY = re`\bNebenleistung\p{L}*|\bsonstig\p{L}*|\b(?:insbesondere|etwa|beispielsweise|wie)\b|\bz\.\s?B\.|\bDienstleistungen\s+Dritter\b|\bLeistungen\s+Dritter\b`;

export const ancillaryScope: Detector = {
  id: 'subprocessor-ancillary-scope',
  home: HOME,
  missingMessage: () => l10n.t('The carve-out for ancillary services is not limited. Expected: services with access to personal data (maintenance, disposal of data carriers) are not carved out.'),
  detect(ctx) {
    const subs = subSentences(ctx);
    const carveOut = ctx.find(CARVE_OUT, { in: subs }).map((h) => h.s).filter((s) => /Nebenleistung|Unterauftrag|Subunternehm|Dienstleist|Telekommunikation|Post|Transport|Reinigung/iu.test(s.text) && !COUNTS_AS_SUB.test(s.text));
    if (!carveOut.length) return NOT_APPLICABLE;
    const counted = ctx.findPositive([COUNTS_AS_SUB, ACCESS_SERVICES], { in: subs });
    const maintenanceCarved = carveOut.filter((s) => ACCESS_SERVICES.test(s.text) && !/\bohne\s+(?:\p{L}+\s+){0,3}(?:Zugriff|Zugang|Kenntnis)/iu.test(s.text.split(ACCESS_SERVICES)[0] ?? ''));
    // limited: "ohne Zugriff auf Daten", or the carve-out names only services that never process data on behalf
    // (post, courier, telecommunication carriers) and no open category ("Nebenleistungen wie …", "sonstige Dienstleister")
    const limited = carveOut.some((s) => /\bohne\s+(?:\p{L}+\s+){0,3}(?:Zugriff|Zugang|Kenntnis)|\bkein\p{L}*\s+(?:\p{L}+\s+){0,2}(?:Zugriff|Zugang)/iu.test(s.text)) ||
      carveOut.every((s) => NO_ACCESS_SERVICES.test(s.text) && !OPEN_CATEGORY.test(s.text));
    return judge(uniq(carveOut, counted), [
      maintenanceCarved.length > 0 && M.ancillaryMaintenance,
      !maintenanceCarved.length && !limited && !counted.length && M.ancillaryOpen,
    ]);
  },
};
