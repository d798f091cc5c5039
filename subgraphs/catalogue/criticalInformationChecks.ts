/**
 * Validation of what contract 1.1 added to an entry and an offering, with the
 * same Checker (codes and paths, every problem at once) as the rest of the
 * entry. `requireFrom11` is off for maintenance of stored entries (sunset,
 * offering edits), so entries published under 1.0 stay maintainable; every
 * field that is present is checked either way.
 */
import { type EntryChecker as Checker, entryFormats, isRecord, listOf, type Path } from './entryChecker.js';
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
import type {
  Accessibility,
  CredentialValidity,
  CreditUnit,
  CriticalInformation,
  FeeBreakdown,
  LearningResource,
  Money,
  OfferingDetails,
  OfferingSchedule,
  OfficialLanguage,
  Pacing,
  PostalAddress,
  PriorLearningAssessment,
  WeeklySession,
} from './criticalInformation.js';
import type { Contact } from './entryParts.js';
import type { CatalogueEntryInput } from './catalogueEntry.js';

const absent = (value: unknown): value is null | undefined => value === null || value === undefined;

export function parseCriticalInformation(
  entry: Record<string, unknown>,
  check: Checker,
  { requireFrom11 }: { requireFrom11: boolean },
): CriticalInformation {
  /** The field parsed when it has a value; reports it missing when 1.1 requires it for publication. */
  const given = <T>(
    field: string,
    value: unknown,
    expected: string,
    parse: (value: unknown) => T,
    required = true,
  ): T | null | undefined => {
    if (!absent(value)) return parse(value);
    if (required && requireFrom11)
      check.problem([field], 'REQUIRED', `is required for publication since 1.1: ${expected}`);
    return value;
  };

  const entryLanguages = given(
    'entryLanguages',
    entry.entryLanguages,
    'the languages the entry text is supplied in, e.g. ["EN", "FR"]',
    (value) => parseEntryLanguages(entry, value, check),
  );
  const learningOutcomesFr = parseTranslatedList(entry, 'learningOutcomesFr', 'learningOutcomes', 1000, check);
  const prerequisitesFr = parseTranslatedList(entry, 'prerequisitesFr', 'prerequisites', 500, check);
  return {
    entryLanguages,
    learningOutcomesFr,
    prerequisitesFr,
    priorLearningAssessment: given(
      'priorLearningAssessment',
      entry.priorLearningAssessment,
      'whether prior learning assessment is offered',
      (value) => parsePriorLearningAssessment(value, check),
    ),
    learningResources: given(
      'learningResources',
      entry.learningResources,
      'a list',
      (value) =>
        listOf(check, ['learningResources'], value, { min: 0, max: 30 }, (field, item) =>
          parseLearningResource(field, item, check),
        ),
      false,
    ),
    pacing: given('pacing', entry.pacing, 'an object', (value) => parsePacing(value, check), false),
    intakeModel: given('intakeModel', entry.intakeModel, intakeModels.join(', '), (value) =>
      check.oneOf(['intakeModel'], value, intakeModels) ? value : intakeModels[0],
    ),
    credentialValidity: given(
      'credentialValidity',
      entry.credentialValidity,
      'PERMANENT or TIME_LIMITED with months',
      (value) => parseCredentialValidity(value, check),
    ),
    gradingScheme: given('gradingScheme', entry.gradingScheme, gradingSchemes.join(', '), (value) =>
      check.oneOf(['gradingScheme'], value, gradingSchemes) ? value : gradingSchemes[0],
    ),
    creditUnit: parseCreditUnit(entry, check, requireFrom11),
    learnerEffortHours: given(
      'learnerEffortHours',
      entry.learnerEffortHours,
      'a number',
      (value) => parseLearnerEffort(entry, value, check),
      false,
    ),
    learnerContact: given('learnerContact', entry.learnerContact, 'whom learners ask (name and email)', (value) =>
      parseContact(['learnerContact'], value, check),
    ),
    accessibility: given(
      'accessibility',
      entry.accessibility,
      'an object',
      (value) => parseAccessibility(value, check),
      false,
    ),
    fees: given('fees', entry.fees, 'an object', (value) => parseFees(value, check), false),
  };
}

function parseEntryLanguages(entry: Record<string, unknown>, value: unknown, check: Checker): OfficialLanguage[] {
  const languages = listOf(
    check,
    ['entryLanguages'],
    value,
    { min: 1, max: officialLanguages.length },
    (field, item) => (check.oneOf(field, item, officialLanguages) ? item : officialLanguages[0]),
  );
  if (Array.isArray(value) && new Set(value).size < value.length) {
    check.problem(['entryLanguages'], 'DUPLICATE', 'names a language more than once');
  }
  if (Array.isArray(value) && value.includes('FR')) checkFrenchSupplied(entry, check);
  return languages;
}

function parseLearningResource(field: Path, value: unknown, check: Checker): LearningResource {
  if (!check.record(field, value))
    return { kind: learningResourceKinds[0], title: '', url: null, includedInFees: false };
  const { kind, title, titleFr, url, includedInFees } = value;
  return {
    kind: check.oneOf([...field, 'kind'], kind, learningResourceKinds) ? kind : learningResourceKinds[0],
    title: check.text([...field, 'title'], title, 300) ? title : '',
    titleFr: check.optionalText([...field, 'titleFr'], titleFr, 300) ? titleFr : null,
    url:
      !absent(url) && check.format([...field, 'url'], url, entryFormats.url, 'an absolute http(s) URL or null')
        ? url
        : null,
    includedInFees: check.boolean([...field, 'includedInFees'], includedInFees) ? includedInFees : false,
  };
}

function parsePacing(value: unknown, check: Checker): Pacing {
  if (!check.record(['pacing'], value)) return { selfPaced: false, completionWindowWeeks: null };
  const { selfPaced, completionWindowWeeks } = value;
  const pacing: Pacing = {
    selfPaced: check.boolean(['pacing', 'selfPaced'], selfPaced) ? selfPaced : false,
    completionWindowWeeks: null,
  };
  if (!absent(completionWindowWeeks)) {
    if (check.number(['pacing', 'completionWindowWeeks'], completionWindowWeeks, { min: 0.1, max: 520 }))
      pacing.completionWindowWeeks = completionWindowWeeks;
  } else if (selfPaced === true) {
    check.problem(
      ['pacing', 'completionWindowWeeks'],
      'REQUIRED',
      'is required when selfPaced: how long learners have',
    );
  }
  return pacing;
}

function parseLearnerEffort(entry: Record<string, unknown>, effort: unknown, check: Checker): number {
  if (!check.number(['learnerEffortHours'], effort, { min: 0.5, max: 10_000 })) return 0;
  if (typeof entry.instructionalHours === 'number' && effort < entry.instructionalHours) {
    check.problem(['learnerEffortHours'], 'INCONSISTENT', 'must be at least instructionalHours: effort includes them');
  }
  return effort;
}

function parseAccessibility(value: unknown, check: Checker): Accessibility {
  const contactPlaceholder: Contact = { name: '', email: '', phone: null };
  if (!check.record(['accessibility'], value)) return { features: [], accommodations: '', contact: contactPlaceholder };
  const { features, accommodations, accommodationsFr, contact } = value;
  return {
    features: listOf(
      check,
      ['accessibility', 'features'],
      features,
      { min: 0, max: accessibilityFeatures.length },
      (field, item) => (check.oneOf(field, item, accessibilityFeatures) ? item : accessibilityFeatures[0]),
    ),
    accommodations: check.text(['accessibility', 'accommodations'], accommodations, 2000) ? accommodations : '',
    accommodationsFr: check.optionalText(['accessibility', 'accommodationsFr'], accommodationsFr, 2000)
      ? accommodationsFr
      : null,
    contact: parseContact(['accessibility', 'contact'], contact, check),
  };
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
function parseTranslatedList(
  entry: Record<string, unknown>,
  field: 'learningOutcomesFr' | 'prerequisitesFr',
  english: 'learningOutcomes' | 'prerequisites',
  maxLength: number,
  check: Checker,
): string[] | null | undefined {
  const value = entry[field];
  if (absent(value)) return value;
  const items = listOf(check, [field], value, { min: 0, max: 30 }, (item, text) =>
    check.text(item, text, maxLength) ? text : '',
  );
  const source = entry[english];
  if (
    Array.isArray(value) &&
    Array.isArray(source) &&
    value.length !== source.length &&
    items.length === value.length
  ) {
    check.problem(
      [field],
      'INCONSISTENT',
      `must have one item per ${english} item (${source.length}), got ${value.length}`,
    );
  }
  return items;
}

function parsePriorLearningAssessment(value: unknown, check: Checker): PriorLearningAssessment {
  const at = (name: string): Path => ['priorLearningAssessment', name];
  if (!check.record(['priorLearningAssessment'], value))
    return { available: false, process: null, fee: null, contact: null };
  const { available, process, processFr, fee, contact } = value;
  const parsed: PriorLearningAssessment = {
    available: check.boolean(at('available'), available) ? available : false,
    process: check.optionalText(at('process'), process, 2000) ? (process ?? null) : null,
    processFr: check.optionalText(at('processFr'), processFr, 2000) ? processFr : null,
    fee: absent(fee) ? null : parseMoney(at('fee'), fee, check),
    contact: absent(contact) ? null : parseContact(at('contact'), contact, check),
  };
  if (available === true) {
    if (absent(process)) check.problem(at('process'), 'REQUIRED', 'is required when available');
    if (absent(contact)) check.problem(at('contact'), 'REQUIRED', 'is required when available');
  } else if (available === false) {
    for (const [name, part] of Object.entries({ process, processFr, fee, contact })) {
      if (!absent(part)) check.problem(at(name), 'INCONSISTENT', 'must be null when available is false');
    }
  }
  return parsed;
}

function parseCredentialValidity(value: unknown, check: Checker): CredentialValidity {
  if (!check.record(['credentialValidity'], value)) return { kind: credentialValidityKinds[0], months: null };
  const { kind, months } = value;
  const validity: CredentialValidity = {
    kind: check.oneOf(['credentialValidity', 'kind'], kind, credentialValidityKinds)
      ? kind
      : credentialValidityKinds[0],
    months: null,
  };
  if (kind === 'TIME_LIMITED') {
    if (check.number(['credentialValidity', 'months'], months, { min: 1, max: 600, integer: true }))
      validity.months = months;
  } else if (kind === 'PERMANENT' && !absent(months)) {
    check.problem(['credentialValidity', 'months'], 'INCONSISTENT', 'must be null when kind is PERMANENT');
  }
  return validity;
}

/**
 * A credit-bearing entry says how many credits and in what unit: 1.0 allowed
 * `credits: null` on a credit-bearing entry, which left evaluators guessing.
 */
function parseCreditUnit(
  entry: Record<string, unknown>,
  check: Checker,
  requireFrom11: boolean,
): CreditUnit | null | undefined {
  const { creditUnit } = entry;
  let parsed: CreditUnit | null | undefined = absent(creditUnit) ? creditUnit : null;
  if (!absent(creditUnit)) {
    if (check.oneOf(['creditUnit'], creditUnit, creditUnits)) parsed = creditUnit;
    if (entry.creditBearing === false) {
      check.problem(['creditUnit'], 'INCONSISTENT', 'must be null when creditBearing is false');
    }
  }
  if (entry.creditBearing !== true || !requireFrom11) return parsed;
  if (absent(entry.credits)) {
    check.problem(['credits'], 'REQUIRED', 'is required for publication since 1.1 when creditBearing');
  }
  if (absent(creditUnit)) {
    check.problem(
      ['creditUnit'],
      'REQUIRED',
      `is required for publication since 1.1 when creditBearing: ${creditUnits.join(', ')}`,
    );
  }
  return parsed;
}

function parseFees(value: unknown, check: Checker): FeeBreakdown {
  const placeholder: Money = { amount: 0, currency: '' };
  if (!check.record(['fees'], value))
    return { tuition: placeholder, materials: null, other: null, otherDescription: null };
  const { tuition, materials, other, otherDescription, otherDescriptionFr } = value;
  const fees: FeeBreakdown = {
    tuition: parseMoney(['fees', 'tuition'], tuition, check),
    materials: absent(materials) ? null : parseMoney(['fees', 'materials'], materials, check),
    other: null,
    otherDescription: null,
  };
  if (!absent(other)) {
    fees.other = parseMoney(['fees', 'other'], other, check);
    if (absent(otherDescription))
      check.problem(['fees', 'otherDescription'], 'REQUIRED', 'is required when other is given');
  }
  if (check.optionalText(['fees', 'otherDescription'], otherDescription, 500))
    fees.otherDescription = otherDescription ?? null;
  if (check.optionalText(['fees', 'otherDescriptionFr'], otherDescriptionFr, 500))
    fees.otherDescriptionFr = otherDescriptionFr;
  const currencies = new Set(
    [tuition, materials, other]
      .filter(isRecord)
      .map((money) => money.currency)
      .filter((code) => typeof code === 'string'),
  );
  if (currencies.size > 1) check.problem(['fees'], 'INCONSISTENT', 'every part must be in the same currency');
  return fees;
}

function parseMoney(field: Path, value: unknown, check: Checker): Money {
  if (!check.record(field, value)) return { amount: 0, currency: '' };
  const { amount, currency } = value;
  return {
    amount: check.amount([...field, 'amount'], amount) ? amount : 0,
    currency: check.format(
      [...field, 'currency'],
      currency,
      entryFormats.currency,
      'an ISO 4217 currency code like "CAD"',
    )
      ? currency
      : '',
  };
}

/** A contact: who, and an email address that reaches them (transfer credit, learners, PLAR, accessibility). */
export function parseContact(field: Path, value: unknown, check: Checker): Contact {
  if (!check.record(field, value)) return { name: '', email: '', phone: null };
  const { name, email, phone } = value;
  return {
    name: check.text([...field, 'name'], name, 200) ? name : '',
    email: check.format([...field, 'email'], email, entryFormats.email, 'an email address') ? email : '',
    phone: check.optionalText([...field, 'phone'], phone, 40) ? (phone ?? null) : null,
  };
}

/** Seats, language, address and schedule of one offering (`field` is its path, e.g. `offerings[0]`). */
export function parseOfferingDetails(
  field: Path,
  offering: Record<string, unknown>,
  check: Checker,
  entryLanguages: unknown,
): OfferingDetails {
  const { seats, seatsAvailable, language, address, schedule } = offering;
  const details: OfferingDetails = {
    seats: absent(seats) ? seats : null,
    seatsAvailable: absent(seatsAvailable) ? seatsAvailable : null,
    language: absent(language) ? language : null,
    address: absent(address) ? address : null,
    schedule: absent(schedule) ? schedule : null,
  };
  const seatsValid =
    !absent(seats) && check.number([...field, 'seats'], seats, { min: 1, max: 100_000, integer: true });
  if (seatsValid) details.seats = seats;
  if (!absent(seatsAvailable)) {
    if (check.number([...field, 'seatsAvailable'], seatsAvailable, { min: 0, max: 100_000, integer: true })) {
      details.seatsAvailable = seatsAvailable;
      if (seatsValid && seatsAvailable > seats) {
        check.problem([...field, 'seatsAvailable'], 'INCONSISTENT', `must be at most seats (${seats})`);
      }
    }
  }
  if (
    !absent(language) &&
    check.format([...field, 'language'], language, entryFormats.language, 'an ISO 639 code like "fr"')
  ) {
    details.language = language;
    if (Array.isArray(entryLanguages) && !entryLanguages.includes(language)) {
      check.problem(
        [...field, 'language'],
        'INCONSISTENT',
        `must be one of the entry's languages (${entryLanguages.join(', ')})`,
      );
    }
  }
  if (!absent(address)) details.address = parseAddress([...field, 'address'], address, check);
  if (!absent(schedule)) details.schedule = parseSchedule([...field, 'schedule'], schedule, check);
  return details;
}

function parseAddress(field: Path, address: unknown, check: Checker): PostalAddress | null {
  if (!check.record(field, address)) return null;
  const { streetAddress, locality, region, postalCode, country } = address;
  return {
    streetAddress: check.text([...field, 'streetAddress'], streetAddress, 200) ? streetAddress : '',
    locality: check.text([...field, 'locality'], locality, 100) ? locality : '',
    region: check.text([...field, 'region'], region, 10) ? region : '',
    postalCode: check.optionalText([...field, 'postalCode'], postalCode, 12) ? (postalCode ?? null) : null,
    country: check.format([...field, 'country'], country, entryFormats.country, 'an ISO 3166-1 alpha-2 code like "CA"')
      ? country
      : '',
  };
}

function parseSchedule(field: Path, schedule: unknown, check: Checker): OfferingSchedule | null {
  if (!check.record(field, schedule)) return null;
  const { timeZone, sessions, note, noteFr } = schedule;
  return {
    timeZone: check.format(
      [...field, 'timeZone'],
      timeZone,
      entryFormats.timeZone,
      'an IANA time zone like "America/Toronto"',
    )
      ? timeZone
      : '',
    sessions: listOf(check, [...field, 'sessions'], sessions, { min: 1, max: 21 }, (path, session) =>
      parseSession(path, session, check),
    ),
    note: check.optionalText([...field, 'note'], note, 500) ? (note ?? null) : null,
    noteFr: check.optionalText([...field, 'noteFr'], noteFr, 500) ? noteFr : null,
  };
}

function parseSession(path: Path, session: unknown, check: Checker): WeeklySession {
  if (!check.record(path, session)) return { day: daysOfWeek[0], startTime: '', endTime: '' };
  const { day, startTime, endTime } = session;
  const dayValid = check.oneOf([...path, 'day'], day, daysOfWeek);
  const startValid = check.format([...path, 'startTime'], startTime, entryFormats.time, 'a time "HH:MM"');
  const endValid = check.format([...path, 'endTime'], endTime, entryFormats.time, 'a time "HH:MM"');
  if (startValid && endValid && endTime <= startTime) {
    check.problem([...path, 'endTime'], 'DATES_OUT_OF_ORDER', 'must be after startTime');
  }
  return {
    day: dayValid ? day : daysOfWeek[0],
    startTime: startValid ? startTime : '',
    endTime: endValid ? endTime : '',
  };
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
