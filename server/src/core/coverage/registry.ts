import { assist32to36, dataSubjectRights, dsrForwarding } from './detectors/assistance.js';
import { audits } from './detectors/audits.js';
import { breachContent, breachNotification } from './detectors/breach.js';
import { deleteReturn, deletionConfirmation, noRetentionRight } from './detectors/deletion.js';
import { authorisedPersons, infringingInstruction, instructions, legalObligation, purposeLimitation, staffInstructions } from './detectors/instructions.js';
import { dpoContact, precedence, records, seizureInsolvency, supervisoryAuthority, terminationForCause, writtenForm } from './detectors/misc.js';
import { controllerRights, partiesIdentified } from './detectors/parties.js';
import { dataSubjects, dataTypes, duration, naturePurpose, subjectMatter } from './detectors/scope.js';
import { confidentiality, security, tomChanges } from './detectors/security.js';
import { ancillaryScope, flowdown, subprocessorAuthorisation, subprocessorLiability, subprocessorList, subprocessorNoticePeriod } from './detectors/subprocessors.js';
import { ciaResilience, pseudonymisationEncryption, restore, review } from './detectors/tom.js';
import { sensitiveData, transfers } from './detectors/transfers.js';
import type { Detector } from './types.js';

/** One detector per requirement of the catalogue (docs: requirements.md), in the catalogue's order (rows 1–44). */
export const requirementDetectors: readonly Detector[] = [
  partiesIdentified, subjectMatter, duration, naturePurpose, dataTypes, dataSubjects, controllerRights,
  instructions, legalObligation, confidentiality, security, tomChanges,
  subprocessorAuthorisation, flowdown, subprocessorLiability, subprocessorList, subprocessorNoticePeriod, ancillaryScope,
  dataSubjectRights, dsrForwarding, assist32to36, breachNotification, breachContent,
  deleteReturn, deletionConfirmation, audits, infringingInstruction, writtenForm,
  staffInstructions, purposeLimitation, sensitiveData, transfers, records, dpoContact, supervisoryAuthority,
  authorisedPersons, terminationForCause, noRetentionRight, seizureInsolvency, precedence,
  pseudonymisationEncryption, ciaResilience, restore, review,
];
