import * as l10n from '@vscode/l10n';
import { M } from '../messages.js';
import type { Sentence } from '../context.js';
import { judge, MISSING, uniq } from '../result.js';
import { re } from '../text.js';
import type { Detector } from '../types.js';

/** Rows 10–12: confidentiality of the persons, security of processing, changes of the measures. */

const SECRECY = re`\b(?:Vertraulichkeit|Verschwiegenheit\p{L}*|Datengeheimnis\p{L}*|Geheimhaltung\p{L}*|Berufsgeheimnis\p{L}*|vertraulich\p{L}*)`;
const BOUND = re`\bverpflicht\p{L}*|\bunterliegen\b|\bunterliegt\b|\bunterworfen\b|\bgebunden\b`;
const TRAINED = re`\b(?:belehr|geschult|schul|sensibilisier|unterwies|unterweis|einweis|eingewiesen|informiert)\p{L}*|\bSchulung\p{L}*|\bBelehrung\p{L}*`;
const EMPLOYEES = re`\b(?:Mitarbeiter|Beschäftigt|Arbeitnehmer|Angestellt|Personal)\p{L}*`;
const ALL_PERSONS = re`\b(?:alle|sämtliche|jede|befugt|eingesetzt|berechtigt|Zugang|Zugriff|diese|tätigen|befassten|beteiligt)\p{L}*\s+(?:\p{L}+\s+){0,4}Person\p{L}*|\bPersonen\b|\bunterstellt\p{L}*`;

export const confidentiality: Detector = {
  id: 'art28-3-b-confidentiality',
  home: /Vertraulichkeit|Pflichten\s+de[rs]\s+(?:Auftragnehmer|Auftragsverarbeiter)/u,
  missingMessage: () => l10n.t('No confidentiality of authorised persons found. Expected: all persons authorised to process the data are bound to confidentiality or under a statutory obligation of secrecy.'),
  detect(ctx) {
    const bound = ctx.findPositive([BOUND, SECRECY], { tom: false }).filter((s) => !ctx.rx('\\b{SUB}').test(s.text));
    if (bound.length) {
      const broad = bound.some((s) => ALL_PERSONS.test(s.text) || ALL_PERSONS.test(ctx.groupText(s)));
      return judge(bound, [!broad && bound.every((s) => EMPLOYEES.test(s.text)) && M.confidentialityEmployeesOnly]);
    }
    const trained = ctx.findPositive([TRAINED, SECRECY], { tom: false });
    return trained.length ? judge(trained, [M.confidentialityTrainingOnly]) : MISSING;
  },
};

const TOM = re`\btechnisch\p{L}*\s+und\s+organisatorisch\p{L}*\s+Maßnahmen\b|\bSicherheit\b|\bTOMs?\b|\bArt\.\s*32\b|\bSicherheit\s+der\s+Verarbeitung\b|\bDatensicherheit\b|\bSicherheitsmaßnahmen\b|\bMaßnahmen\b`;
const OBLIGED = re`\b(?:trifft|treffen|ergreift|ergreifen|gewährleist\p{L}*|setzt|umsetz\p{L}*|einhalt\p{L}*|hält|sorgt|verpflicht\p{L}*|sicherzustellen|stellt\s+sicher|implementier\p{L}*|unterhält|zu\s+treffen|herzustell\p{L}*|zu\s+gewährleisten|zu\s+ergreifen|sicherzustell\p{L}*)\b`;

export const security: Detector = {
  id: 'art28-3-c-security',
  home: /technisch|TOM|Sicherheit/u,
  anchor: (ctx) => ctx.model.allSections.find((s) => s.kind === 'section' && /technisch|TOM|Sicherheit/u.test(s.title))?.heading,
  missingMessage: () => l10n.t('No security obligation found. Expected: the processor takes all measures required by Art. 32 GDPR, described concretely (usually in a TOM annex).'),
  detect(ctx) {
    const obligation = ctx.findPositive([TOM, OBLIGED], { tom: false }).filter((s) => {
      // "unterstützt … bei den Pflichten nach Art. 32 bis 36" is assistance (lit. f), not the processor's own duty
      const own = s.text.replace(/unterstütz[\s\S]*$/u, '');
      return TOM.test(own) && OBLIGED.test(own) && /Maßnahmen|TOM|Art\.\s*32|Sicherheit/u.test(own) && !ctx.rx('\\b{SUB}').test(s.text);
    });
    const entries = ctx.model.tomEntries.length;
    const tomAnnex = ctx.model.annexes.find((a) => a.annexKind === 'tom');
    const inMain = ctx.tomScope.filter((s) => !s.annex && !s.heading);
    const described = entries >= 3 || inMain.length >= 3 || (tomAnnex !== undefined && ctx.sectionSentences(tomAnnex).filter((s) => !s.heading).length >= 3);
    if (!obligation.length && !described) return MISSING;
    const referencesAnnex = obligation.some((s) => /(?<![\p{L}])(?:Anlage|Anhang)(?![\p{L}])/u.test(ctx.groupText(s)));
    const evidence = [...obligation, ...(tomAnnex ? [tomAnnex.heading] : [])];
    return judge(evidence, [
      !obligation.length && M.tomObligationMissing,
      !described && (referencesAnnex && !tomAnnex ? M.tomAnnexNotAttached : M.tomNotDescribed),
    ]);
  },
};

const CHANGE = re`\b(?:Änderung\p{L}*|änder\p{L}*|geändert\p{L}*|anpass\p{L}*|angepasst|Anpassung\p{L}*|Weiterentwicklung\p{L}*|weiterentwickel\p{L}*|technisch\p{L}*\s+Fortschritt\p{L}*|Stand\s+der\s+Technik|alternativ\p{L}*\s+Maßnahmen|Absenkung\p{L}*|ersetz\p{L}*)\b`;
const MEASURES = re`\b(?:Maßnahmen|TOMs?|Schutzniveau\p{L}*|Sicherheitsniveau\p{L}*|Datensicherheit)\b`;
const APPROVAL = re`\b(?:Zustimmung|Genehmigung|Einwilligung|zustimm\p{L}*|genehmig\p{L}*|Freigabe|freigeb\p{L}*|widersprech\p{L}*|Widerspruch\p{L}*|Einspruch\p{L}*|Einvernehmen|einvernehmlich\p{L}*|abzustimmen|abgestimmt|Abstimmung)\b|\bstimm\p{L}*\s+(?:\p{L}+\s+){0,8}ab\b`;
const NOTICE = re`\b(?:dokumentier\p{L}*|mitteil\p{L}*|mitgeteilt|teilt|informier\p{L}*|anzeig\p{L}*|zeigt|unterricht\p{L}*|Mitteilung\p{L}*|benachrichtig\p{L}*)\b`;
const FLOOR = re`\bnicht\s+(?:\p{L}+\s+){0,2}(?:unterschritten|unterschreiten|abgesenkt|gesenkt|verringert|unterschreitet)|\bunterschreit\p{L}*|\bohne\s+(?:\p{L}+\s+){0,4}(?:zu\s+)?unterschreiten|\bAbsenkung\p{L}*\s+(?:\p{L}+\s+){0,6}(?:ausgeschlossen|unzulässig|nicht\s+zulässig)|\bmindestens\s+(?:\p{L}+\s+){0,3}(?:gleich\p{L}*|gleichwertig\p{L}*)|\bgleichwertig\p{L}*|\bnicht\s+(?:\p{L}+\s+){0,3}niedriger|\bnicht\s+sink\p{L}*`;

export const tomChanges: Detector = {
  id: 'art28-3-c-tom-changes',
  home: /technisch|TOM|Sicherheit/u,
  missingMessage: () => l10n.t('No rule on changes of the security measures found. Expected: changes only with the controller\'s approval or notice, never below the agreed level of protection.'),
  detect(ctx) {
    // "Der Auftragnehmer trifft die Maßnahmen nach Anlage 1. Änderungen bedürfen der Zustimmung …": the changes of those measures
    const follows = (s: Sentence) => { const prev = ctx.sentences[s.index - 1]; return prev !== undefined && prev.block.section === s.block.section && MEASURES.test(prev.text); };
    const changes = uniq(ctx.find([CHANGE, MEASURES], { tom: false }).map((h) => h.s), ctx.find([re`^\s*(?:\(\d+\)\s*)?(?:Änderungen|Anpassungen)\b`, APPROVAL], { tom: false }).map((h) => h.s).filter(follows))
      .filter((s) => !ctx.rx('\\b{SUB}').test(s.text));
    if (!changes.length) return MISSING;
    const group = uniq(changes, changes.flatMap((s) => ctx.groupOf(s).filter((x) => APPROVAL.test(x.text) || NOTICE.test(x.text) || FLOOR.test(x.text))));
    const approval = group.filter((s) => APPROVAL.test(s.text));
    const notice = group.filter((s) => NOTICE.test(s.text));
    const floor = group.filter((s) => FLOOR.test(s.text));
    if (approval.length) return judge(group, []);
    return judge(group, [
      notice.length > 0 && floor.length > 0 && M.tomChangeUnilateral,
      !notice.length && M.tomChangeUncontrolled,
      !floor.length && M.tomChangeNoFloor,
    ], [M.tomChangeUnilateral]);
  },
};
