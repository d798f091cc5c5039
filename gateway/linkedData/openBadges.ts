/**
 * Open Badges 3.0: an entry as the `Achievement` an issuer references when it
 * issues AchievementCredentials for it, and its institution as the creator's
 * `Profile`. Only OB3 terms are used (no extension context), so the document
 * validates against 1EdTech's schema and expands with the OB3 context alone.
 */
import { criteriaNarrative, frameworks, hoursText, institutionDescription, skillFramework } from './describe.js';
import type { ExportedEntry, ExportedInstitution } from './exportQueries.js';
import { openBadgesContextUrl } from './vocabularies/index.js';

type Json = Record<string, unknown>;

/** The institution as an OB3 `Profile` (the achievement's creator, the issuer of its credentials). */
export function openBadgesProfile(institution: ExportedInstitution): Json {
  return {
    id: institution.url,
    type: ['Profile'],
    name: institution.name,
    url: institution.website,
    description: institutionDescription(institution),
    address: { type: ['Address'], addressRegion: 'Ontario', addressCountry: 'Canada', addressCountryCode: 'CA' },
  };
}

export function openBadgesProfileDocument(institution: ExportedInstitution): Json {
  return { '@context': [openBadgesContextUrl], ...openBadgesProfile(institution) };
}

/**
 * How the result is graded, as OB3 result types: the contract's grading scheme
 * (1.1) when given, else a percent grade when there is a passing threshold.
 */
function resultDescriptions(entry: ExportedEntry): Json {
  const base = { id: `${entry.url}#result-grade`, type: ['ResultDescription'], name: 'Final grade' };
  const threshold = entry.assessment.passingThreshold;
  const percent = {
    ...base,
    resultType: 'Percent',
    ...(threshold != null ? { requiredValue: String(threshold) } : {}),
    valueMin: '0',
    valueMax: '100',
  };
  switch (entry.gradingScheme) {
    case 'PASS_FAIL':
      return {
        resultDescription: [{ ...base, resultType: 'Result', allowedValue: ['Pass', 'Fail'], requiredValue: 'Pass' }],
      };
    case 'LETTER_GRADE':
      return { resultDescription: [{ ...base, resultType: 'LetterGrade' }] };
    case 'COMPETENCY_LEVELS':
      return { resultDescription: [{ ...base, name: 'Level of competency', resultType: 'PerformanceLevel' }] };
    case 'PERCENTAGE':
      return { resultDescription: [percent] };
    default:
      return threshold != null ? { resultDescription: [percent] } : {};
  }
}

export function openBadgesAchievement(entry: ExportedEntry): Json {
  const alignment = [
    ...entry.occupations.map((occupation) => ({
      type: ['Alignment'],
      targetName: occupation.title,
      targetCode: occupation.nocCode,
      targetFramework: frameworks.noc.name,
      targetUrl: frameworks.noc.url,
      targetType: 'ext:Occupation',
    })),
    {
      type: ['Alignment'],
      targetName: entry.cip.title,
      targetCode: entry.cip.code,
      targetFramework: frameworks.cip.name,
      targetUrl: frameworks.cip.url,
      targetType: 'ext:InstructionalProgram',
    },
    ...entry.skills.map((skill) => {
      const framework = skillFramework(skill.framework);
      return {
        type: ['Alignment'],
        targetName: skill.label,
        targetCode: skill.code,
        ...(framework ? { targetFramework: framework.name } : {}),
        targetUrl: skill.framework === 'ESCO' ? skill.code : (framework?.url ?? entry.url),
        targetType: 'ceasn:Competency',
      };
    }),
    ...(entry.oqfAlignment?.comparableLevel
      ? [
          {
            type: ['Alignment'],
            targetName: entry.oqfAlignment.comparableLevel.name,
            targetCode: String(entry.oqfAlignment.comparableLevel.number),
            targetDescription: entry.oqfAlignment.explanation,
            targetFramework: frameworks.oqf.name,
            targetUrl: frameworks.oqf.url,
            targetType: 'ext:ComparableLevel',
          },
        ]
      : []),
  ];
  return {
    '@context': [openBadgesContextUrl],
    id: entry.url,
    type: ['Achievement'],
    achievementType: 'MicroCredential',
    name: entry.title,
    description: entry.description,
    criteria: { id: entry.courseOutlineUrl, narrative: criteriaNarrative(entry) },
    creator: openBadgesProfile(entry.institution),
    inLanguage: entry.languages[0] ?? 'en',
    ...(entry.creditBearing && entry.credits != null ? { creditsAvailable: entry.credits } : {}),
    fieldOfStudy: entry.cip.title,
    ...(entry.externalCode ? { humanCode: entry.externalCode } : {}),
    alignment,
    ...resultDescriptions(entry),
    otherIdentifier: [{ type: 'IdentifierEntry', identifier: entry.id, identifierType: 'identifier' }],
    tag: [hoursText(entry.instructionalHours), ...entry.skills.map((skill) => skill.label)],
    version: String(entry.version),
  };
}
