import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/core/index.js';
import { assessCoverage, missingMessages, requirementDetectors, type CoverageStatus } from '../../server/src/core/coverage/index.js';
import { requirementRules } from '../../server/src/core/rules/requirements.js';
import { parse, parseFixture, repoRoot, testKnowledge } from '../support/helpers.js';

/**
 * Coverage of the 44 requirements: for every requirement a small contract that makes it PRESENT, one that
 * makes it MISSING (or n/a for the conditional ones) and, where the catalogue defines PARTIAL, one per kind of
 * partial with the exact missing parts. Texts are realistic clauses, including near misses.
 */

interface Case { id: string; status: CoverageStatus; text: string; missing?: string[]; note?: string }

let n = 0;
/** A contract part: "## § n Title" followed by numbered Absätze (one paragraph stays unnumbered). */
const sec = (title: string, ...paras: string[]) => `## § ${++n} ${title}\n\n${paras.map((p, i) => (paras.length > 1 ? `(${i + 1}) ${p}` : p)).join('\n\n')}\n\n`;
const tomAnnex = (...items: string[]) => `## Anlage 1 – Technische und organisatorische Maßnahmen\n\n${items.map((i) => `- ${i}`).join('\n')}\n`;
const RUBRUM = 'zwischen\n\nMuster Handel GmbH, Hauptstraße 1, 10115 Berlin\n\n– nachfolgend „Auftraggeber“ –\n\nund\n\nDatenwerk Hosting AG, Parkweg 2, 80331 München\n\n– nachfolgend „Auftragnehmer“ –\n\n';
const BREACH = 'Der Auftragnehmer meldet dem Auftraggeber Verletzungen des Schutzes personenbezogener Daten unverzüglich, nachdem sie ihm bekannt geworden sind.';
const INSTRUCTIONS = 'Der Auftragnehmer verarbeitet die Daten nur auf dokumentierte Weisung des Auftraggebers.';
const DELETION = 'Nach Beendigung des Auftrags löscht der Auftragnehmer nach Wahl des Auftraggebers alle personenbezogenen Daten oder gibt sie zurück und löscht vorhandene Kopien, sofern keine gesetzliche Speicherpflicht besteht.';
const DSR = 'Der Auftragnehmer unterstützt den Auftraggeber mit geeigneten technischen und organisatorischen Maßnahmen bei der Beantwortung von Anträgen auf Wahrnehmung der Rechte der betroffenen Personen nach Art. 12 bis 22 DSGVO.';
const SUB_TABLE = (rows: string) => `## Anlage 2 – Unterauftragnehmer\n\n| Unterauftragnehmer | Anschrift | Leistung | Verarbeitungsort |\n|---|---|---|---|\n${rows}\n`;

const cases: Case[] = [
  // 1 parties
  { id: 'parties-identified', status: 'present', text: RUBRUM + sec('Gegenstand', 'Der Auftragnehmer hostet den Webshop des Auftraggebers.') },
  { id: 'parties-identified', status: 'partial', missing: ['the processor is named only by a placeholder'], text: 'zwischen\n\nMuster Handel GmbH, Hauptstraße 1, 10115 Berlin\n\n– nachfolgend „Auftraggeber“ –\n\nund\n\n[Name des Dienstleisters], [Anschrift]\n\n– nachfolgend „Auftragnehmer“ –\n\n' + sec('Gegenstand', 'Hosting.') },
  { id: 'parties-identified', status: 'partial', missing: ['the parties are named, but not assigned the roles of controller and processor'], text: 'Dieser Vertrag wird geschlossen zwischen der Muster Handel GmbH, Berlin, und der Datenwerk Hosting AG, München.\n\n' + sec('Gegenstand', 'Hosting.') },
  { id: 'parties-identified', status: 'missing', text: sec('Gegenstand', 'Der Auftragnehmer hostet den Webshop des Auftraggebers.') },
  // 2 subject matter
  { id: 'art28-3-s1-subject-matter', status: 'present', text: sec('Gegenstand des Auftrags', 'Der Auftragnehmer hostet für den Auftraggeber dessen Webshop und erbringt den zugehörigen Anwendersupport.') },
  { id: 'art28-3-s1-subject-matter', status: 'partial', missing: ['the subject matter is only a reference to a main contract that is not identified'], text: sec('Gegenstand des Auftrags', 'Der Gegenstand des Auftrags ergibt sich aus dem Hauptvertrag.') },
  { id: 'art28-3-s1-subject-matter', status: 'missing', text: sec('Allgemeines', 'Dieser Vertrag konkretisiert die datenschutzrechtlichen Pflichten der Parteien.') },
  // 3 duration
  { id: 'art28-3-s1-duration', status: 'present', text: sec('Laufzeit', 'Dieser Vertrag gilt für die Dauer des Hauptvertrages.') },
  { id: 'art28-3-s1-duration', status: 'present', note: 'indefinite with notice', text: sec('Dauer', 'Der Vertrag läuft auf unbestimmte Zeit und kann mit einer Frist von drei Monaten gekündigt werden.') },
  { id: 'art28-3-s1-duration', status: 'partial', missing: ['the duration is only implied (entry into force or termination), not stated'], text: sec('Inkrafttreten', 'Dieser Vertrag tritt mit Unterzeichnung in Kraft. Jede Partei kann ihn mit einer Frist von drei Monaten zum Quartalsende kündigen.') },
  { id: 'art28-3-s1-duration', status: 'missing', text: sec('Schlussbestimmungen', 'Es gilt deutsches Recht. Gerichtsstand ist Berlin.') },
  // 4 nature and purpose
  { id: 'art28-3-s1-nature-purpose', status: 'present', text: sec('Art und Zweck der Verarbeitung', 'Die Verarbeitung umfasst die Speicherung und Sicherung der Lohndaten.', 'Zweck der Verarbeitung ist die monatliche Lohnabrechnung für die Beschäftigten des Auftraggebers.') },
  { id: 'art28-3-s1-nature-purpose', status: 'partial', missing: ['the purpose of the processing is not stated'], text: sec('Art der Verarbeitung', 'Die Verarbeitung umfasst Hosting, Datensicherung und Fernwartung der Warenwirtschaft.') },
  { id: 'art28-3-s1-nature-purpose', status: 'partial', missing: ['the purpose is only stated generically ("to perform the contract")'], text: sec('Art und Zweck', 'Die Verarbeitung umfasst die Speicherung der Kundendaten. Sie dient der Erfüllung des Hauptvertrages.') },
  { id: 'art28-3-s1-nature-purpose', status: 'missing', text: sec('Pflichten', 'Der Auftragnehmer benennt einen Ansprechpartner für Datenschutzfragen.') },
  // 5 types of data
  { id: 'art28-3-s1-data-types', status: 'present', text: sec('Art der Daten', 'Verarbeitet werden folgende Datenarten:\n\n- Kontaktdaten (Name, E-Mail-Adresse)\n- Vertragsdaten\n- Nutzungsdaten (IP-Adresse, Zeitstempel)') },
  { id: 'art28-3-s1-data-types', status: 'partial', missing: ['only "personal data" in general; the types of data are not listed'], text: sec('Art der Daten', 'Verarbeitet werden personenbezogene Daten der Kunden des Auftraggebers.') },
  { id: 'art28-3-s1-data-types', status: 'missing', text: sec('Leistungen', 'Der Auftragnehmer betreibt die Telefonanlage des Auftraggebers.') },
  // 6 data subjects
  { id: 'art28-3-s1-data-subjects', status: 'present', text: sec('Betroffene Personen', 'Kategorien betroffener Personen sind Kunden, Interessenten und Lieferanten des Auftraggebers.') },
  { id: 'art28-3-s1-data-subjects', status: 'partial', missing: ['employees are not listed as data subjects, although employee data are processed'], text: sec('Daten und Betroffene', 'Verarbeitet werden Beschäftigtendaten (Name, Personalnummer, Gehalt).', 'Betroffen sind Kunden des Auftraggebers.') },
  { id: 'art28-3-s1-data-subjects', status: 'missing', text: sec('Art der Daten', 'Verarbeitet werden Kontaktdaten und Vertragsdaten.') },
  // 7 rights of the controller
  { id: 'art28-3-s1-controller-rights', status: 'present', text: sec('Rechte und Pflichten des Auftraggebers', 'Der Auftraggeber ist berechtigt, Weisungen zu erteilen und die Einhaltung dieses Vertrages beim Auftragnehmer zu kontrollieren.') },
  { id: 'art28-3-s1-controller-rights', status: 'partial', missing: ['neither the right to issue instructions nor the right to audit is stated'], text: sec('Pflichten des Auftraggebers', 'Der Auftraggeber ist für die Rechtmäßigkeit der Datenverarbeitung allein verantwortlich.') },
  { id: 'art28-3-s1-controller-rights', status: 'missing', text: sec('Vergütung', 'Die Vergütung richtet sich nach dem Hauptvertrag.') },
  // 8 documented instructions
  { id: 'art28-3-a-instructions', status: 'present', text: sec('Weisungen', 'Der Auftragsverarbeiter verarbeitet personenbezogene Daten nur auf dokumentierte Weisung des Verantwortlichen, auch in Bezug auf die Übermittlung in ein Drittland.', 'Weisungen erteilt der Verantwortliche in Textform.') },
  { id: 'art28-3-a-instructions', status: 'partial', missing: ['instructions on third-country transfers are not covered'], text: sec('Weisungen', 'Der Auftragnehmer verarbeitet die Daten ausschließlich auf dokumentierte Weisung des Auftraggebers.') },
  { id: 'art28-3-a-instructions', status: 'partial', missing: ['oral instructions are not confirmed in writing or text form'], text: sec('Weisungen', 'Der Auftragnehmer verarbeitet die Daten nur auf Weisung des Auftraggebers, auch hinsichtlich Übermittlungen in Drittländer. Weisungen können auch mündlich erteilt werden.') },
  { id: 'art28-3-a-instructions', status: 'partial', missing: ['instructions only cover individual acts (e.g. correction, deletion), not the processing as a whole'], text: sec('Weisungen', 'Der Auftraggeber kann dem Auftragnehmer Weisungen zur Berichtigung, Löschung und Sperrung von Daten erteilen.') },
  { id: 'art28-3-a-instructions', status: 'present', note: 'third countries in the next sentence of the Absatz', text: sec('Weisungen', 'Der Auftragnehmer verarbeitet die Daten nur auf dokumentierte Weisung des Auftraggebers. Dies gilt auch für Übermittlungen an ein Drittland oder eine internationale Organisation.') },
  { id: 'art28-3-a-instructions', status: 'partial', missing: ['the processor is not bound to process only on documented instructions'], note: 'Art. 29 staff duty only', text: sec('Vertraulichkeit', 'Die dem Auftragnehmer unterstellten Personen verarbeiten die personenbezogenen Daten ausschließlich auf Weisung des Auftraggebers.') },
  { id: 'art28-3-a-instructions', status: 'missing', text: sec('Zusammenarbeit', 'Die Parteien arbeiten vertrauensvoll zusammen.') },
  // 9 legally required processing
  { id: 'art28-3-a-legal-obligation', status: 'present', text: sec('Weisungen', 'Der Auftragnehmer verarbeitet die Daten nur auf dokumentierte Weisung des Auftraggebers, es sei denn, er ist nach dem Recht der Union oder der Mitgliedstaaten hierzu verpflichtet; in diesem Fall teilt er dem Auftraggeber diese rechtlichen Anforderungen vor der Verarbeitung mit.') },
  { id: 'art28-3-a-legal-obligation', status: 'partial', missing: ['prior notice to the controller of the legal requirement is missing'], text: sec('Weisungen', 'Der Auftragnehmer verarbeitet die Daten nur auf dokumentierte Weisung des Auftraggebers, es sei denn, er ist durch das Recht der Union oder eines Mitgliedstaats zur Verarbeitung verpflichtet.') },
  { id: 'art28-3-a-legal-obligation', status: 'missing', text: sec('Weisungen', INSTRUCTIONS) },
  // 10 confidentiality
  { id: 'art28-3-b-confidentiality', status: 'present', text: sec('Vertraulichkeit', 'Der Auftragnehmer stellt sicher, dass alle zur Verarbeitung befugten Personen zur Vertraulichkeit verpflichtet sind oder einer gesetzlichen Verschwiegenheitspflicht unterliegen.') },
  { id: 'art28-3-b-confidentiality', status: 'partial', missing: ['persons are only trained or instructed, not bound to confidentiality'], text: sec('Vertraulichkeit', 'Der Auftragnehmer schult seine Beschäftigten regelmäßig zum vertraulichen Umgang mit personenbezogenen Daten.') },
  { id: 'art28-3-b-confidentiality', status: 'partial', missing: ['only employees are bound, not all persons authorised to process the data'], text: sec('Vertraulichkeit', 'Die Mitarbeiter des Auftragnehmers sind zur Vertraulichkeit verpflichtet.') },
  { id: 'art28-3-b-confidentiality', status: 'missing', text: sec('Pflichten', 'Der Auftragnehmer benennt einen Ansprechpartner.') },
  // 11 security of processing
  { id: 'art28-3-c-security', status: 'present', text: sec('Technische und organisatorische Maßnahmen', 'Der Auftragnehmer trifft alle nach Art. 32 DSGVO erforderlichen Maßnahmen, die in Anlage 1 beschrieben sind.') + tomAnnex('Verschlüsselung aller Verbindungen mit TLS 1.3', 'Zutritt nur mit Chipkarte', 'Tägliche Datensicherung') },
  { id: 'art28-3-c-security', status: 'partial', missing: ['the TOM annex is referenced but not attached'], text: sec('Sicherheit', 'Der Auftragnehmer trifft die in Anlage 3 beschriebenen technischen und organisatorischen Maßnahmen.') },
  { id: 'art28-3-c-security', status: 'partial', missing: ['the technical and organisational measures are not described'], text: sec('Sicherheit', 'Der Auftragnehmer ergreift angemessene technische und organisatorische Maßnahmen nach Art. 32 DSGVO.') },
  { id: 'art28-3-c-security', status: 'missing', note: 'a mere norm citation', text: sec('Sicherheit', 'Es gilt Art. 32 DSGVO.') },
  // 12 changes of the measures
  { id: 'art28-3-c-tom-changes', status: 'present', text: sec('Technische und organisatorische Maßnahmen', 'Die Maßnahmen dürfen dem technischen Fortschritt angepasst werden. Änderungen bedürfen der vorherigen Zustimmung des Auftraggebers.') },
  { id: 'art28-3-c-tom-changes', status: 'partial', missing: ['the processor may change the measures unilaterally (only a floor and documentation or notice, no approval)'], text: sec('Technische und organisatorische Maßnahmen', 'Der Auftragnehmer darf die Maßnahmen anpassen, sofern das Sicherheitsniveau nicht unterschritten wird. Wesentliche Änderungen teilt er dem Auftraggeber mit.') },
  { id: 'art28-3-c-tom-changes', status: 'partial', missing: ['changes of the measures require neither approval nor notice'], text: sec('Sicherheit', 'Änderungen der Maßnahmen dürfen das vereinbarte Schutzniveau nicht unterschreiten.') },
  { id: 'art28-3-c-tom-changes', status: 'missing', text: sec('Sicherheit', 'Der Auftragnehmer trifft die in Anlage 1 beschriebenen Maßnahmen.') },
  // 13 authorisation of sub-processors
  { id: 'art28-2-subprocessor-authorisation', status: 'present', text: sec('Unterauftragsverarbeiter', 'Der Verantwortliche erteilt die allgemeine Genehmigung zur Beauftragung weiterer Auftragsverarbeiter.', 'Der Auftragsverarbeiter informiert den Verantwortlichen mindestens vier Wochen vor jeder beabsichtigten Änderung in Textform. Der Verantwortliche kann der Änderung binnen zwei Wochen widersprechen.') },
  { id: 'art28-2-subprocessor-authorisation', status: 'present', note: 'specific authorisation', text: sec('Subunternehmer', 'Der Auftragnehmer darf Subunternehmer nur mit vorheriger schriftlicher Zustimmung des Auftraggebers im Einzelfall einsetzen.') },
  { id: 'art28-2-subprocessor-authorisation', status: 'partial', missing: ['no right to object to intended changes'], text: sec('Unterauftragnehmer', 'Der Auftraggeber genehmigt allgemein den Einsatz von Unterauftragnehmern.', 'Der Auftragnehmer informiert den Auftraggeber über jede beabsichtigte Änderung.') },
  { id: 'art28-2-subprocessor-authorisation', status: 'partial', missing: ['objection only for an important reason'], text: sec('Unterauftragnehmer', 'Der Auftraggeber genehmigt allgemein den Einsatz von Unterauftragnehmern.', 'Der Auftragnehmer informiert den Auftraggeber vier Wochen vor jeder beabsichtigten Änderung; der Auftraggeber kann nur aus wichtigem Grund widersprechen.') },
  { id: 'art28-2-subprocessor-authorisation', status: 'partial', missing: ['prior authorisation by the controller is not required'], text: sec('Subunternehmer', 'Der Auftragnehmer ist berechtigt, Subunternehmer einzusetzen.') },
  { id: 'art28-2-subprocessor-authorisation', status: 'missing', text: sec('Haftung', 'Der Auftragnehmer haftet nach den gesetzlichen Vorschriften.') },
  // 14 flow-down
  { id: 'art28-4-flowdown', status: 'present', text: sec('Unterauftragnehmer', 'Der Auftragnehmer erlegt jedem Unterauftragnehmer vertraglich dieselben Datenschutzpflichten auf, die in diesem Vertrag festgelegt sind.') },
  { id: 'art28-4-flowdown', status: 'partial', missing: ['only some obligations (e.g. confidentiality) are passed on, not the same data protection obligations'], text: sec('Subunternehmer', 'Der Auftragnehmer verpflichtet seine Subunternehmer zur Vertraulichkeit.') },
  { id: 'art28-4-flowdown', status: 'partial', missing: ['only careful selection is required, not the same data protection obligations'], text: sec('Unterauftragnehmer', 'Der Auftragnehmer wählt Unterauftragnehmer unter besonderer Berücksichtigung ihrer Eignung sorgfältig aus.') },
  { id: 'art28-4-flowdown', status: 'missing', text: sec('Unterauftragnehmer', 'Der Auftraggeber genehmigt die in Anlage 2 aufgeführten Unterauftragnehmer.') },
  // 15 liability for sub-processors
  { id: 'art28-4-liability', status: 'present', text: sec('Unterauftragnehmer', 'Der Auftragnehmer haftet gegenüber dem Auftraggeber für die Einhaltung der Pflichten seiner Unterauftragnehmer wie für eigenes Verschulden.') },
  { id: 'art28-4-liability', status: 'partial', missing: ['liability for sub-processors is limited below the statutory level'], text: sec('Unterauftragnehmer', 'Der Auftragnehmer haftet gegenüber dem Auftraggeber für die Einhaltung der Pflichten seiner Unterauftragnehmer.') + sec('Haftung', 'Die Haftung des Auftragnehmers ist auf den Betrag der jährlichen Vergütung begrenzt.') },
  { id: 'art28-4-liability', status: 'missing', text: sec('Unterauftragnehmer', 'Der Auftragnehmer setzt Unterauftragnehmer nur mit Genehmigung des Auftraggebers ein.') },
  // 16 list of sub-processors
  { id: 'subprocessor-list', status: 'present', text: sec('Unterauftragnehmer', 'Genehmigt sind die in Anlage 2 aufgeführten Unterauftragnehmer.') + SUB_TABLE('| Rechenzentrum Nord GmbH | Hafenstraße 1, 20457 Hamburg | Serverbetrieb | Hamburg, Deutschland |') },
  { id: 'subprocessor-list', status: 'present', note: 'no sub-processors at all', text: sec('Unterauftragnehmer', 'Der Auftragnehmer setzt derzeit keine Unterauftragnehmer ein.') },
  { id: 'subprocessor-list', status: 'partial', missing: ['entries lack the address'], text: '## Anlage 2 – Unterauftragnehmer\n\n| Unterauftragnehmer | Leistung | Verarbeitungsort |\n|---|---|---|\n| Rechenzentrum Nord GmbH | Serverbetrieb | Hamburg, Deutschland |\n' },
  { id: 'subprocessor-list', status: 'partial', missing: ['the list is referenced but not attached'], text: sec('Unterauftragnehmer', 'Der Auftraggeber genehmigt die in Anlage 2 aufgeführten Unterauftragnehmer.') },
  { id: 'subprocessor-list', status: 'missing', text: sec('Unterauftragnehmer', 'Der Auftragnehmer informiert den Auftraggeber vor jedem Einsatz eines Unterauftragnehmers.') },
  // 17 notice period
  { id: 'subprocessor-notice-period', status: 'present', text: sec('Unterauftragnehmer', 'Der Auftragnehmer informiert den Auftraggeber mindestens vier Wochen vor jeder beabsichtigten Änderung in Textform über neue Unterauftragnehmer; der Auftraggeber kann binnen zwei Wochen widersprechen.') },
  { id: 'subprocessor-notice-period', status: 'partial', missing: ['only an indefinite period ("reasonable time") instead of a concrete notice period'], text: sec('Unterauftragnehmer', 'Der Auftragnehmer informiert den Auftraggeber rechtzeitig per E-Mail über jede beabsichtigte Änderung der Unterauftragnehmer.') },
  { id: 'subprocessor-notice-period', status: 'missing', text: sec('Unterauftragnehmer', 'Der Auftraggeber erteilt die allgemeine Genehmigung zum Einsatz von Unterauftragnehmern.') },
  { id: 'subprocessor-notice-period', status: 'n/a', note: 'specific authorisation only', text: sec('Subunternehmer', 'Der Auftragnehmer darf Subunternehmer nur mit vorheriger schriftlicher Zustimmung des Auftraggebers im Einzelfall einsetzen.') },
  // 18 carve-out for ancillary services (conditional)
  { id: 'subprocessor-ancillary-scope', status: 'present', text: sec('Unterauftragsverhältnisse', 'Nicht als Unterauftragsverhältnisse gelten Nebenleistungen ohne Zugriff auf personenbezogene Daten, etwa Telekommunikation oder Postdienste.', 'Wartung und Fernwartung von IT-Systemen gelten als Unterauftragsverhältnisse, wenn ein Zugriff auf personenbezogene Daten nicht ausgeschlossen werden kann.') },
  { id: 'subprocessor-ancillary-scope', status: 'partial', missing: ['maintenance or disposal of data carriers is carved out although access to data cannot be excluded'], text: sec('Unterauftragsverhältnisse', 'Nicht als Unterauftragsverhältnisse gelten Nebenleistungen wie Telekommunikation, Wartung und Benutzerservice oder die Entsorgung von Datenträgern. Der Auftragnehmer trifft jedoch angemessene vertragliche Vereinbarungen und Kontrollmaßnahmen.') },
  { id: 'subprocessor-ancillary-scope', status: 'partial', missing: ['the carve-out does not exclude services with access to personal data'], text: sec('Unterauftragsverhältnisse', 'Nebenleistungen Dritter gelten nicht als Unterauftragsverhältnisse.') },
  { id: 'subprocessor-ancillary-scope', status: 'n/a', text: sec('Unterauftragnehmer', 'Der Auftraggeber genehmigt die in Anlage 2 aufgeführten Unterauftragnehmer.') },
  // 19 data-subject rights
  { id: 'art28-3-e-data-subject-rights', status: 'present', text: sec('Unterstützung', DSR) },
  { id: 'art28-3-e-data-subject-rights', status: 'partial', missing: ['only forwarding of requests; no support in answering them'], text: sec('Betroffenenrechte', 'Anfragen betroffener Personen leitet der Auftragnehmer unverzüglich an den Auftraggeber weiter.') },
  { id: 'art28-3-e-data-subject-rights', status: 'partial', missing: ['support covers only individual rights, not all rights of Chapter III (Art. 12–22)'], text: sec('Betroffenenrechte', 'Der Auftragnehmer unterstützt den Auftraggeber bei Auskunftsersuchen betroffener Personen.') },
  { id: 'art28-3-e-data-subject-rights', status: 'partial', missing: ['support is limited to the agreed scope of services'], text: sec('Betroffenenrechte', 'Der Auftragnehmer unterstützt den Auftraggeber bei der Erfüllung der Rechte der betroffenen Personen, soweit dies vom vereinbarten Leistungsumfang umfasst ist.') },
  { id: 'art28-3-e-data-subject-rights', status: 'missing', text: sec('Unterstützung', 'Der Auftragnehmer unterstützt den Auftraggeber bei Datenschutz-Folgenabschätzungen.') },
  // 20 forwarding
  { id: 'dsr-forwarding', status: 'present', text: sec('Betroffenenrechte', 'Wendet sich eine betroffene Person unmittelbar an den Auftragnehmer, leitet dieser das Ersuchen unverzüglich an den Auftraggeber weiter.') },
  { id: 'dsr-forwarding', status: 'partial', missing: ['forwarding is not required "without undue delay"'], text: sec('Betroffenenrechte', 'Anfragen betroffener Personen leitet der Auftragnehmer an den Auftraggeber weiter.') },
  { id: 'dsr-forwarding', status: 'missing', text: sec('Unterstützung', DSR) },
  // 21 Art. 32–36
  { id: 'art28-3-f-assist-32-36', status: 'present', text: sec('Unterstützung', 'Der Auftragnehmer unterstützt den Auftraggeber bei der Einhaltung der in Art. 32 bis 36 DSGVO genannten Pflichten.') },
  { id: 'art28-3-f-assist-32-36', status: 'partial', missing: ['support with the security of processing (Art. 32) is missing', 'support with communicating breaches to data subjects (Art. 34) is missing', 'support with data protection impact assessments (Art. 35) is missing', 'support with prior consultation (Art. 36) is missing'], text: sec('Unterstützung', 'Der Auftragnehmer unterstützt den Auftraggeber bei der Meldung von Datenpannen an die Aufsichtsbehörde.') },
  { id: 'art28-3-f-assist-32-36', status: 'missing', text: sec('Unterstützung', 'Der Auftragnehmer unterstützt den Auftraggeber bei Anfragen betroffener Personen.') },
  // 22 breach notification
  { id: 'art33-2-breach-notification', status: 'present', text: sec('Datenpannen', BREACH) },
  { id: 'art33-2-breach-notification', status: 'partial', missing: ['72 hours instead of "without undue delay"'], text: sec('Datenpannen', 'Der Auftragnehmer meldet dem Auftraggeber Verletzungen des Schutzes personenbezogener Daten innerhalb von 72 Stunden.') },
  { id: 'art33-2-breach-notification', status: 'partial', missing: ['a deadline of more than 72 hours instead of "without undue delay"'], text: sec('Datenpannen', 'Der Auftragnehmer informiert den Auftraggeber über Datenschutzverletzungen innerhalb von fünf Werktagen.') },
  { id: 'art33-2-breach-notification', status: 'partial', missing: ['only significant breaches must be notified'], text: sec('Datenpannen', 'Der Auftragnehmer informiert den Auftraggeber unverzüglich über erhebliche Datenschutzverletzungen.') },
  { id: 'art33-2-breach-notification', status: 'partial', missing: ['notification is not required "without undue delay"'], text: sec('Datenpannen', 'Der Auftragnehmer informiert den Auftraggeber über Verletzungen des Schutzes personenbezogener Daten.') },
  { id: 'art33-2-breach-notification', status: 'missing', text: sec('Vorfälle', 'Der Auftragnehmer dokumentiert Sicherheitsvorfälle intern.') },
  // 23 content of the notice
  { id: 'art33-3-breach-content', status: 'present', text: sec('Datenpannen', BREACH, 'Die Meldung enthält zumindest folgende Informationen:\na) eine Beschreibung der Art der Verletzung mit den Kategorien und der ungefähren Zahl der betroffenen Personen;\nb) den Namen und die Kontaktdaten einer Anlaufstelle;\nc) die wahrscheinlichen Folgen;\nd) die ergriffenen oder vorgeschlagenen Maßnahmen.') },
  { id: 'art33-3-breach-content', status: 'partial', missing: ['only "all relevant information"; the minimum content of the notification is not listed'], text: sec('Datenpannen', 'Der Auftragnehmer meldet dem Auftraggeber Verletzungen des Schutzes personenbezogener Daten unverzüglich und übermittelt dabei alle relevanten Informationen.') },
  { id: 'art33-3-breach-content', status: 'partial', missing: ['the contact point is missing', 'the likely consequences are missing'], text: sec('Datenpannen', BREACH, 'Die Meldung enthält eine Beschreibung der Art der Verletzung und die ergriffenen Maßnahmen.') },
  { id: 'art33-3-breach-content', status: 'missing', text: sec('Datenpannen', BREACH) },
  // 24 deletion or return
  { id: 'art28-3-g-delete-return', status: 'present', text: sec('Löschung und Rückgabe', DELETION) },
  { id: 'art28-3-g-delete-return', status: 'partial', missing: ['return as an alternative to deletion is missing'], text: sec('Löschung', 'Nach Vertragsende löscht der Auftragnehmer alle Daten einschließlich sämtlicher Kopien.') },
  { id: 'art28-3-g-delete-return', status: 'partial', missing: ['the processor, not the controller, chooses between deletion and return'], text: sec('Vertragsende', 'Nach Vertragsende gibt der Auftragnehmer die Daten nach seiner Wahl zurück oder löscht sie einschließlich aller Kopien.') },
  { id: 'art28-3-g-delete-return', status: 'partial', missing: ['copies or backups are excluded from deletion'], text: sec('Löschung und Rückgabe', 'Nach Vertragsende löscht der Auftragnehmer nach Wahl des Auftraggebers alle Daten oder gibt sie zurück. Datensicherungen sind von der Löschung ausgenommen.') },
  { id: 'art28-3-g-delete-return', status: 'present', note: 'the end named earlier in the Absatz; separable "gibt … zurück"', text: sec('Ende', 'Mit Ende der Zusammenarbeit löscht der Auftragnehmer die Abonnentenliste. Auf Verlangen des Auftraggebers gibt der Auftragnehmer die Daten stattdessen an ihn zurück und löscht anschließend die vorhandenen Kopien.') },
  { id: 'art28-3-g-delete-return', status: 'missing', text: sec('Vertragsende', 'Die Pflichten aus diesem Vertrag gelten über das Vertragsende hinaus fort.') },
  // 25 confirmation of deletion
  { id: 'deletion-confirmation', status: 'present', text: sec('Löschung', DELETION, 'Der Auftragnehmer bestätigt dem Auftraggeber die Löschung in Textform (Löschprotokoll).') },
  { id: 'deletion-confirmation', status: 'missing', text: sec('Löschung', DELETION) },
  // 26 audits including inspections
  { id: 'art28-3-h-audits', status: 'present', text: sec('Kontrollrechte', 'Der Auftragnehmer stellt dem Auftraggeber alle erforderlichen Informationen zum Nachweis der Einhaltung seiner Pflichten zur Verfügung und ermöglicht Überprüfungen einschließlich Inspektionen durch den Auftraggeber oder einen von ihm beauftragten Prüfer.') },
  { id: 'art28-3-h-audits', status: 'partial', missing: ['inspections / on-site audits are missing'], note: 'negation', text: sec('Kontrollrechte', 'Der Auftragnehmer stellt dem Auftraggeber auf Anfrage alle Informationen zum Nachweis der Einhaltung seiner Pflichten zur Verfügung.', 'Der Auftragnehmer ist nicht verpflichtet, Vor-Ort-Kontrollen zu dulden.') },
  { id: 'art28-3-h-audits', status: 'partial', missing: ['inspections / on-site audits are missing'], text: sec('Nachweise', 'Der Auftragnehmer weist die Einhaltung seiner Pflichten durch aktuelle Zertifikate nach ISO 27001 nach.') },
  { id: 'art28-3-h-audits', status: 'partial', missing: ['the auditor is chosen by the processor'], text: sec('Kontrollrechte', 'Der Auftragnehmer stellt alle erforderlichen Informationen zur Verfügung und ermöglicht Inspektionen durch einen vom Auftragnehmer ausgewählten Prüfer.') },
  { id: 'art28-3-h-audits', status: 'partial', missing: ['restrictive conditions on audits (frequency, costs or notice)'], text: sec('Kontrollrechte', 'Der Auftragnehmer stellt alle erforderlichen Informationen zur Verfügung und ermöglicht Inspektionen durch den Auftraggeber höchstens einmal pro Kalenderjahr auf Kosten des Auftraggebers.') },
  { id: 'art28-3-h-audits', status: 'missing', text: sec('Sicherheit', 'Der Auftragnehmer überprüft die Wirksamkeit seiner Maßnahmen jährlich.') },
  // 27 infringing instructions
  { id: 'art28-3-uabs2-infringing-instruction', status: 'present', text: sec('Weisungen', 'Ist der Auftragnehmer der Ansicht, dass eine Weisung gegen Datenschutzvorschriften verstößt, informiert er den Auftraggeber unverzüglich.') },
  { id: 'art28-3-uabs2-infringing-instruction', status: 'partial', missing: ['the processor need not inform "immediately" ("unverzüglich")'], text: sec('Weisungen', 'Hält der Auftragnehmer eine Weisung für rechtswidrig, weist er den Auftraggeber darauf hin.') },
  { id: 'art28-3-uabs2-infringing-instruction', status: 'partial', missing: ['informing the controller is only a right, not an obligation'], text: sec('Weisungen', 'Hält der Auftragnehmer eine Weisung für rechtswidrig, ist er berechtigt, den Auftraggeber unverzüglich darauf hinzuweisen und die Ausführung auszusetzen.') },
  { id: 'art28-3-uabs2-infringing-instruction', status: 'missing', text: sec('Weisungen', 'Weisungen erteilt der Auftraggeber in Textform.') },
  // 28 written form
  { id: 'art28-9-written-form', status: 'present', text: sec('Schlussbestimmungen', 'Änderungen und Ergänzungen dieses Vertrages bedürfen der Textform.') },
  { id: 'art28-9-written-form', status: 'present', note: 'signed', text: sec('Schlussbestimmungen', 'Es gilt deutsches Recht.') + 'Berlin, den 1. März 2026\n\n______________________________\nMuster Handel GmbH\n\n______________________________\nDatenwerk Hosting AG\n' },
  { id: 'art28-9-written-form', status: 'partial', missing: ['unsigned template without a form clause (written or electronic form)'], text: sec('Schlussbestimmungen', 'Es gilt deutsches Recht.') + 'Ort, Datum: ____________________\n\n______________________________\nAuftraggeber\n\n______________________________\nAuftragnehmer\n' },
  { id: 'art28-9-written-form', status: 'missing', text: sec('Schlussbestimmungen', 'Es gilt deutsches Recht.') },
  // 29 staff on instructions
  { id: 'art29-staff-instructions', status: 'present', text: sec('Pflichten des Auftragnehmers', 'Der Auftragnehmer stellt sicher, dass die ihm unterstellten Personen die Daten nur auf Weisung des Auftraggebers verarbeiten.') },
  { id: 'art29-staff-instructions', status: 'partial', missing: ["persons under the processor's authority are not bound to process only on instructions"], text: sec('Pflichten des Auftragnehmers', 'Die Beschäftigten des Auftragnehmers erhalten Zugriff auf die Daten nur, soweit dies für ihre Aufgaben erforderlich ist.') },
  { id: 'art29-staff-instructions', status: 'missing', text: sec('Pflichten des Auftragnehmers', 'Der Auftragnehmer hat einen Datenschutzbeauftragten benannt.') },
  // 30 purpose limitation
  { id: 'purpose-limitation', status: 'present', text: sec('Weisungen', 'Der Auftragnehmer verarbeitet die Daten nicht für eigene Zwecke.') },
  { id: 'purpose-limitation', status: 'partial', missing: ["the contract allows use of the data for the processor's own purposes (e.g. product improvement, analytics, AI training)"], text: sec('Nutzung', 'Der Auftragnehmer ist berechtigt, die Daten in anonymisierter Form für eigene Zwecke, insbesondere zur Produktverbesserung, zu nutzen.') },
  { id: 'purpose-limitation', status: 'missing', text: sec('Weisungen', 'Der Auftragnehmer verarbeitet die Daten auf Weisung des Auftraggebers.') },
  // 31 special categories (conditional)
  { id: 'sensitive-data-safeguards', status: 'present', text: sec('Art der Daten', 'Verarbeitet werden Stammdaten und Gesundheitsdaten der Patienten.', 'Für Gesundheitsdaten gelten zusätzliche Schutzmaßnahmen: Zugriff nur durch namentlich benannte Mitarbeiter und Verschlüsselung auf Feldebene.') },
  { id: 'sensitive-data-safeguards', status: 'partial', missing: ['special categories of data are listed, but no specific safeguards'], text: sec('Art der Daten', 'Verarbeitet werden Stammdaten und Gesundheitsdaten der Patienten.') },
  { id: 'sensitive-data-safeguards', status: 'n/a', text: sec('Art der Daten', 'Verarbeitet werden Stammdaten. Besondere Kategorien personenbezogener Daten im Sinne von Art. 9 DSGVO werden nicht verarbeitet.') },
  // 32 locations and transfers
  { id: 'art44-transfers', status: 'present', text: sec('Ort der Verarbeitung', 'Die Verarbeitung findet ausschließlich in der Europäischen Union statt. Eine Übermittlung in ein Drittland erfolgt nur auf dokumentierte Weisung des Auftraggebers und auf Grundlage von Standardvertragsklauseln nach Art. 46 Abs. 2 lit. c DSGVO.') },
  { id: 'art44-transfers', status: 'partial', missing: ['third-country processing is provided for without a transfer mechanism (Art. 45–49)', 'the processing locations are not named'], text: sec('Übermittlungen', 'Der Auftragnehmer darf Daten in Drittländer übermitteln, wenn dies für die Leistungserbringung erforderlich ist.') },
  { id: 'art44-transfers', status: 'partial', missing: ['third-country processing is provided for without a transfer mechanism (Art. 45–49)', 'contradictory: processing only in the EU/EEA, but a sub-processor is located in a third country'], text: sec('Ort der Verarbeitung', 'Die Verarbeitung erfolgt ausschließlich in Deutschland.') + SUB_TABLE('| Cloud Services Inc. | 1 Main Street, Seattle, USA | Hosting | Seattle, USA |') },
  { id: 'art44-transfers', status: 'missing', text: sec('Pflichten', 'Der Auftragnehmer benennt einen Datenschutzbeauftragten.') },
  // 33 records of processing
  { id: 'art30-records', status: 'present', text: sec('Pflichten des Auftragnehmers', 'Der Auftragnehmer führt ein Verzeichnis von Verarbeitungstätigkeiten nach Art. 30 Abs. 2 DSGVO und wirkt an dem Verzeichnis des Auftraggebers mit.') },
  { id: 'art30-records', status: 'partial', missing: ["cooperation with the controller's records is missing"], text: sec('Pflichten des Auftragnehmers', 'Der Auftragnehmer führt ein Verzeichnis aller Kategorien von im Auftrag durchgeführten Tätigkeiten der Verarbeitung.') },
  { id: 'art30-records', status: 'missing', text: sec('Pflichten des Auftragnehmers', 'Der Auftragnehmer dokumentiert seine Maßnahmen.') },
  // 34 data protection officer
  { id: 'art37-dpo-contact', status: 'present', text: sec('Pflichten des Auftragnehmers', 'Datenschutzbeauftragter des Auftragnehmers ist Herr Max Muster, datenschutz@datenwerk.example, Tel. +49 30 123456.') },
  { id: 'art37-dpo-contact', status: 'partial', missing: ['only a promise to name the data protection officer later; no contact details'], text: sec('Pflichten des Auftragnehmers', 'Der Auftragnehmer teilt dem Auftraggeber Namen und Kontaktdaten seines Datenschutzbeauftragten auf Anfrage mit.') },
  { id: 'art37-dpo-contact', status: 'partial', missing: ['a contact person is named instead of the data protection officer'], text: sec('Pflichten des Auftragnehmers', 'Ansprechpartner für den Datenschutz beim Auftragnehmer ist Frau Erika Muster, datenschutz@datenwerk.example.') },
  { id: 'art37-dpo-contact', status: 'missing', text: sec('Pflichten des Auftragnehmers', 'Der Auftragnehmer arbeitet mit der Aufsichtsbehörde zusammen.') },
  // 35 supervisory authority
  { id: 'art31-cooperation-sa', status: 'present', text: sec('Pflichten des Auftragnehmers', 'Der Auftragnehmer arbeitet mit der Aufsichtsbehörde zusammen und informiert den Auftraggeber unverzüglich über Kontrollhandlungen und Maßnahmen der Aufsichtsbehörde.') },
  { id: 'art31-cooperation-sa', status: 'partial', missing: ['cooperation with the supervisory authority is missing'], text: sec('Pflichten des Auftragnehmers', 'Der Auftragnehmer informiert den Auftraggeber unverzüglich über Kontrollen der Aufsichtsbehörde.') },
  { id: 'art31-cooperation-sa', status: 'missing', text: sec('Unterstützung', 'Der Auftragnehmer unterstützt den Auftraggeber bei der vorherigen Konsultation der Aufsichtsbehörde.') },
  // 36 persons for instructions
  { id: 'instruction-authorised-persons', status: 'present', text: sec('Weisungen', 'Weisungsberechtigt ist beim Auftraggeber die Leitung IT; Weisungsempfänger beim Auftragnehmer ist der Datenschutzkoordinator.') },
  { id: 'instruction-authorised-persons', status: 'missing', text: sec('Weisungen', 'Weisungen erteilt der Auftraggeber in Textform.') },
  // 37 termination for cause
  { id: 'termination-for-cause', status: 'present', text: sec('Kündigung', 'Der Auftraggeber kann diesen Vertrag fristlos kündigen, wenn der Auftragnehmer schwerwiegend gegen Datenschutzvorschriften verstößt.') },
  { id: 'termination-for-cause', status: 'partial', missing: ['termination for cause is not linked to breaches of data protection'], text: sec('Laufzeit', 'Das Recht zur außerordentlichen Kündigung aus wichtigem Grund bleibt unberührt.') },
  { id: 'termination-for-cause', status: 'missing', text: sec('Laufzeit', 'Dieser Vertrag endet mit dem Hauptvertrag.') },
  // 38 no right of retention
  { id: 'no-retention-right', status: 'present', text: sec('Löschung', 'Ein Zurückbehaltungsrecht des Auftragnehmers an den Daten ist ausgeschlossen.') },
  { id: 'no-retention-right', status: 'missing', note: 'a retention right granted', text: sec('Löschung', 'Dem Auftragnehmer steht ein Zurückbehaltungsrecht zu, solange Vergütungsansprüche offen sind.') },
  { id: 'no-retention-right', status: 'missing', text: sec('Rückgabe', 'Der Auftragnehmer gibt die Datenträger nach Vertragsende zurück.') },
  // 39 seizure and insolvency
  { id: 'seizure-insolvency-notice', status: 'present', text: sec('Pflichten des Auftragnehmers', 'Werden die Daten beim Auftragnehmer durch Pfändung, Beschlagnahme oder ein Insolvenzverfahren gefährdet, informiert der Auftragnehmer den Auftraggeber unverzüglich.') },
  { id: 'seizure-insolvency-notice', status: 'missing', text: sec('Pflichten des Auftragnehmers', 'Der Auftragnehmer informiert den Auftraggeber über Kontrollen der Aufsichtsbehörde.') },
  // 40 precedence
  { id: 'precedence-clause', status: 'present', text: sec('Schlussbestimmungen', 'Bei Widersprüchen zwischen diesem Vertrag und sonstigen Vereinbarungen der Parteien geht dieser Vertrag vor.') },
  { id: 'precedence-clause', status: 'partial', missing: ['precedence only over specific documents (e.g. the main contract), not over all other agreements'], text: sec('Schlussbestimmungen', 'Bei Widersprüchen zum Hauptvertrag gehen die Regelungen dieses Vertrages vor.') },
  { id: 'precedence-clause', status: 'missing', text: sec('Schlussbestimmungen', 'Sollte eine Bestimmung unwirksam sein, bleibt der Vertrag im Übrigen wirksam.') },
  // 41–44 TOM annex
  { id: 'art32-1-a-pseudo-encryption', status: 'present', text: tomAnnex('Verschlüsselung aller Verbindungen mit TLS 1.3', 'Pseudonymisierung der Daten in Testsystemen') },
  { id: 'art32-1-a-pseudo-encryption', status: 'partial', missing: ['pseudonymisation is not addressed'], text: tomAnnex('Verschlüsselung aller Verbindungen mit TLS 1.3', 'Zutritt nur mit Chipkarte') },
  { id: 'art32-1-a-pseudo-encryption', status: 'missing', text: tomAnnex('Zutritt nur mit Chipkarte', 'Tägliche Datensicherung') },
  { id: 'art32-1-b-cia-resilience', status: 'present', text: tomAnnex('Zugriff nach Rollen- und Berechtigungskonzept', 'Protokollierung aller Änderungen', 'Redundante Stromversorgung', 'Lastverteilung auf mehrere Server') },
  { id: 'art32-1-b-cia-resilience', status: 'partial', missing: ['measures for resilience are missing'], text: tomAnnex('Zugriff nach Rollen- und Berechtigungskonzept', 'Protokollierung aller Änderungen', 'Redundante Stromversorgung') },
  { id: 'art32-1-b-cia-resilience', status: 'missing', text: tomAnnex('Pseudonymisierung der Testdaten', 'Schulung der Mitarbeiter') },
  { id: 'art32-1-c-restore', status: 'present', text: tomAnnex('Tägliche Datensicherung', 'Dokumentierter Wiederherstellungsprozess, halbjährlich getestet') },
  { id: 'art32-1-c-restore', status: 'partial', missing: ['only backups; no restore process'], text: tomAnnex('Tägliche Datensicherung auf Band') },
  { id: 'art32-1-c-restore', status: 'missing', text: tomAnnex('Verschlüsselung mit AES-256') },
  { id: 'art32-1-d-review', status: 'present', text: tomAnnex('Jährlicher Penetrationstest durch einen externen Dienstleister') },
  { id: 'art32-1-d-review', status: 'partial', missing: ['only a heading; no review procedure is described'], text: '## Anlage 1 – Technische und organisatorische Maßnahmen\n\n### Verfahren zur regelmäßigen Überprüfung\n\n- siehe Sicherheitskonzept\n' },
  { id: 'art32-1-d-review', status: 'missing', text: tomAnnex('Verschlüsselung mit AES-256') },
  // generalisations found with the corpus (test/fixtures/corpus): synonyms, inflection, separable verbs, pronouns
  { id: 'art28-4-flowdown', status: 'present', note: 'umlaut inflection "überträgt", pronoun for the sub-processors', text: sec('Unterauftragnehmer', 'Unterauftragnehmer dürfen nur mit Zustimmung des Auftraggebers im Einzelfall eingesetzt werden. Der Auftragnehmer überträgt ihnen dieselben Pflichten, die ihn nach diesem Vertrag treffen.') },
  { id: 'art28-4-liability', status: 'partial', missing: ['liability for sub-processors is limited below the statutory level'], note: 'compound "Haftungsbeschränkungen"', text: sec('Unterauftragnehmer', 'Für Unterauftragnehmer haftet der Auftragnehmer nur im Rahmen der Haftungsbeschränkungen des Hauptvertrages.') },
  { id: 'subprocessor-notice-period', status: 'present', note: 'separable verb "kündigt … an"', text: sec('Unterauftragnehmer', 'Der Auftraggeber genehmigt die in Anlage 2 aufgeführten Unterauftragnehmer. Änderungen kündigt der Auftragnehmer mindestens vier Wochen vorher per E-Mail an; der Auftraggeber kann ihnen widersprechen.') },
  { id: 'art28-3-c-tom-changes', status: 'present', note: '"stimmt … mit dem Auftraggeber ab"', text: sec('Sicherheit', 'Der Auftragnehmer trifft die vereinbarten Maßnahmen. Änderungen der Maßnahmen stimmt er vorher mit dem Auftraggeber ab.') },
  { id: 'art37-dpo-contact', status: 'partial', missing: ['only a promise to name the data protection officer later; no contact details'], note: '"Beauftragter für den Datenschutz"', text: sec('Pflichten des Auftragnehmers', 'Der Auftragnehmer hat einen Beauftragten für den Datenschutz bestellt. Dessen Kontaktdaten werden dem Auftraggeber gesondert mitgeteilt.') },
  { id: 'purpose-limitation', status: 'present', note: 'a prohibition is a limitation ("ist untersagt")', text: sec('Weisungen', 'Eine Verarbeitung für eigene Zwecke des Auftragnehmers, auch in anonymisierter Form, ist untersagt.') },
  { id: 'dsr-forwarding', status: 'present', note: 'the data subjects named by their group', text: sec('Unterstützung', 'Anfragen von Beschäftigten, die unmittelbar beim Auftragnehmer eingehen, leitet er unverzüglich an den Auftraggeber weiter.') },
  { id: 'subprocessor-ancillary-scope', status: 'n/a', note: '"setzt keine Unterauftragnehmer ein" is no carve-out', text: sec('Unterauftragnehmer', 'Der Auftragnehmer setzt derzeit keine Unterauftragnehmer ein.') },
  // found on a blind held-out corpus (a complete authority contract that had five false findings)
  { id: 'art28-3-s1-subject-matter', status: 'present', note: 'nominal "Gegenstand ist der Betrieb …"', text: sec('Gegenstand', 'Gegenstand ist der Betrieb der Fachanwendung des Auftraggebers als Cloud-Dienst einschließlich Datensicherung.') },
  { id: 'art28-2-subprocessor-authorisation', status: 'present', note: 'specific authorisation; the list is the one given at signing', text: sec('Unterauftragsverhältnisse', 'Der Auftragnehmer darf Unterauftragnehmer nur mit vorheriger gesonderter Genehmigung des Auftraggebers in Textform einsetzen. Die in Anlage 2 genannten Unterauftragnehmer gelten mit Unterzeichnung als genehmigt.') },
  { id: 'subprocessor-notice-period', status: 'n/a', note: 'specific authorisation with a list of those approved at signing', text: sec('Unterauftragsverhältnisse', 'Der Auftragnehmer darf Unterauftragnehmer nur mit vorheriger gesonderter Genehmigung des Auftraggebers in Textform einsetzen. Die in Anlage 2 genannten Unterauftragnehmer gelten mit Unterzeichnung als genehmigt.') },
  { id: 'art28-3-g-delete-return', status: 'present', note: 'a long separable "gibt … zurück"', text: sec('Rückgabe und Löschung', 'Nach Beendigung der Leistungen gibt der Auftragnehmer nach Wahl des Auftraggebers sämtliche Daten vollständig in einem vereinbarten maschinenlesbaren Format zurück oder löscht sie. Vorhandene Kopien einschließlich Datensicherungen löscht er spätestens 30 Tage nach Vertragsende, sofern keine gesetzliche Speicherpflicht besteht.') },
  { id: 'precedence-clause', status: 'present', note: 'a long list between "geht" and "vor"', text: sec('Schlussbestimmungen', 'Bei Widersprüchen geht dieser Vertrag dem Leistungsvertrag, den Ergänzenden Vertragsbedingungen, allen Geschäftsbedingungen des Auftragnehmers und sonstigen Vereinbarungen der Parteien vor.') },
  { id: 'art44-transfers', status: 'present', note: 'a named place, not only "in der EU"', text: sec('Ort der Verarbeitung', 'Die Verarbeitung erfolgt ausschließlich in Köln.') },
];

const ART28_CORE = requirementDetectors.slice(0, 28).map((d) => d.id);

describe('coverage: requirement cases', () => {
  for (const c of cases) {
    it(`${c.id}: ${c.status}${c.note ? ` (${c.note})` : ''}${c.missing ? ` – ${c.missing.join('; ')}` : ''}`, () => {
      const cov = assessCoverage(parse(c.text)).get(c.id)!;
      assert.equal(cov.status, c.status, `missing: ${cov.missing.join('; ')}`);
      if (c.missing) assert.deepEqual(cov.missing, c.missing);
      if (c.status === 'present' || c.status === 'partial') assert.ok(cov.evidence.length > 0, 'evidence');
    });
  }

  it('covers every requirement with a PRESENT case and a MISSING (or n/a) case', () => {
    for (const d of requirementDetectors) {
      assert.ok(cases.some((c) => c.id === d.id && c.status === 'present'), `${d.id}: no present case`);
      assert.ok(cases.some((c) => c.id === d.id && (c.status === 'missing' || c.status === 'n/a')), `${d.id}: no missing case`);
    }
  });

  it('reports only catalogued missing strings', () => {
    for (const c of cases) for (const m of c.missing ?? []) assert.ok(missingMessages.includes(m), m);
  });

  it('gives the same result for decomposed umlauts (NFD)', () => {
    for (const c of cases) {
      const a = assessCoverage(parse(c.text)).get(c.id)!;
      const b = assessCoverage(parse(c.text.normalize('NFD'))).get(c.id)!;
      assert.equal(b.status, a.status, c.text);
      assert.deepEqual(b.missing, a.missing);
    }
  });
});

describe('coverage: contracts', () => {
  const files: [string, () => ReturnType<typeof parse>][] = [
    ['examples/beispiel.avv.md', () => parse(fs.readFileSync(path.join(repoRoot, 'examples', 'beispiel.avv.md'), 'utf8'))],
    ['paragraphen.avv.md', () => parseFixture('paragraphen.avv.md')],
  ];
  for (const [name, load] of files) {
    it(`${name}: every Art. 28 requirement (rows 1–28) is PRESENT`, () => {
      const cov = assessCoverage(load());
      const wrong = ART28_CORE.filter((id) => cov.get(id)!.status !== 'present' && cov.get(id)!.status !== 'n/a').map((id) => `${id}: ${cov.get(id)!.status} ${cov.get(id)!.missing.join('; ')}`);
      assert.deepEqual(wrong, []);
    });
  }

  it('examples/beispiel.avv.md: the decomposed (NFD) text gives the same coverage', () => {
    const text = fs.readFileSync(path.join(repoRoot, 'examples', 'beispiel.avv.md'), 'utf8');
    const a = assessCoverage(parse(text));
    const b = assessCoverage(parse(text.normalize('NFD')));
    for (const [id, c] of a) assert.deepEqual([id, b.get(id)!.status, b.get(id)!.missing], [id, c.status, c.missing]);
  });

  it('the TOM requirements and further duties of examples/beispiel.avv.md are PRESENT as well', () => {
    const cov = assessCoverage(files[0]![1]());
    const wrong = [...cov].filter(([, c]) => c.status !== 'present' && c.status !== 'n/a').map(([id, c]) => `${id}: ${c.status}`);
    assert.deepEqual(wrong, []);
  });
});

describe('coverage: negation, deadlines, directives, anchors', () => {
  it('a negated inspection duty is no evidence (lit. h partial)', () => {
    const cov = assessCoverage(parse(sec('Kontrollen', 'Der Auftragnehmer stellt dem Auftraggeber Nachweise zur Verfügung.', 'Der Auftragnehmer ist nicht verpflichtet, Vor-Ort-Kontrollen zu dulden.'))).get('art28-3-h-audits')!;
    assert.equal(cov.status, 'partial');
    assert.deepEqual(cov.missing, ['inspections / on-site audits are missing']);
  });

  it('a negation inside a condition does not negate ("sofern … nicht ausgeschlossen werden kann")', () => {
    const cov = assessCoverage(parse(sec('Unterauftragnehmer', 'Nicht als Unterauftragnehmer gelten Postdienste ohne Zugriff auf Daten.', 'Wartung gilt als Unterauftragsverhältnis, sofern ein Zugriff auf Daten nicht ausgeschlossen werden kann.'))).get('subprocessor-ancillary-scope')!;
    assert.equal(cov.status, 'present');
  });

  it('"unverzüglich, spätestens innerhalb von 72 Stunden" still consumes the controller\'s deadline', () => {
    const cov = assessCoverage(parse(sec('Datenpannen', 'Der Auftragnehmer meldet dem Auftraggeber Verletzungen des Schutzes personenbezogener Daten unverzüglich, spätestens innerhalb von 72 Stunden.'))).get('art33-2-breach-notification')!;
    assert.deepEqual([cov.status, cov.missing], ['partial', ['72 hours instead of "without undue delay"']]);
  });

  it('"unverzüglich, spätestens innerhalb von 24 Stunden" is present', () => {
    const cov = assessCoverage(parse(sec('Datenpannen', 'Der Auftragnehmer meldet dem Auftraggeber jede Verletzung des Schutzes personenbezogener Daten unverzüglich, spätestens innerhalb von 24 Stunden.'))).get('art33-2-breach-notification')!;
    assert.equal(cov.status, 'present');
  });

  it('avv-assert with a reason makes a requirement present, with the directive as evidence', () => {
    const text = sec('Weisungen', INSTRUCTIONS) + '<!-- avv-assert art28-3-h-audits -- Kontrollrechte regelt § 9 des Hauptvertrages -->\n';
    const cov = assessCoverage(parse(text)).get('art28-3-h-audits')!;
    assert.equal(cov.status, 'present');
    assert.equal(cov.byDirective, true);
    assert.equal(cov.evidence[0]!.range.start.line, 4);
  });

  it('avv-not-applicable with a reason makes it n/a; without a reason it is ignored', () => {
    const na = assessCoverage(parse(sec('Weisungen', INSTRUCTIONS) + '<!-- avv-not-applicable art37-dpo-contact -- keine Benennungspflicht (§ 38 BDSG) -->\n')).get('art37-dpo-contact')!;
    assert.equal(na.status, 'n/a');
    const ignored = assessCoverage(parse(sec('Weisungen', INSTRUCTIONS) + '<!-- avv-not-applicable art37-dpo-contact -->\n')).get('art37-dpo-contact')!;
    assert.equal(ignored.status, 'missing');
  });

  it('anchors a missing requirement at its section, else before the final provisions, else at line 0', () => {
    n = 0;
    const text = sec('Gegenstand', 'Der Auftragnehmer hostet den Webshop des Auftraggebers.') + sec('Weisungen', 'Weisungen erteilt der Auftraggeber in Textform.') + sec('Schlussbestimmungen', 'Es gilt deutsches Recht.');
    const cov = assessCoverage(parse(text));
    assert.equal(cov.get('art28-3-a-instructions')!.anchor!.range.start.line, 4); // § 2 Weisungen
    assert.equal(cov.get('art33-2-breach-notification')!.anchor!.range.start.line, 4); // last § before § 3 Schlussbestimmungen
    assert.equal(cov.get('art28-3-a-instructions')!.anchorAtHome, true);
    assert.equal(cov.get('art33-2-breach-notification')!.anchorAtHome, false, 'a fallback, not the home of the clause');
    assert.equal(assessCoverage(parse('Ein Text ohne Gliederung.')).get('art33-2-breach-notification')!.anchor!.range.start.line, 0);
  });

  it('anchors the content of the breach notification at the section that imposes the notification', () => {
    n = 0;
    const text = sec('Gegenstand', 'Der Auftragnehmer hostet den Webshop des Auftraggebers.') + sec('Pflichten des Auftragnehmers', BREACH) + sec('Schlussbestimmungen', 'Es gilt deutsches Recht.');
    const cov = assessCoverage(parse(text)).get('art33-3-breach-content')!;
    assert.equal(cov.status, 'missing');
    assert.equal(cov.anchor!.range.start.line, 4); // § 2, not only the last section before the final provisions
    assert.equal(cov.anchorAtHome, true);
  });
});

describe('requirement rules', () => {
  it('has one rule per catalogued requirement, with metadata', () => {
    const ids = requirementRules.map((r) => r.id);
    assert.equal(new Set(ids).size, 44);
    const catalogue = [...testKnowledge().rules.values()].filter((m) => m.kind === 'requirement').map((m) => m.id).sort();
    assert.deepEqual([...ids].sort(), catalogue);
  });

  it('reports MISSING once at the anchor and PARTIAL at the evidence with the missing parts', () => {
    n = 0;
    const text = sec('Weisungen', 'Der Auftragnehmer verarbeitet die Daten ausschließlich auf dokumentierte Weisung des Auftraggebers.');
    const { findings } = analyze(parse(text), testKnowledge(), {}, requirementRules);
    const missing = findings.filter((f) => f.ruleId === 'art28-3-uabs2-infringing-instruction');
    assert.equal(missing.length, 1);
    assert.deepEqual(missing[0]!.range.start, { line: 0, character: 0 });
    assert.deepEqual(missing[0]!.data, { status: 'missing', missing: [] });
    const partial = findings.find((f) => f.ruleId === 'art28-3-a-instructions')!;
    assert.equal(partial.severity, 'error');
    assert.deepEqual(partial.range.start, { line: 2, character: 0 });
    assert.deepEqual(partial.data, { status: 'partial', missing: ['instructions on third-country transfers are not covered'] });
    assert.match(partial.message, /third-country transfers/);
  });

  it('waits for the first section of a new file, but not in a short contract with one section', () => {
    const k = testKnowledge();
    for (const text of ['', '\n\n', '---\ntitel: Entwurf\n---\n\nAuftragsverarbeitungsvertrag\n']) {
      assert.deepEqual(analyze(parse(text), k, {}, requirementRules).findings, [], JSON.stringify(text));
    }
    const oneSection = analyze(parse('## § 1 Gegenstand\n\nDer Auftragnehmer hostet die Website.\n'), k, {}, requirementRules).findings;
    assert.ok(oneSection.some((f) => f.ruleId === 'art28-3-h-audits' && f.data?.['status'] === 'missing'));
    const unstructured = 'Der Auftragnehmer verarbeitet personenbezogene Daten für den Auftraggeber. '.repeat(4);
    assert.ok(analyze(parse(unstructured), k, {}, requirementRules).findings.length > 0, 'a contract without headings is still checked');
  });

  it('lowers the severity of a partial finding on a disputed point only', () => {
    const text = sec('Technische und organisatorische Maßnahmen', 'Der Auftragnehmer darf die Maßnahmen anpassen, sofern das Sicherheitsniveau nicht unterschritten wird. Wesentliche Änderungen teilt er dem Auftraggeber mit.');
    const { findings } = analyze(parse(text), testKnowledge(), {}, requirementRules);
    const f = findings.find((x) => x.ruleId === 'art28-3-c-tom-changes')!;
    assert.equal(f.severity, 'info');
    assert.match(f.message, /disputed/);
  });

  it('reports nothing for a present requirement', () => {
    const { findings } = analyze(parseFixture('paragraphen.avv.md'), testKnowledge(), {}, requirementRules);
    assert.deepEqual(findings.filter((f) => ART28_CORE.includes(f.ruleId)).map((f) => f.ruleId), []);
  });
});
