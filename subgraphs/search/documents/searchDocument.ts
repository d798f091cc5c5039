/**
 * What the search index holds for one micro-credential: a flat projection of
 * the catalogue entry (plus the framework's OQF band and institution data),
 * with the derived values search needs (lowest upcoming price, next start).
 * Both backends index exactly this shape.
 */
import {
  type DeliveryMode,
  deliveryModeValues,
  type InstitutionType,
  institutionTypeValues,
  type OqfBand,
  oqfBandValues,
  type Region,
  regionValues,
  type SearchCardStatus,
  searchCardStatusValues,
} from '../generated/enums.js';

export type { DeliveryMode, InstitutionType, OqfBand, Region };
export type PublicStatus = SearchCardStatus;

/** Generated from schema/search.graphql (`npm run codegen`). */
export const institutionTypes: readonly InstitutionType[] = institutionTypeValues;
export const regions: readonly Region[] = regionValues;
export const deliveryModes: readonly DeliveryMode[] = deliveryModeValues;
export const oqfBands: readonly OqfBand[] = oqfBandValues;
export const publicStatuses: readonly PublicStatus[] = searchCardStatusValues;

/**
 * The quality markers HEQCO names, each a yes/no facet and filter:
 * - employerPartnered: the institution names an employer partner, or a registered employer endorses it;
 * - stackable: the institution says it stacks, or a program's stacking rule counts it (province);
 * - verifiedQualityAssurance: a QA body's verification in force, recorded by the province;
 * - transferCredit: an equivalency decision or common-core membership in force (province);
 * - osapApproved: the province's OSAP approval in force; never the institution's `osapEligible` claim.
 */
export const qualityMarkers = [
  'employerPartnered',
  'stackable',
  'verifiedQualityAssurance',
  'transferCredit',
  'osapApproved',
] as const;
export type QualityMarker = (typeof qualityMarkers)[number];

export interface SearchDocument extends Record<QualityMarker, boolean> {
  /** Global id `<institution>:<slug>`. */
  id: string;
  institution: string;
  institutionName: string;
  /** The institution's French name as registered; null when it has none. */
  institutionNameFr: string | null;
  /** Null when the framework does not know the institution (yet). */
  institutionType: InstitutionType | null;
  region: Region | null;
  title: string;
  titleFr: string | null;
  description: string;
  descriptionFr: string | null;
  /** Skill labels. */
  skills: string[];
  /** Official French labels of the skills the directory knows (runtime/taxonomyLabels.ts), so French queries find them. */
  skillsFr: string[];
  /** NOC 2021 codes. */
  occupations: string[];
  /** NOC titles, searchable so "electrician" finds entries tagged with that occupation. */
  occupationTitles: string[];
  /** Official French (CNP 2021) titles of the same occupations. */
  occupationTitlesFr: string[];
  /** Languages of instruction (ISO 639); the institution's languages when the entry names none. */
  languages: string[];
  deliveryMode: DeliveryMode;
  oqfBand: OqfBand | null;
  osapEligible: boolean;
  creditBearing: boolean;
  /** Common-core group codes; empty until the common-core layer exists. */
  commonCore: string[];
  hours: number;
  weeks: number;
  /** Lowest price of an upcoming intake in CAD, or of any intake when none is upcoming; null without intakes. */
  cost: number | null;
  /** Highest price over the same intakes as `cost` (the result card's price range). */
  maxCost: number | null;
  /** Earliest intake starting on or after the day the entry was indexed, `YYYY-MM-DD`. */
  nextStartDate: string | null;
  status: PublicStatus;
  /** ISO instant of the institution's last change. */
  updatedAt: string;
  /** Permanent URL under the directory's public origin (`MicroCredential.url`, from the gateway). */
  url: string;
}

/**
 * What a result card shows, stored with every document so a search answers
 * cards without asking the institutions (`SearchHit.card`). Derived data: the
 * owner's change feed refreshes it; the owner answers the detail page.
 */
export const cardFields = [
  'title',
  'titleFr',
  'institution',
  'institutionName',
  'institutionNameFr',
  'hours',
  'deliveryMode',
  'cost',
  'maxCost',
  'nextStartDate',
  'url',
  'osapEligible',
  'osapApproved',
  'oqfBand',
  'status',
] as const satisfies readonly (keyof SearchDocument)[];
export type SearchCard = Pick<SearchDocument, (typeof cardFields)[number]>;

export function cardOf(document: SearchDocument): SearchCard {
  const card: Partial<SearchCard> = {};
  for (const field of cardFields) (card as Record<string, unknown>)[field] = document[field];
  return card as SearchCard;
}

/** Text fields matched by a query, in ranking order (earlier fields weigh more). */
export const searchableFields = [
  'title',
  'titleFr',
  'skills',
  'skillsFr',
  'occupationTitles',
  'occupationTitlesFr',
  'description',
  'descriptionFr',
  'institutionName',
  'institutionNameFr',
] as const;
export type SearchableField = (typeof searchableFields)[number];

/** Fields whose matched passages are returned as highlights. */
export const highlightedFields = ['title', 'titleFr', 'description', 'descriptionFr', 'skills', 'skillsFr'] as const;
export type HighlightedField = (typeof highlightedFields)[number];
