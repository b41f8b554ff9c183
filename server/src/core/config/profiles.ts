import * as l10n from '@vscode/l10n';
import type { Knowledge } from '../knowledge/types.js';
import type { RuleMeta, Severity } from '../rules/types.js';

/**
 * Rule profiles and the project file `.avvrc.json`. The effective severity of a rule is, from weakest to
 * strongest: the catalogue default, the profile, the project file's `rules`, the editor settings
 * (`avv.rules`, or the CLI's `--rule`), and last the contract's own front matter (`regeln:`).
 */
export const PROFILES = ['standard', 'strict', 'minimal'] as const;
export type Profile = (typeof PROFILES)[number];
export type SeverityOverride = Severity | 'off';

export const PROFILE_DESCRIPTIONS: Record<Profile, { de: string; en: string }> = {
  standard: {
    de: 'Die Schweregrade des Anforderungskatalogs.',
    en: 'The severities of the requirement catalogue.',
  },
  strict: {
    de: 'Für die Prüfung fremder Entwürfe: Jede Anforderung und jede veraltete Verweisung wird mindestens als Warnung gemeldet.',
    en: 'For reviewing the other side\'s drafts: every requirement and every outdated reference is at least a warning.',
  },
  minimal: {
    de: 'Nur der gesetzliche Pflichtkern (Art. 28 DSGVO), veraltete Verweisungen und Fehler; gute Praxis und redaktionelle Hinweise sind aus.',
    en: 'Only the mandatory core (Art. 28 GDPR), outdated references and errors; good practice and editorial notes are off.',
  },
};

const RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

/** The severity one profile gives one rule, or undefined where the catalogue default applies. */
function profileSeverity(profile: Profile, meta: RuleMeta): SeverityOverride | undefined {
  if (profile === 'strict') {
    if ((meta.kind === 'requirement' || meta.kind === 'outdated-reference') && RANK[meta.severity] < RANK.warning) return 'warning';
    return undefined;
  }
  if (profile === 'minimal') {
    if (meta.kind === 'requirement') return meta.group === 'art28' ? undefined : 'off';
    if (meta.kind === 'structure') return meta.severity === 'error' ? undefined : 'off';
    return undefined;
  }
  return undefined;
}

export function isProfile(value: unknown): value is Profile {
  return typeof value === 'string' && (PROFILES as readonly string[]).includes(value);
}

export function isSeverityOverride(value: unknown): value is SeverityOverride {
  return value === 'error' || value === 'warning' || value === 'info' || value === 'hint' || value === 'off';
}

/** The overrides of a profile for every rule of the knowledge (only where they differ from the default). */
export function profileOverrides(profile: Profile, knowledge: Knowledge): Record<string, SeverityOverride> {
  const out: Record<string, SeverityOverride> = {};
  for (const meta of knowledge.rules.values()) {
    const s = profileSeverity(profile, meta);
    if (s !== undefined && s !== meta.severity) out[meta.id] = s;
  }
  return out;
}

/** `.avvrc.json`: a profile and per-rule severities for every contract below its folder. */
export interface ProjectConfig {
  profile?: Profile;
  rules?: Record<string, SeverityOverride>;
}

export interface ConfigProblem {
  message: string;
}

/**
 * Reads the text of a `.avvrc.json`. Unknown keys, profiles, rule ids and severities are reported and
 * ignored, so that one typo does not switch the whole configuration off.
 */
export function parseProjectConfig(text: string, knowledge: Knowledge): { config: ProjectConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch (error) {
    return { config: {}, problems: [{ message: l10n.t('invalid JSON: {0}', error instanceof Error ? error.message : String(error)) }] };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { config: {}, problems: [{ message: l10n.t('expected a JSON object') }] };
  const config: ProjectConfig = {};
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    if (key === '$schema') continue;
    if (key === 'profile') {
      if (isProfile(value)) config.profile = value;
      else problems.push({ message: l10n.t('unknown profile {0} ({1})', JSON.stringify(value), PROFILES.join(', ')) });
    } else if (key === 'rules') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problems.push({ message: l10n.t('"rules" must be an object of rule id → severity') });
        continue;
      }
      config.rules = {};
      for (const [id, severity] of Object.entries(value as Record<string, unknown>)) {
        if (!knowledge.rules.has(id)) problems.push({ message: l10n.t('unknown rule {0}', JSON.stringify(id)) });
        else if (!isSeverityOverride(severity)) problems.push({ message: l10n.t('rule {0}: unknown severity {1} (error, warning, info, hint, off)', id, JSON.stringify(severity)) });
        else config.rules[id] = severity;
      }
    } else {
      problems.push({ message: l10n.t('unknown key {0} (profile, rules)', JSON.stringify(key)) });
    }
  }
  return { config, problems };
}

/**
 * The severities to pass to `analyze` (its front matter still wins): profile, then project file, then the
 * settings of the editor or the command line. An explicit profile of the settings replaces the file's.
 */
export function resolveSeverities(
  knowledge: Knowledge,
  project: ProjectConfig = {},
  settings: { profile?: Profile; rules?: Record<string, SeverityOverride> } = {},
): Record<string, SeverityOverride> {
  const profile = settings.profile ?? project.profile ?? 'standard';
  return { ...profileOverrides(profile, knowledge), ...(project.rules ?? {}), ...(settings.rules ?? {}) };
}
