/**
 * Validation of what contract 1.1 added to an entry and an offering, with the
 * same Checker (codes and paths, every problem at once) as the rest of the
 * entry. `requireFrom11` is off for maintenance of stored entries (sunset,
 * offering edits), so entries published under 1.0 stay maintainable; every
 * field that is present is checked either way.
 */
import { type EntryChecker as Checker, entryFormats, isRecord, type Path } from './entryChecker.js';
import {
  accessibilityFeatures,
  credentialValidityKinds,
  creditUnits,
  daysOfWeek,
  gradingSchemes,
  intakeModels,
  learningResourceKinds,
  officialLanguages,
} from './criticalInformation.js';
import type { CatalogueEntryInput } from './catalogueEntry.js';

const absent = (value: unknown): value is null | undefined => value === null || value === undefined;

export function checkCriticalInformation(
  entry: Record<string, unknown>,
  check: Checker,
  { requireFrom11 }: { requireFrom11: boolean },
): void {
  /** True when the field has a value to check; reports it missing when 1.1 requires it for publication. */
  const given = (field: string, value: unknown, expected: string, required = true): boolean => {
    if (!absent(value)) return true;
    if (required && requireFrom11)
      check.problem([field], 'REQUIRED', `is required for publication since 1.1: ${expected}`);
    return false;
  };

  if (given('entryLanguages', entry.entryLanguages, 'the languages the entry text is supplied in, e.g. ["EN", "FR"]')) {
    check.list(['entryLanguages'], entry.entryLanguages, { min: 1, max: officialLanguages.length }, (field, value) =>
      check.oneOf(field, value, officialLanguages),
    );
    if (Array.isArray(entry.entryLanguages) && new Set(entry.entryLanguages).size < entry.entryLanguages.length) {
      check.problem(['entryLanguages'], 'DUPLICATE', 'names a language more than once');
    }
    if (Array.isArray(entry.entryLanguages) && entry.entryLanguages.includes('FR')) checkFrenchSupplied(entry, check);
  }
  checkTranslatedList(entry, 'learningOutcomesFr', 'learningOutcomes', 1000, check);
  checkTranslatedList(entry, 'prerequisitesFr', 'prerequisites', 500, check);

  if (given('priorLearningAssessment', entry.priorLearningAssessment, 'whether prior learning assessment is offered')) {
    checkPriorLearningAssessment(entry.priorLearningAssessment, check);
  }
  if (given('learningResources', entry.learningResources, 'a list', false)) {
    check.list(['learningResources'], entry.learningResources, { min: 0, max: 30 }, (field, value) => {
      if (!check.record(field, value)) return;
      check.oneOf([...field, 'kind'], value.kind, learningResourceKinds);
      check.text([...field, 'title'], value.title, 300);
      check.optionalText([...field, 'titleFr'], value.titleFr, 300);
      if (!absent(value.url))
        check.format([...field, 'url'], value.url, entryFormats.url, 'an absolute http(s) URL or null');
      check.boolean([...field, 'includedInFees'], value.includedInFees);
    });
  }
  if (given('pacing', entry.pacing, 'an object', false) && check.record(['pacing'], entry.pacing)) {
    const { selfPaced, completionWindowWeeks } = entry.pacing;
    check.boolean(['pacing', 'selfPaced'], selfPaced);
    if (!absent(completionWindowWeeks)) {
      check.number(['pacing', 'completionWindowWeeks'], completionWindowWeeks, { min: 0.1, max: 520 });
    } else if (selfPaced === true) {
      check.problem(
        ['pacing', 'completionWindowWeeks'],
        'REQUIRED',
        'is required when selfPaced: how long learners have',
      );
    }
  }
  if (given('intakeModel', entry.intakeModel, intakeModels.join(', '))) {
    check.oneOf(['intakeModel'], entry.intakeModel, intakeModels);
  }
  if (given('credentialValidity', entry.credentialValidity, 'PERMANENT or TIME_LIMITED with months')) {
    checkCredentialValidity(entry.credentialValidity, check);
  }
  if (given('gradingScheme', entry.gradingScheme, gradingSchemes.join(', '))) {
    check.oneOf(['gradingScheme'], entry.gradingScheme, gradingSchemes);
  }
  checkCredits(entry, check, requireFrom11);
  if (given('learnerEffortHours', entry.learnerEffortHours, 'a number', false)) {
    const effort = entry.learnerEffortHours;
    if (check.number(['learnerEffortHours'], effort, { min: 0.5, max: 10_000 })) {
      if (typeof entry.instructionalHours === 'number' && effort < entry.instructionalHours) {
        check.problem(
          ['learnerEffortHours'],
          'INCONSISTENT',
          'must be at least instructionalHours: effort includes them',
        );
      }
    }
  }
  if (given('learnerContact', entry.learnerContact, 'whom learners ask (name and email)')) {
    checkContact(['learnerContact'], entry.learnerContact, check);
  }
  if (
    given('accessibility', entry.accessibility, 'an object', false) &&
    check.record(['accessibility'], entry.accessibility)
  ) {
    const { features, accommodations, accommodationsFr, contact } = entry.accessibility;
    check.list(['accessibility', 'features'], features, { min: 0, max: accessibilityFeatures.length }, (field, value) =>
      check.oneOf(field, value, accessibilityFeatures),
    );
    check.text(['accessibility', 'accommodations'], accommodations, 2000);
    check.optionalText(['accessibility', 'accommodationsFr'], accommodationsFr, 2000);
    checkContact(['accessibility', 'contact'], contact, check);
  }
  if (given('fees', entry.fees, 'an object', false)) checkFees(entry.fees, check);
}

/** An entry offered in French carries the French of every text it has in English. */
function checkFrenchSupplied(entry: Record<string, unknown>, check: Checker): void {
  const missing = (field: Path) => check.problem(field, 'REQUIRED', 'is required when entryLanguages includes FR');
  if (absent(entry.titleFr)) missing(['titleFr']);
  if (absent(entry.descriptionFr)) missing(['descriptionFr']);
  if (absent(entry.learningOutcomesFr)) missing(['learningOutcomesFr']);
  if (Array.isArray(entry.prerequisites) && entry.prerequisites.length > 0 && absent(entry.prerequisitesFr)) {
    missing(['prerequisitesFr']);
  }
  const assessment = isRecord(entry.assessment) ? entry.assessment : {};
  if (!absent(assessment.summativeDescription) && absent(assessment.summativeDescriptionFr)) {
    missing(['assessment', 'summativeDescriptionFr']);
  }
}

/** A French list mirrors its English list item by item. */
function checkTranslatedList(
  entry: Record<string, unknown>,
  field: 'learningOutcomesFr' | 'prerequisitesFr',
  english: 'learningOutcomes' | 'prerequisites',
  maxLength: number,
  check: Checker,
): void {
  const value = entry[field];
  if (absent(value)) return;
  const listed = check.list([field], value, { min: 0, max: 30 }, (item, text) => check.text(item, text, maxLength));
  const source = entry[english];
  if (listed && Array.isArray(value) && Array.isArray(source) && value.length !== source.length) {
    check.problem(
      [field],
      'INCONSISTENT',
      `must have one item per ${english} item (${source.length}), got ${value.length}`,
    );
  }
}

function checkPriorLearningAssessment(value: unknown, check: Checker): void {
  if (!check.record(['priorLearningAssessment'], value)) return;
  const { available, process, processFr, fee, contact } = value;
  check.boolean(['priorLearningAssessment', 'available'], available);
  check.optionalText(['priorLearningAssessment', 'process'], process, 2000);
  check.optionalText(['priorLearningAssessment', 'processFr'], processFr, 2000);
  if (!absent(fee)) checkMoney(['priorLearningAssessment', 'fee'], fee, check);
  if (!absent(contact)) checkContact(['priorLearningAssessment', 'contact'], contact, check);
  if (available === true) {
    if (absent(process))
      check.problem(['priorLearningAssessment', 'process'], 'REQUIRED', 'is required when available');
    if (absent(contact))
      check.problem(['priorLearningAssessment', 'contact'], 'REQUIRED', 'is required when available');
  } else if (available === false) {
    for (const [name, part] of Object.entries({ process, processFr, fee, contact })) {
      if (!absent(part)) {
        check.problem(['priorLearningAssessment', name], 'INCONSISTENT', 'must be null when available is false');
      }
    }
  }
}

function checkCredentialValidity(value: unknown, check: Checker): void {
  if (!check.record(['credentialValidity'], value)) return;
  check.oneOf(['credentialValidity', 'kind'], value.kind, credentialValidityKinds);
  if (value.kind === 'TIME_LIMITED') {
    check.number(['credentialValidity', 'months'], value.months, { min: 1, max: 600, integer: true });
  } else if (value.kind === 'PERMANENT' && !absent(value.months)) {
    check.problem(['credentialValidity', 'months'], 'INCONSISTENT', 'must be null when kind is PERMANENT');
  }
}

/**
 * A credit-bearing entry says how many credits and in what unit: 1.0 allowed
 * `credits: null` on a credit-bearing entry, which left evaluators guessing.
 */
function checkCredits(entry: Record<string, unknown>, check: Checker, requireFrom11: boolean): void {
  if (!absent(entry.creditUnit)) {
    check.oneOf(['creditUnit'], entry.creditUnit, creditUnits);
    if (entry.creditBearing === false) {
      check.problem(['creditUnit'], 'INCONSISTENT', 'must be null when creditBearing is false');
    }
  }
  if (entry.creditBearing !== true || !requireFrom11) return;
  if (absent(entry.credits)) {
    check.problem(['credits'], 'REQUIRED', 'is required for publication since 1.1 when creditBearing');
  }
  if (absent(entry.creditUnit)) {
    check.problem(
      ['creditUnit'],
      'REQUIRED',
      `is required for publication since 1.1 when creditBearing: ${creditUnits.join(', ')}`,
    );
  }
}

function checkFees(value: unknown, check: Checker): void {
  if (!check.record(['fees'], value)) return;
  const { tuition, materials, other, otherDescription, otherDescriptionFr } = value;
  checkMoney(['fees', 'tuition'], tuition, check);
  if (!absent(materials)) checkMoney(['fees', 'materials'], materials, check);
  if (!absent(other)) {
    checkMoney(['fees', 'other'], other, check);
    if (absent(otherDescription))
      check.problem(['fees', 'otherDescription'], 'REQUIRED', 'is required when other is given');
  }
  check.optionalText(['fees', 'otherDescription'], otherDescription, 500);
  check.optionalText(['fees', 'otherDescriptionFr'], otherDescriptionFr, 500);
  const currencies = new Set(
    [tuition, materials, other]
      .filter(isRecord)
      .map((money) => money.currency)
      .filter((code) => typeof code === 'string'),
  );
  if (currencies.size > 1) check.problem(['fees'], 'INCONSISTENT', 'every part must be in the same currency');
}

function checkMoney(field: Path, value: unknown, check: Checker): void {
  if (!check.record(field, value)) return;
  check.amount([...field, 'amount'], value.amount);
  check.format([...field, 'currency'], value.currency, entryFormats.currency, 'an ISO 4217 currency code like "CAD"');
}

/** A contact: who, and an email address that reaches them (transfer credit, learners, PLAR, accessibility). */
export function checkContact(field: Path, value: unknown, check: Checker): void {
  if (!check.record(field, value)) return;
  check.text([...field, 'name'], value.name, 200);
  check.format([...field, 'email'], value.email, entryFormats.email, 'an email address');
  check.optionalText([...field, 'phone'], value.phone, 40);
}

/** Seats, language, address and schedule of one offering (`field` is its path, e.g. `offerings[0]`). */
export function checkOfferingDetails(
  field: Path,
  offering: Record<string, unknown>,
  check: Checker,
  entryLanguages: unknown,
): void {
  const { seats, seatsAvailable, language, address, schedule } = offering;
  const seatsValid =
    !absent(seats) && check.number([...field, 'seats'], seats, { min: 1, max: 100_000, integer: true });
  if (!absent(seatsAvailable)) {
    if (check.number([...field, 'seatsAvailable'], seatsAvailable, { min: 0, max: 100_000, integer: true })) {
      if (seatsValid && seatsAvailable > seats) {
        check.problem([...field, 'seatsAvailable'], 'INCONSISTENT', `must be at most seats (${seats})`);
      }
    }
  }
  if (
    !absent(language) &&
    check.format([...field, 'language'], language, entryFormats.language, 'an ISO 639 code like "fr"')
  ) {
    if (Array.isArray(entryLanguages) && !entryLanguages.includes(language)) {
      check.problem(
        [...field, 'language'],
        'INCONSISTENT',
        `must be one of the entry's languages (${entryLanguages.join(', ')})`,
      );
    }
  }
  if (!absent(address) && check.record([...field, 'address'], address)) {
    check.text([...field, 'address', 'streetAddress'], address.streetAddress, 200);
    check.text([...field, 'address', 'locality'], address.locality, 100);
    check.text([...field, 'address', 'region'], address.region, 10);
    check.optionalText([...field, 'address', 'postalCode'], address.postalCode, 12);
    check.format(
      [...field, 'address', 'country'],
      address.country,
      entryFormats.country,
      'an ISO 3166-1 alpha-2 code like "CA"',
    );
  }
  if (!absent(schedule) && check.record([...field, 'schedule'], schedule)) {
    check.format(
      [...field, 'schedule', 'timeZone'],
      schedule.timeZone,
      entryFormats.timeZone,
      'an IANA time zone like "America/Toronto"',
    );
    check.list([...field, 'schedule', 'sessions'], schedule.sessions, { min: 1, max: 21 }, (path, session) => {
      if (!check.record(path, session)) return;
      check.oneOf([...path, 'day'], session.day, daysOfWeek);
      const start = check.format([...path, 'startTime'], session.startTime, entryFormats.time, 'a time "HH:MM"');
      const end = check.format([...path, 'endTime'], session.endTime, entryFormats.time, 'a time "HH:MM"');
      if (start && end && String(session.endTime) <= String(session.startTime)) {
        check.problem([...path, 'endTime'], 'DATES_OUT_OF_ORDER', 'must be after startTime');
      }
    });
    check.optionalText([...field, 'schedule', 'note'], schedule.note, 500);
    check.optionalText([...field, 'schedule', 'noteFr'], schedule.noteFr, 500);
  }
}

/** Paths of French texts left empty where the English text exists: advice for French-language institutions. */
export function frenchTextWarnings(entry: CatalogueEntryInput): Array<Array<string | number>> {
  const paths: Array<Array<string | number>> = [];
  const missing = (english: unknown, french: unknown, path: Array<string | number>) => {
    const hasEnglish = Array.isArray(english)
      ? english.length > 0
      : typeof english === 'string' && english.trim() !== '';
    const hasFrench = Array.isArray(french) ? french.length > 0 : typeof french === 'string' && french.trim() !== '';
    if (hasEnglish && !hasFrench) paths.push(path);
  };
  missing(entry.title, entry.titleFr, ['titleFr']);
  missing(entry.description, entry.descriptionFr, ['descriptionFr']);
  missing(entry.learningOutcomes, entry.learningOutcomesFr, ['learningOutcomesFr']);
  missing(entry.prerequisites, entry.prerequisitesFr, ['prerequisitesFr']);
  missing(entry.assessment.summativeDescription, entry.assessment.summativeDescriptionFr, [
    'assessment',
    'summativeDescriptionFr',
  ]);
  entry.awards.forEach((award, index) => {
    missing(award.description, award.descriptionFr, ['awards', index, 'descriptionFr']);
  });
  missing(entry.priorLearningAssessment?.process, entry.priorLearningAssessment?.processFr, [
    'priorLearningAssessment',
    'processFr',
  ]);
  missing(entry.accessibility?.accommodations, entry.accessibility?.accommodationsFr, [
    'accessibility',
    'accommodationsFr',
  ]);
  missing(entry.fees?.otherDescription, entry.fees?.otherDescriptionFr, ['fees', 'otherDescriptionFr']);
  return paths;
}
