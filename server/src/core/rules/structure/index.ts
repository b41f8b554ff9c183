import type { Rule } from '../types.js';
import { ambiguousTerm } from './ambiguousTerm.js';
import { conversionArtifact } from './conversionArtifact.js';
import { duplicateHeading } from './duplicateHeading.js';
import { emptySection } from './emptySection.js';
import { externalReference } from './externalReference.js';
import { inconsistentPartyName } from './inconsistentPartyName.js';
import { internalContradiction } from './internalContradiction.js';
import { missingAnnexHeading } from './missingAnnexHeading.js';
import { numberingFormat } from './numberingFormat.js';
import { numberingGap } from './numberingGap.js';
import { placeholder } from './placeholder.js';
import { subprocessorIncomplete } from './subprocessorIncomplete.js';
import { undefinedTerm } from './undefinedTerm.js';

export {
  ambiguousTerm, conversionArtifact, duplicateHeading, emptySection, externalReference, inconsistentPartyName,
  internalContradiction, missingAnnexHeading, numberingFormat, numberingGap, placeholder, subprocessorIncomplete, undefinedTerm,
};

/** The structural and drafting checks of ../shared/spec/structure-checks.md (dangling-reference lives in rules/). */
export const structureRules: Rule[] = [
  numberingGap,
  numberingFormat,
  duplicateHeading,
  missingAnnexHeading,
  externalReference,
  placeholder,
  conversionArtifact,
  undefinedTerm,
  ambiguousTerm,
  inconsistentPartyName,
  emptySection,
  subprocessorIncomplete,
  internalContradiction,
];
