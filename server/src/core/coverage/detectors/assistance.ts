import * as l10n from '@vscode/l10n';
import { M } from '../messages.js';
import { judge, MISSING, uniq } from '../result.js';
import { NUMBER, re, rx } from '../text.js';
import type { Detector } from '../types.js';

/** Rows 19–21: assistance with data-subject requests and with Art. 32–36. */

const HOME = /Unterstützung|Betroffenenrechte|Rechte\s+der\s+betroffenen|Mitwirkung/u;
const SUPPORT = re`\b(?:unterstütz|Unterstützung|hilft|Hilfe|mitwirk|Mitwirkung|beantwort|ermöglich)\p{L}*|\bwirkt\s+(?:\p{L}+\s+){0,8}mit\b`;
const RIGHTS_ALL = re`\bRechte\p{L}*\s+(?:der\s+)?betroffene\p{L}*|\bBetroffenenrecht\p{L}*|\bBetroffenenanfrage\p{L}*|\bBetroffenenantr\p{L}*|\b(?:Anträg|Antrag|Anfrag|Ersuchen)\p{L}*\s+(?:der\s+|von\s+)?betroffene\p{L}*|\bArt(?:ikel|\.)?\s*1[2-5]\s*(?:bis|-|–)\s*(?:Art\.\s*)?2[12]\b|\bKap(?:itel|\.)\s+III\b`;
const RIGHTS_SOME = re`\b(?:Auskunft|Berichtigung|Löschung|Einschränkung|Datenübertragbarkeit|Widerspruch|Sperrung)\p{L}*`;
const FORWARD = re`\bweiterleit\p{L}*|\bleitet\s+(?:[\p{L},]+\s+){0,10}weiter\b|\bweitergeleitet\b|\bverweist\b|\b(?:unterrichtet|informiert|benachrichtigt)\b`;
const REQUEST = re`\b(?:Anfrage|Antrag|Anträge|Ersuchen|Anliegen|Begehren|Geltendmachung)\p{L}*|\bbetroffene\p{L}*\s+Person\p{L}*\s+(?:\p{L}+\s+){0,3}(?:wendet|richtet)`;
// the data subjects, also by the groups they belong to (never a party: no "Kunde", which may be the controller)
const FROM_SUBJECT = re`\bbetroffen\p{L}*|\bBetroffene\p{L}*|\b(?:Beschäftigt|Mitarbeiter|Arbeitnehmer|Bewerber|Patient|Mieter|Endkund|Nutzer|Abonnent|Versichert|Mitglied|Schüler|Bürger|Verbraucher|Bewohner|Klient)\p{L}*`;

export const dataSubjectRights: Detector = {
  id: 'art28-3-e-data-subject-rights',
  home: HOME,
  missingMessage: () => l10n.t('No assistance with data-subject requests found. Expected: the processor assists the controller with appropriate measures in answering requests under Art. 12–22 GDPR.'),
  detect(ctx) {
    const all = ctx.findPositive([SUPPORT, RIGHTS_ALL], { tom: false });
    const some = ctx.findPositive([SUPPORT, RIGHTS_SOME, FROM_SUBJECT], { tom: false });
    const support = uniq(all, some).filter((s) => !/Verletzung|Folgenabschätzung/u.test(s.text) || RIGHTS_ALL.test(s.text));
    if (!support.length) {
      const forwarding = ctx.findPositive([FORWARD, REQUEST], { tom: false }).filter((s) => FROM_SUBJECT.test(ctx.groupText(s)));
      return forwarding.length ? judge(forwarding, [M.dsrForwardingOnly]) : MISSING;
    }
    const limited = support.filter((s) => /\bsoweit\s+(?:\p{L}+\s+){0,6}(?:Leistungsumfang|Leistungsbeschreibung|vereinbarten\s+Leistung|Hauptvertrag)|\bim\s+Rahmen\s+(?:des|der)\s+(?:vereinbarten\s+)?(?:Leistungsumfang|Leistung|Hauptvertrag)/iu.test(s.text));
    return judge(support, [
      !all.length && M.dsrIndividualRights,
      limited.length > 0 && M.dsrScopeLimited,
    ]);
  },
};

const PROMPT = rx(String.raw`\b(?:unverzüglich|umgehend|sofort)\p{L}*|\bohne\s+(?:schuldhaftes\s+)?Zögern|\binnerhalb\s+(?:von\s+)?${NUMBER}\s+(?:Stunden|Werktag|Arbeitstag|Tag)\p{L}*`);

export const dsrForwarding: Detector = {
  id: 'dsr-forwarding',
  home: HOME,
  missingMessage: () => l10n.t('No forwarding of data-subject requests found. Expected: requests that reach the processor directly are forwarded to the controller without undue delay and not answered by the processor itself.'),
  detect(ctx) {
    const forwarded = ctx.findPositive([FORWARD, REQUEST], { tom: false })
      .filter((s) => (FROM_SUBJECT.test(s.text) || FROM_SUBJECT.test(ctx.groupText(s))) && !/Verletzung|Weisung|Aufsichtsbehörde/u.test(s.text));
    if (!forwarded.length) return MISSING;
    return judge(forwarded, [!forwarded.some((s) => PROMPT.test(s.text)) && M.forwardingNotImmediate]);
  },
};

const TOPICS: [number, RegExp][] = [
  [32, re`\bSicherheit\s+der\s+Verarbeitung\b|\bDatensicherheit\b`],
  [33, re`\bMeldung\p{L}*\s+(?:\p{L}+\s+){0,12}Aufsichtsbehörde|\bMeldepflicht\p{L}*|\bMeldung\p{L}*\s+von\s+(?:\p{L}+\s+)?Verletzung\p{L}*`],
  [34, re`\bBenachrichtigung\p{L}*\s+(?:\p{L}+\s+){0,2}betroffene\p{L}*|\bBenachrichtigungspflicht\p{L}*|\bBenachrichtigung\p{L}*\s+der\s+Betroffenen`],
  [35, re`\bFolgenabschätzung\p{L}*|\bDSFA\b`],
  [36, re`\bKonsultation\p{L}*`],
];
const ARTICLES = /Art(?:ikeln?|\.)?\s*(\d+)(?:\s*(?:bis|-|–)\s*(?:Art\.?\s*)?(\d+))?((?:\s*(?:,|und|sowie)\s*(?:Art\.?\s*)?\d+(?!\s*(?:Abs|Nr)))*)/gu;
const MISSING_BY_ARTICLE: Record<number, string> = { 32: M.assist32, 33: M.assist33, 34: M.assist34, 35: M.assist35, 36: M.assist36 };

function articlesIn(text: string): Set<number> {
  const out = new Set<number>();
  for (const m of text.matchAll(ARTICLES)) {
    const from = parseInt(m[1]!, 10);
    const to = m[2] ? parseInt(m[2], 10) : from;
    if (to - from <= 10) for (let a = from; a <= to; a++) out.add(a);
    for (const more of (m[3] ?? '').matchAll(/\d+/g)) out.add(parseInt(more[0], 10));
  }
  return out;
}

export const assist32to36: Detector = {
  id: 'art28-3-f-assist-32-36',
  home: HOME,
  missingMessage: () => l10n.t('No assistance with Art. 32–36 found. Expected: the processor assists the controller with security, breach notification and communication, data protection impact assessments and prior consultation.'),
  detect(ctx) {
    const support = ctx.findPositive(SUPPORT, { tom: false });
    const covered = new Set<number>();
    const evidence = support.filter((s) => {
      const before = covered.size;
      // a lead-in ("… bei der Einhaltung der folgenden Pflichten:") covers its list
      const text = /:\s*$/u.test(s.text) ? ctx.groupText(s) : s.text;
      const articles = articlesIn(text.replace(/\(Art\.\s*28[^)]*\)/gu, ''));
      for (const a of [32, 33, 34, 35, 36]) if (articles.has(a)) covered.add(a);
      for (const [a, topic] of TOPICS) if (topic.test(text)) covered.add(a);
      return covered.size > before || [32, 33, 34, 35, 36].some((a) => articles.has(a));
    });
    if (!evidence.length) return MISSING;
    return judge(evidence, [32, 33, 34, 35, 36].filter((a) => !covered.has(a)).map((a) => MISSING_BY_ARTICLE[a]));
  },
};
