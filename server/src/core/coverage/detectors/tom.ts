import * as l10n from '@vscode/l10n';
import type { Span } from '../../model/types.js';
import type { DetectorContext, Sentence } from '../context.js';
import { M } from '../messages.js';
import { judge, MISSING, uniq } from '../result.js';
import { re } from '../text.js';
import type { Detector } from '../types.js';

/** Rows 41–44: what the TOM annex (or the TOM section) describes, per Art. 32(1)(a)–(d). */

const HOME = /technisch|TOM|Sicherheit/u;

function tomAnchor(ctx: DetectorContext): Span | undefined {
  return (ctx.model.annexes.find((a) => a.annexKind === 'tom') ?? ctx.model.allSections.find((s) => HOME.test(s.title)))?.heading;
}

const content = (list: readonly Sentence[]) => list.filter((s) => !s.heading);

export const pseudonymisationEncryption: Detector = {
  id: 'art32-1-a-pseudo-encryption',
  home: HOME,
  anchor: tomAnchor,
  missingMessage: () => l10n.t('The security measures address neither pseudonymisation nor encryption. Expected: measures for pseudonymisation and encryption of personal data, where appropriate.'),
  detect(ctx) {
    const pseudo = content(ctx.find(re`\bpseudonym\p{L}*|\bPseudonym\p{L}*`, { in: ctx.tomScope }).map((h) => h.s));
    const crypto = content(ctx.find(re`\bverschlüssel\p{L}*|\bVerschlüsselung\p{L}*|\b\p{L}*verschlüssel\p{L}*|\bTLS\b|\bSSL\b|\bAES(?:-\d+)?\b|\bHTTPS\b|\bSFTP\b|\bVPN\b|\bkryptograph\p{L}*|\bEnde-zu-Ende\b|\bPGP\b|\bS\/MIME\b`, { in: ctx.tomScope }).map((h) => h.s));
    if (!pseudo.length && !crypto.length) return MISSING;
    return judge(uniq(pseudo, crypto), [!pseudo.length && M.pseudonymisationMissing, !crypto.length && M.encryptionMissing]);
  },
};

const GOALS: [string, RegExp][] = [
  [M.confidentialityMeasuresMissing, re`\bVertraulichkeit\p{L}*|\bvertraulich\p{L}*|\b(?:Zutritt|Zugang|Zugriff|Berechtigung|Trennung|Mandant)\p{L}*|\bAuthenti(?:s|f)\p{L}*|\bAnmeldung\p{L}*|\bKennung\p{L}*|\bPasswort\p{L}*|\bMehr-Faktor\p{L}*|\b\p{L}*kontrolle\b`],
  [M.integrityMeasuresMissing, re`\bIntegrität\p{L}*|\b(?:Eingabe|Weitergabe|Transport|Übertragungs)kontrolle\p{L}*|\bProtokollierung\p{L}*|\bprotokolliert\p{L}*|\bPrüfsumme\p{L}*|\bHash\p{L}*|\bSignatur\p{L}*|\bVier-Augen\p{L}*|\bÄnderungsprotokoll\p{L}*`],
  [M.availabilityMeasuresMissing, re`\bVerfügbarkeit\p{L}*|\bRedundan\p{L}*|\bredundant\p{L}*|\bUSV\b|\bunterbrechungsfrei\p{L}*|\bBackup\p{L}*|\bDatensicherung\p{L}*|\bSpiegelung\p{L}*|\bBrand\p{L}*|\bVirenschutz\p{L}*|\bSchadsoftware\p{L}*|\bFirewall\p{L}*|\bNetzersatzanlage\p{L}*|\bNotstrom\p{L}*|\bAusweich\p{L}*|\bAusfall\p{L}*|\bgeoredundan\p{L}*`],
  [M.resilienceMeasuresMissing, re`\bBelastbarkeit\p{L}*|\bbelastbar\p{L}*|\bResilien\p{L}*|\bresilient\p{L}*|\bLastverteilung\p{L}*|\bLastausgleich\p{L}*|\bSkalier\p{L}*|\bÜberlast\p{L}*|\bDDoS\b|\bKapazitäts\p{L}*|\b\p{L}+kapazität\p{L}*|\bLastspitze\p{L}*|\bSpitzenlast\p{L}*|\bAusfallsicher\p{L}*|\bFailover\b|\bHochverfügbar\p{L}*`],
];

export const ciaResilience: Detector = {
  id: 'art32-1-b-cia-resilience',
  home: HOME,
  anchor: tomAnchor,
  missingMessage: () => l10n.t('The security measures address none of the protection goals. Expected: measures ensuring the confidentiality, integrity, availability and resilience of the systems and services.'),
  detect(ctx) {
    const found = GOALS.map(([m, goal]) => [m, ctx.find(goal, { in: ctx.tomScope, headings: true }).map((h) => h.s)] as const);
    const evidence = uniq(...found.map(([, s]) => s));
    if (!evidence.length) return MISSING;
    return judge(evidence, found.filter(([, s]) => !s.length).map(([m]) => m));
  },
};

const RESTORE = re`\bWiederherstell\p{L}*|\bWiederanlauf\p{L}*|\bRestore\p{L}*|\bNotfall(?:plan|konzept|management|handbuch|vorsorge)\p{L}*|\bDisaster\s+Recovery\b|\bBusiness\s+Continuity\b|\bWiederinbetriebnahme\p{L}*|\bRecovery\b|\bRücksicherung\p{L}*|\bRTO\b`;
const BACKUP = re`\bBackup\p{L}*|\bDatensicherung\p{L}*|\bSicherungskopie\p{L}*|\bSicherung\b|\bgesichert\b|\bSpiegelung\p{L}*`;

export const restore: Detector = {
  id: 'art32-1-c-restore',
  home: HOME,
  anchor: tomAnchor,
  missingMessage: () => l10n.t('No restoring of data after an incident found. Expected: the ability to restore availability and access to the data in a timely manner (backup, restore process, emergency plan).'),
  detect(ctx) {
    const restoring = ctx.find(RESTORE, { in: ctx.tomScope, headings: true }).map((h) => h.s);
    const backups = content(ctx.find(BACKUP, { in: ctx.tomScope }).map((h) => h.s));
    if (content(restoring).length) return judge(uniq(content(restoring), backups), []);
    if (!restoring.length && !backups.length) return MISSING;
    return judge(uniq(restoring, backups), [M.restoreBackupOnly]);
  },
};

const REVIEW = re`\bregelmäßig\p{L}*\s+(?:\p{L}+\s+){0,3}(?:Überprüfung|Prüfung|Bewertung|Evaluierung|Kontrolle|Audit|Test|überprüf|prüf|bewert|evaluier|kontrollier|test)\p{L}*|\b(?:jährlich|halbjährlich|vierteljährlich|quartalsweise|monatlich)\p{L}*\s+(?:\p{L}+\s+){0,3}(?:Überprüfung|Prüfung|Audit|Penetrationstest|Test|Bewertung|Evaluierung|Revision|Rezertifizierung)\p{L}*|\b(?:überprüf|prüf|bewert|evaluier)\p{L}*\s+(?:\p{L}+\s+){0,8}(?:jährlich|regelmäßig|halbjährlich|vierteljährlich)\p{L}*|\bPenetrationstest\p{L}*|\bPentest\p{L}*|\bSchwachstellen\p{L}*|\bISMS\b|\bInformationssicherheits-?\s?Managementsystem\p{L}*|\bISO\/IEC\s*27001\b|\bISO\s*27001\b|\b(?:internes|externes|jährliches)\s+Audit\p{L}*|\bEvaluierung\p{L}*|\bWirksamkeit\s+der\s+(?:\p{L}+\s+)?Maßnahmen`;

export const review: Detector = {
  id: 'art32-1-d-review',
  home: HOME,
  anchor: tomAnchor,
  missingMessage: () => l10n.t('No review of the security measures found. Expected: a process for regularly testing, assessing and evaluating the effectiveness of the measures.'),
  detect(ctx) {
    const scope = uniq(ctx.tomScope, ctx.sentences.filter((s) => /Maßnahmen/u.test(s.text) && s.annex?.annexKind !== 'subprocessors'));
    const hits = ctx.find(REVIEW, { in: scope, headings: true }).map((h) => h.s);
    if (content(hits).length) return judge(content(hits), []);
    return hits.length ? judge(hits, [M.reviewHeadingOnly]) : MISSING;
  },
};
