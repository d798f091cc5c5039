/**
 * Official French labels of the classifications the contract uses (NOC 2021,
 * CIP 2021, ESDC SCT, ESCO), shipped as data in data/taxonomyLabelsFr.json,
 * which names its sources and how it was made. Institutions send the English
 * label with each code; the French one is looked up here by code, so every
 * institution shows the same official French wording without typing it.
 * A code the table does not know has no French label (the fallback then serves English).
 */
import { readFileSync } from 'node:fs';

export type LabelledClassification = 'noc' | 'cip' | 'esdcSct' | 'esco';

type LabelTable = Record<LabelledClassification, Record<string, string>>;

const table = JSON.parse(
  readFileSync(new URL('./data/taxonomyLabelsFr.json', import.meta.url), 'utf8'),
) as LabelTable & { about: unknown };

/**
 * The official French label of `key` in `classification`: a NOC or CIP code, an
 * SCT code, or an ESCO skill's English preferred label. Undefined when unknown.
 */
export function frenchLabel(classification: LabelledClassification, key: string): string | undefined {
  return Object.hasOwn(table[classification], key) ? table[classification][key] : undefined;
}

/**
 * The official French label of a skill: ESDC SCT by code, ESCO by concept URI or,
 * for the sample data whose URIs are derived from labels (seed/taxonomies.ts), by
 * English preferred label. Undefined for other frameworks and unknown skills.
 */
export function frenchSkillLabel(skill: { framework?: unknown; code?: unknown; label?: unknown }): string | undefined {
  if (typeof skill.code !== 'string') return undefined;
  if (skill.framework === 'ESDC_SCT') return frenchLabel('esdcSct', skill.code);
  if (skill.framework !== 'ESCO') return undefined;
  return (
    frenchLabel('esco', skill.code) ?? (typeof skill.label === 'string' ? frenchLabel('esco', skill.label) : undefined)
  );
}

/** The codes (or ESCO labels) with a French label, for checks that the data covers what the seed uses. */
export function labelledKeys(classification: LabelledClassification): string[] {
  return Object.keys(table[classification]);
}
