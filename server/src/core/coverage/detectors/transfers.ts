import * as l10n from '@vscode/l10n';
import type { Sentence } from '../context.js';
import { M } from '../messages.js';
import { judge, MISSING, NOT_APPLICABLE, uniq } from '../result.js';
import { re, rx } from '../text.js';
import type { Detector } from '../types.js';

/** Rows 31–32: special categories of data, processing locations and third-country transfers. */

const SENSITIVE = String.raw`\bbesondere\p{L}*\s+Kategorien\b|\bArt\.\s*(?:9|10)\b|\bGesundheit\p{L}*|\bReligion\p{L}*|\breligiös\p{L}*|\bweltanschaulich\p{L}*|\bethnisch\p{L}*|\brassisch\p{L}*|\bpolitisch\p{L}*\s+Meinung\p{L}*|\bGewerkschaft\p{L}*|\bgenetisch\p{L}*|\bbiometrisch\p{L}*\s+Daten|\bSexualleben\b|\bsexuell\p{L}*\s+Orientierung|\bstrafrechtlich\p{L}*\s+Verurteilung\p{L}*|\bStraftat\p{L}*|\bSchwerbehinderung\p{L}*|\bArbeitsunfähigkeit\p{L}*|\bKrankheit\p{L}*|\bDiagnose\p{L}*|\bPatientendaten\b|\bPatientenakte\p{L}*|\bBehandlungsdokumentation\p{L}*|\bKirchensteuer\p{L}*|\bKonfession\p{L}*|\bsensible\p{L}*\s+Daten`;
const SENSITIVE_RE = rx(SENSITIVE);
const SAFEGUARD = re`\bzusätzlich\p{L}*\s+(?:\p{L}+\s+){0,2}(?:Schutzmaßnahmen|Maßnahmen|Garantien|Beschränkungen|Sicherheitsmaßnahmen)\b|\bgelten\s+zusätzlich\b|\b(?:spezifisch|besonder|angemessen)\p{L}*\s+(?:\p{L}+\s+){0,2}(?:Schutzmaßnahmen|Garantien|Beschränkungen)\b|§\s*22\s*Abs\.\s*2\s*BDSG|\bBerufsgeheimnis\p{L}*|§\s*203\s*StGB|\bFeldverschlüsselung\b|\bVerschlüsselung\s+auf\s+Feldebene\b|\bnamentlich\s+benannt\p{L}*|\bgesondert\p{L}*\s+Berechtigung\p{L}*|\bZugriff\p{L}*\s+nur\s+(?:durch|für)\b`;

export const sensitiveData: Detector = {
  id: 'sensitive-data-safeguards',
  home: /Art\s+und\s+Zweck|Daten|Sicherheit|technisch/u,
  missingMessage: () => l10n.t('Special categories of data are processed, but no safeguards were found. Expected: specific restrictions or additional safeguards for data under Art. 9 or 10 GDPR.'),
  detect(ctx) {
    const sensitive = SENSITIVE_RE;
    // data listed as processed, not a clause for the case that they are ("Falls die Verarbeitung … betrifft")
    const listed = ctx.findPositive(sensitive, { tom: false, where: (s) => s.annex?.annexKind !== 'subprocessors' && /Daten|verarbeit|Kategorie|Anhang|Anlage|Steuer|Zeiten|Angaben/iu.test(s.text) && !/^\s*(?:[a-z\d]{1,3}[.)]\s*)?(?:Falls|Sofern|Soweit|Wenn)\b/u.test(s.text) });
    if (!listed.length) return NOT_APPLICABLE;
    const refersToSensitive = (s: Sentence) => sensitive.test(s.text) || sensitive.test(ctx.groupText(s)) || /Daten\s+nach|diese\s+Daten|solche\s+Daten|sensibl/iu.test(s.text);
    const safeguards = ctx.findPositive(SAFEGUARD).filter(refersToSensitive);
    return judge(uniq(listed, safeguards), [!safeguards.length && M.sensitiveNoSafeguards]);
  },
};

// "erfolgt ausschließlich im Rahmen dieses Vertrages" names no place
const NOT_A_PLACE = String.raw`(?!(?:Rahmen|Auftrag|Bezug|Umfang|Übereinstimmung|Einklang|Zusammenhang|Falle?|Sinne|Wege|Namen|Einzelfall|Interesse)\b)`;
const EU = String.raw`(?:Europäischen\s+Union|EU|EWR|Europäischen\s+Wirtschaftsraum\p{L}*|Bundesrepublik(?:\s+Deutschland)?|Deutschland|Mitgliedstaat\p{L}*\s+der\s+(?:EU|Europäischen\s+Union))`;
const ONLY_EU = rx(String.raw`\b(?:ausschließlich|nur)\s+(?:\p{L}+\s+){0,4}(?:in|innerhalb)\s+(?:der\s+|des\s+|dem\s+)?(?:\p{L}+\s+){0,3}${EU}\b`);
const LOCATION = rx(String.raw`${ONLY_EU.source}|\bVerarbeitungsort\p{L}*|\bOrt\s+der\s+(?:Daten)?verarbeitung|\bStandort\p{L}*\s+(?:der\s+)?(?:Verarbeitung|Rechenzentr|Server)\p{L}*|\bRechenzentr\p{L}*\s+(?:\p{L}+\s+){0,3}(?:in|im)\s+\p{L}{3,}|\bServerstandort\p{L}*|\b(?:findet|finden|erfolgt|erfolgen)\s+(?:\p{L}+\s+){0,4}(?:ausschließlich|nur)\s+(?:\p{L}+\s+){0,5}(?:in|im)\s+${NOT_A_PLACE}\p{L}{3,}|\b(?:ausschließlich|nur)\s+(?:in|im)\s+${NOT_A_PLACE}(?:\p{L}+\s+){0,5}(?:statt|verarbeitet|gespeichert|vernichtet)\b|\bfindet\s+(?:\p{L}+\s+){0,6}(?:in|innerhalb)\s+(?:der\s+|des\s+|dem\s+)?(?:\p{L}+\s+){0,3}${EU}\b|\b(?:erfolgt|stattfindet)\s+(?:\p{L}+\s+){0,4}(?:in|innerhalb)\s+(?:der\s+|des\s+)?${EU}\b`);
const THIRD = re`\bDrittl(?:and|änder)\p{L}*|\bDrittstaat\p{L}*|\baußerhalb\s+(?:der\s+|des\s+)?(?:EU|EWR|Europäischen)|\binternationale\p{L}*\s+Organisation\p{L}*`;
const MECHANISM = re`\bArt\.\s*4[4-9]\b|\bKap(?:itel|\.)\s*V\b|\bStandard(?:vertrags|datenschutz)klausel\p{L}*|\bSCC\b|2021\/914|\bAngemessenheitsbeschl\p{L}*|\bangemessen\p{L}*\s+(?:Datenschutz|Schutz)niveau\p{L}*|\bBinding\s+Corporate\s+Rules\b|\bverbindlich\p{L}*\s+interne\p{L}*\s+Datenschutzvorschrift\p{L}*|\bBCR\b|\bData\s+Privacy\s+Framework\b|\bgeeignete\p{L}*\s+Garantien\b`;
const THIRD_COUNTRY_NAME = re`\b(?:USA|U\.S\.A\.|Vereinigte\p{L}*\s+Staaten|United\s+States|Indien|China|Philippinen|Ukraine|Serbien|Türkei|Russland|Brasilien|Kanada|Japan|Australien|Singapur|Schweiz|Vereinigte\p{L}*\s+Königreich|Großbritannien|UK|Israel|Südafrika|Mexiko|weltweit|Drittland|Drittstaat)\b`;

const LIT_A = re`\b(?:nur|ausschließlich)\s+(?:\p{L}+\s+){0,3}(?:auf|nach)\s+(?:\p{L}+\s+)?Weisung`;

export const transfers: Detector = {
  id: 'art44-transfers',
  home: /Drittl|Ort\s+der\s+Verarbeitung|Übermittlung|Verarbeitungsort|Pflichten\s+de[rs]\s+(?:Auftragnehmer|Auftragsverarbeiter)/u,
  missingMessage: () => l10n.t('No processing locations or transfer rules found. Expected: where the data are processed, and transfers to third countries only on instructions and with a safeguard under Chapter V (adequacy decision, standard contractual clauses, BCR).'),
  detect(ctx) {
    const third = ctx.find(THIRD, { tom: false });
    // the lit. a formula ("nur auf dokumentierte Weisung …, auch … Drittland") does not plan a transfer
    const planned = third.filter((h) => !h.negated && !LIT_A.test(h.s.text)).map((h) => h.s);
    const excluded = third.filter((h) => h.negated).map((h) => h.s);
    // "Standardvertragsklauseln nach Art. 28 Abs. 7" (2021/915) are no transfer mechanism
    const mechanism = ctx.findPositive(MECHANISM, { tom: false }).filter((s) => MECHANISM.test(s.text.replace(/Standard\p{L}*klausel\p{L}*\s+(?:\p{L}+\s+){0,3}(?:nach|gemäß)\s+Art\.\s*28\s*Abs\.\s*[78]\b[^.;]*|2021\/915/gu, '')));
    const locations = uniq(ctx.findPositive(LOCATION, { tom: false }), excluded);
    const subLocated = ctx.model.subprocessors.filter((e) => e.location && e.location.text.trim() !== '');
    const subThird = ctx.model.subprocessors.filter((e) => (e.location && THIRD_COUNTRY_NAME.test(e.location.text)) || (e.address && THIRD_COUNTRY_NAME.test(e.address.text)));
    if (!planned.length && !mechanism.length && !locations.length && !subLocated.length) return MISSING;
    const onlyEu = locations.filter((s) => ONLY_EU.test(s.text));
    return judge([...uniq(planned, mechanism, locations), ...subThird], [
      (planned.length > 0 || subThird.length > 0) && !mechanism.length && M.transferNoMechanism,
      subThird.length > 0 && onlyEu.length > 0 && M.transferContradiction,
      !locations.length && !subLocated.length && M.transferLocationsMissing,
    ]);
  },
};
