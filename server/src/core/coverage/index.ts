/** Coverage of the legal requirements (Art. 28 GDPR catalogue): one detector per requirement. */
export { assessCoverage, assessRequirement, coverageFor } from './assess.js';
export { DetectorContext } from './context.js';
export { missingMessages } from './messages.js';
export { requirementDetectors } from './registry.js';
export type { Coverage, CoverageStatus, Detection, Detector, RequirementCoverage } from './types.js';
