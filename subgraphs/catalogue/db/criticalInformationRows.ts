/**
 * Columns of the fields contract 1.1 added, copied field by field from a
 * validated entry so stray keys in submitted JSON never reach the database
 * (the same rule as entryRow in catalogueStore.ts). Absent fields are stored
 * as null: entries published before 1.1 have none of them.
 */
import type { Contact } from '../entryParts.js';
import type { CriticalInformation, Money, OfferingDetails } from '../criticalInformation.js';
import type { NewMicroCredentialRow, NewOfferingRow } from './schema.js';

type CriticalInformationColumns = Pick<NewMicroCredentialRow, keyof CriticalInformation>;
type OfferingDetailColumns = Pick<NewOfferingRow, keyof OfferingDetails>;

export function criticalInformationRow(entry: CriticalInformation): CriticalInformationColumns {
  const { priorLearningAssessment: plar, pacing, credentialValidity, accessibility, fees } = entry;
  return {
    entryLanguages: entry.entryLanguages ? [...entry.entryLanguages] : null,
    learningOutcomesFr: entry.learningOutcomesFr ? [...entry.learningOutcomesFr] : null,
    prerequisitesFr: entry.prerequisitesFr ? [...entry.prerequisitesFr] : null,
    priorLearningAssessment: plar
      ? {
          available: plar.available,
          process: plar.process ?? null,
          processFr: plar.processFr ?? null,
          fee: money(plar.fee),
          contact: contact(plar.contact),
        }
      : null,
    learningResources:
      entry.learningResources?.map(({ kind, title, titleFr, url, includedInFees }) => ({
        kind,
        title,
        titleFr: titleFr ?? null,
        url: url ?? null,
        includedInFees,
      })) ?? null,
    pacing: pacing
      ? { selfPaced: pacing.selfPaced, completionWindowWeeks: pacing.completionWindowWeeks ?? null }
      : null,
    intakeModel: entry.intakeModel ?? null,
    credentialValidity: credentialValidity
      ? { kind: credentialValidity.kind, months: credentialValidity.months ?? null }
      : null,
    gradingScheme: entry.gradingScheme ?? null,
    creditUnit: entry.creditUnit ?? null,
    learnerEffortHours: entry.learnerEffortHours ?? null,
    learnerContact: contact(entry.learnerContact),
    accessibility: accessibility
      ? {
          features: [...accessibility.features],
          accommodations: accessibility.accommodations,
          accommodationsFr: accessibility.accommodationsFr ?? null,
          contact: contact(accessibility.contact)!,
        }
      : null,
    fees: fees
      ? {
          tuition: money(fees.tuition)!,
          materials: money(fees.materials),
          other: money(fees.other),
          otherDescription: fees.otherDescription ?? null,
          otherDescriptionFr: fees.otherDescriptionFr ?? null,
        }
      : null,
  };
}

export function offeringDetailsRow(offering: OfferingDetails): OfferingDetailColumns {
  const { address, schedule } = offering;
  return {
    seats: offering.seats ?? null,
    seatsAvailable: offering.seatsAvailable ?? null,
    language: offering.language ?? null,
    address: address
      ? {
          streetAddress: address.streetAddress,
          locality: address.locality,
          region: address.region,
          postalCode: address.postalCode ?? null,
          country: address.country,
        }
      : null,
    schedule: schedule
      ? {
          timeZone: schedule.timeZone,
          sessions: schedule.sessions.map(({ day, startTime, endTime }) => ({ day, startTime, endTime })),
          note: schedule.note ?? null,
          noteFr: schedule.noteFr ?? null,
        }
      : null,
  };
}

function money(value: Money | null | undefined): Money | null {
  return value ? { amount: value.amount, currency: value.currency } : null;
}

function contact(value: Contact | null | undefined): Contact | null {
  return value ? { name: value.name, email: value.email, phone: value.phone ?? null } : null;
}
