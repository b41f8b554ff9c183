import { danglingReference } from './danglingReference.js';
import { directiveReason } from './directiveReason.js';
import { documentTooLarge } from './documentTooLarge.js';
import { frontMatterSyntax } from './frontMatterSyntax.js';
import { invalidCitation } from './invalidCitation.js';
import { outdatedReferences } from './outdatedReferences.js';
import { requirementRules } from './requirements.js';
import { structureRules } from './structure/index.js';
import type { Rule } from './types.js';

/** Every rule, imported explicitly. A meta-test checks that each has metadata and documentation. */
export const rules: readonly Rule[] = [
  ...requirementRules,
  outdatedReferences,
  danglingReference,
  ...structureRules,
  directiveReason,
  documentTooLarge,
  frontMatterSyntax,
  invalidCitation,
];
