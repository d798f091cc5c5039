/**
 * Publishing: the writes an institution makes through its API key (drafts,
 * publish, sunset, offerings). Each is one transaction that first takes the
 * change-feed lock, so the version check and the write cannot interleave with
 * another writer; anything refused rolls back whole and comes back as
 * field-level problems, with nothing written.
 */
import { asc, eq, sql } from 'drizzle-orm';
import {
  CatalogueEntryError,
  findEntryProblems,
  findEntryWarnings,
  parseCatalogueEntry,
  type CatalogueEntryInput,
  type EntryProblem,
  type EntryWarning,
} from '../catalogueEntry.js';
import type { OfficialLanguage } from '../criticalInformation.js';
import { entryInputOf } from '../entryInput.js';
import type { OsapClaimCheck } from '../osapClaim.js';
import type { MicroCredentialPayloadParent, PublishingProblem } from '../parents.js';
import type { PublishingProblemCode } from '../problemCodes.js';
import { recordAudit, type Actor } from './auditTrail.js';
import { explainConstraintViolation, writeValidEntries } from './catalogueStore.js';
import { lockChangeLog } from './changeLog.js';
import type { CatalogueDatabase, CatalogueTransaction } from './connection.js';
import { recordPublishedVersions } from './history.js';
import {
  microCredentialDrafts,
  microCredentials,
  offerings,
  type DraftRow,
  type MicroCredentialRow,
} from './schema.js';

/** Thrown inside a write transaction to roll it back and report problems instead. */
export class PublishingRefusal extends Error {
  constructor(readonly problems: PublishingProblem[]) {
    super(problems.map((problem) => `${problem.code} at ${problem.path.join('.')}: ${problem.message}`).join('; '));
  }
}

export function refuse(code: PublishingProblemCode, path: Array<string | number>, message: string): never {
  throw new PublishingRefusal([{ code, path, message }]);
}

export function asPublishingProblem(problem: EntryProblem | EntryWarning): PublishingProblem {
  return { code: problem.code, path: problem.path, message: problem.message };
}

interface WriteResult {
  entry?: MicroCredentialRow | null;
  draft?: DraftRow | null;
  warnings?: PublishingProblem[];
}

/** Runs one publishing write: change-feed lock first, refusals rolled back and reported. */
async function publishingWrite(
  db: CatalogueDatabase,
  write: (tx: CatalogueTransaction) => Promise<WriteResult>,
): Promise<MicroCredentialPayloadParent> {
  try {
    const result = await db.transaction(async (tx) => {
      await lockChangeLog(tx);
      return write(tx);
    });
    return {
      microCredential: result.entry ?? null,
      draft: result.draft ?? null,
      problems: [],
      warnings: result.warnings ?? [],
    };
  } catch (error) {
    const explained = explainConstraintViolation(error);
    if (explained instanceof CatalogueEntryError) {
      return { microCredential: null, draft: null, problems: explained.details.map(asPublishingProblem), warnings: [] };
    }
    if (error instanceof PublishingRefusal)
      return { microCredential: null, draft: null, problems: error.problems, warnings: [] };
    throw error;
  }
}

function refusal(
  problems: EntryProblem[],
  mapPath: (path: Array<string | number>) => Array<string | number> = (p) => p,
): PublishingRefusal {
  return new PublishingRefusal(
    problems.map((problem) => ({ ...asPublishingProblem(problem), path: mapPath(problem.path) })),
  );
}

function checkVersion(current: number, expected: number, what: string): void {
  if (current !== expected) {
    refuse(
      'VERSION_CONFLICT',
      ['expectedVersion'],
      `${what} is at version ${current}, not ${expected}: reload it and apply your change again.`,
    );
  }
}

async function lockedEntry(tx: CatalogueTransaction, slug: string): Promise<MicroCredentialRow | undefined> {
  const [row] = await tx.select().from(microCredentials).where(eq(microCredentials.slug, slug)).for('update');
  return row;
}

async function lockedDraft(tx: CatalogueTransaction, slug: string): Promise<DraftRow | undefined> {
  const [row] = await tx.select().from(microCredentialDrafts).where(eq(microCredentialDrafts.slug, slug)).for('update');
  return row;
}

async function storedInput(tx: CatalogueTransaction, row: MicroCredentialRow): Promise<CatalogueEntryInput> {
  const intakes = await tx
    .select()
    .from(offerings)
    .where(eq(offerings.microCredentialSlug, row.slug))
    .orderBy(asc(offerings.code));
  return entryInputOf(row, intakes);
}

async function reread(tx: CatalogueTransaction, slug: string): Promise<MicroCredentialRow | null> {
  const [row] = await tx.select().from(microCredentials).where(eq(microCredentials.slug, slug));
  return row ?? null;
}

/**
 * Full validation, then warnings: what a write of a complete entry returns.
 * `maintenance` writes (sunset, offering edits) do not demand the fields 1.1
 * made required, so entries published under 1.0 stay maintainable.
 */
function validatedEntry(
  entry: Record<string, unknown>,
  options: {
    mapPath?: (path: Array<string | number>) => Array<string | number>;
    maintenance?: boolean;
    institutionLanguages?: readonly OfficialLanguage[];
  } = {},
) {
  const parsed = parseCatalogueEntry(entry, { maintenance: options.maintenance });
  if (!parsed.ok) throw refusal(parsed.problems, options.mapPath);
  const valid = parsed.entry;
  return { valid, warnings: findEntryWarnings(valid, 0, options.institutionLanguages).map(asPublishingProblem) };
}

/**
 * Submitted draft content checked in draft mode (what is there must be well
 * formed): its slug typed when nothing is wrong, otherwise every problem. The
 * slug is always required, since it names the draft.
 */
type ParsedDraft = { ok: true; slug: string } | { ok: false; problems: EntryProblem[] };

function parseDraft(content: Record<string, unknown>): ParsedDraft {
  const problems = findEntryProblems([{ ...content, status: 'DRAFT' }], { draft: true });
  const { slug } = content;
  if (typeof slug !== 'string' || slug === '') {
    problems.unshift({
      entryIndex: 0,
      path: ['slug'],
      code: 'REQUIRED',
      message: 'is required: the slug names the entry',
    });
  }
  return typeof slug === 'string' && problems.length === 0 ? { ok: true, slug } : { ok: false, problems };
}

/** What still blocks publication of a draft's content. */
export function publicationProblems(draft: DraftRow): PublishingProblem[] {
  return findEntryProblems([{ ...draft.content, slug: draft.slug, status: 'ACTIVE' }]).map(asPublishingProblem);
}

export function createDraft(db: CatalogueDatabase, actor: Actor, input: Record<string, unknown>) {
  return publishingWrite(db, async (tx) => {
    const parsed = parseDraft(input);
    if (!parsed.ok) throw refusal(parsed.problems);
    const { slug } = parsed;
    if (await lockedDraft(tx, slug))
      refuse('ALREADY_EXISTS', ['slug'], `a draft of "${slug}" exists already: update it instead`);
    const stored = await lockedEntry(tx, slug);
    // A draft of a stored entry starts from the entry as stored; given fields replace its values.
    const content = { ...(stored ? await storedInput(tx, stored) : {}), ...input };
    for (const managed of ['status', 'sunsetReason'] as const) delete content[managed];
    const [draft] = await tx
      .insert(microCredentialDrafts)
      .values({ slug, content, basedOnVersion: stored?.version ?? null })
      .returning();
    await recordAudit(tx, actor, 'DRAFT_CREATED', { slug, version: draft!.version });
    return { draft, entry: stored ?? null };
  });
}

export function updateDraft(
  db: CatalogueDatabase,
  actor: Actor,
  slug: string,
  expectedVersion: number,
  input: Record<string, unknown>,
) {
  return publishingWrite(db, async (tx) => {
    if (input.slug !== undefined && input.slug !== null && input.slug !== slug) {
      refuse('INCONSISTENT', ['slug'], `must be "${slug}" or left out: an entry cannot be renamed`);
    }
    const content = { ...input, slug };
    const parsed = parseDraft(content);
    if (!parsed.ok) throw refusal(parsed.problems);
    const draft = await lockedDraft(tx, slug);
    if (!draft) refuse('NOT_FOUND', ['id'], `there is no draft of "${slug}": create one first`);
    checkVersion(draft.version, expectedVersion, 'The draft');
    const [updated] = await tx
      .update(microCredentialDrafts)
      .set({ content, version: sql`${microCredentialDrafts.version} + 1`, updatedAt: sql`now()` })
      .where(eq(microCredentialDrafts.slug, slug))
      .returning();
    await recordAudit(tx, actor, 'DRAFT_UPDATED', { slug, version: updated!.version });
    return { draft: updated };
  });
}

export function deleteDraft(db: CatalogueDatabase, actor: Actor, slug: string, expectedVersion: number) {
  return publishingWrite(db, async (tx) => {
    const draft = await lockedDraft(tx, slug);
    if (draft) {
      checkVersion(draft.version, expectedVersion, 'The draft');
      await tx.delete(microCredentialDrafts).where(eq(microCredentialDrafts.slug, slug));
      await recordAudit(tx, actor, 'DRAFT_DELETED', { slug, version: draft.version });
      return { entry: await reread(tx, slug) };
    }
    const stored = await lockedEntry(tx, slug);
    if (!stored) refuse('NOT_FOUND', ['id'], `there is no draft of "${slug}"`);
    if (stored.status !== 'DRAFT') {
      refuse('NOT_A_DRAFT', ['id'], `"${slug}" is ${stored.status}: published entries are sunset, never deleted`);
    }
    checkVersion(stored.version, expectedVersion, 'The entry');
    await tx.delete(microCredentials).where(eq(microCredentials.slug, slug));
    await recordAudit(tx, actor, 'DRAFT_DELETED', { slug, version: stored.version });
    return {};
  });
}

/**
 * `checkOsapClaims` enforces the OSAP rule (osapClaim.ts), asking the province only for entries that break it;
 * `institutionLanguages` decide whether empty French text is worth a warning.
 */
export function publish(
  db: CatalogueDatabase,
  actor: Actor,
  slug: string,
  expectedVersion: number,
  checkOsapClaims: OsapClaimCheck,
  institutionLanguages?: readonly OfficialLanguage[],
) {
  return publishingWrite(db, async (tx) => {
    const draft = await lockedDraft(tx, slug);
    const stored = await lockedEntry(tx, slug);
    let entry: Record<string, unknown>;
    if (draft) {
      checkVersion(draft.version, expectedVersion, 'The draft');
      if ((stored?.version ?? null) !== draft.basedOnVersion) {
        refuse(
          'VERSION_CONFLICT',
          ['id'],
          `the published entry changed since this draft was started (draft based on version ${draft.basedOnVersion ?? 'none'}, ` +
            `entry now at ${stored?.version ?? 'none'}): start a new draft from the current entry`,
        );
      }
      entry = { ...draft.content, slug, status: 'ACTIVE', sunsetReason: null };
    } else if (stored?.status === 'DRAFT') {
      checkVersion(stored.version, expectedVersion, 'The entry');
      entry = { ...(await storedInput(tx, stored)), status: 'ACTIVE' };
    } else if (stored) {
      refuse(
        'NOTHING_TO_PUBLISH',
        ['id'],
        `"${slug}" is ${stored.status} and has no draft: create a draft to change it`,
      );
    } else {
      refuse('NOT_FOUND', ['id'], `there is no draft of "${slug}"`);
    }
    const { valid, warnings } = validatedEntry(entry, { institutionLanguages });
    const osapProblems = await checkOsapClaims([{ slug, entry: valid }]);
    if (osapProblems.length > 0) throw new PublishingRefusal(osapProblems);
    if (stored) {
      await writeValidEntries(tx, [valid]);
    } else {
      // Written as a draft first, then made public, so the change feed reports PUBLISHED rather than CREATED.
      await writeValidEntries(tx, [{ ...valid, status: 'DRAFT' }]);
      await tx.update(microCredentials).set({ status: 'ACTIVE' }).where(eq(microCredentials.slug, slug));
    }
    if (draft) await tx.delete(microCredentialDrafts).where(eq(microCredentialDrafts.slug, slug));
    // A new entry became public only with the status flip, after the store's own history step.
    if (!stored) await recordPublishedVersions(tx, [slug]);
    const published = await reread(tx, slug);
    await recordAudit(tx, actor, 'PUBLISHED', { slug, version: published?.version });
    return { entry: published, warnings };
  });
}

export function sunset(
  db: CatalogueDatabase,
  actor: Actor,
  slug: string,
  change: { expectedVersion: number; reason: string; effectiveDate: string },
) {
  return publishingWrite(db, async (tx) => {
    const stored = await lockedEntry(tx, slug);
    if (!stored) refuse('NOT_FOUND', ['id'], `there is no entry "${slug}"`);
    if (stored.status !== 'ACTIVE')
      refuse('NOT_ACTIVE', ['id'], `"${slug}" is ${stored.status}: only ACTIVE entries can be sunset`);
    checkVersion(stored.version, change.expectedVersion, 'The entry');
    const problems: PublishingProblem[] = [];
    if (change.reason.trim() === '')
      problems.push({ code: 'REQUIRED', path: ['reason'], message: 'must say why the entry is sunset' });
    if (change.effectiveDate < stored.effectiveDate) {
      problems.push({
        code: 'DATES_OUT_OF_ORDER',
        path: ['effectiveDate'],
        message: `must not be before the entry's effectiveDate ${stored.effectiveDate}`,
      });
    }
    if (problems.length > 0) throw new PublishingRefusal(problems);
    const entry = {
      ...(await storedInput(tx, stored)),
      status: 'SUNSET',
      expiryDate: change.effectiveDate,
      sunsetReason: change.reason.trim(),
    };
    const { valid } = validatedEntry(entry, {
      mapPath: (path) => (path[0] === 'sunsetReason' ? ['reason'] : path),
      maintenance: true,
    });
    await writeValidEntries(tx, [valid]);
    const updated = await reread(tx, slug);
    await recordAudit(tx, actor, 'SUNSET', {
      slug,
      version: updated?.version,
      detail: { reason: valid.sunsetReason, effectiveDate: change.effectiveDate },
    });
    return { entry: updated };
  });
}

/** Adds or replaces (by code) one intake of a stored entry, or removes one. */
export function changeOffering(
  db: CatalogueDatabase,
  actor: Actor,
  slug: string,
  expectedVersion: number,
  change: { upsert: Record<string, unknown> } | { remove: string },
  institutionLanguages?: readonly OfficialLanguage[],
) {
  return publishingWrite(db, async (tx) => {
    const stored = await lockedEntry(tx, slug);
    if (!stored) refuse('NOT_FOUND', ['id'], `there is no stored entry "${slug}"`);
    checkVersion(stored.version, expectedVersion, 'The entry');
    const current = await storedInput(tx, stored);
    let intakes: unknown[];
    let changedIndex = -1;
    if ('remove' in change) {
      if (!current.offerings.some((o) => o.code === change.remove))
        refuse('NOT_FOUND', ['code'], `"${slug}" has no offering "${change.remove}"`);
      intakes = current.offerings.filter((o) => o.code !== change.remove);
    } else {
      const existing = current.offerings.findIndex((o) => o.code === change.upsert.code);
      intakes =
        existing >= 0
          ? current.offerings.map((o, i) => (i === existing ? change.upsert : o))
          : [...current.offerings, change.upsert];
      changedIndex = existing >= 0 ? existing : intakes.length - 1;
    }
    // Problems with the submitted offering point at the `offering` argument.
    const { valid, warnings } = validatedEntry(
      { ...current, offerings: intakes },
      {
        mapPath: (path) =>
          path[0] === 'offerings' && path[1] === changedIndex ? ['offering', ...path.slice(2)] : path,
        maintenance: true,
        institutionLanguages,
      },
    );
    await writeValidEntries(tx, [valid]);
    const updated = await reread(tx, slug);
    const action = 'remove' in change ? 'OFFERING_REMOVED' : 'OFFERING_SAVED';
    const code = 'remove' in change ? change.remove : change.upsert.code;
    await recordAudit(tx, actor, action, { slug, version: updated?.version, detail: { offering: code } });
    return { entry: updated, warnings };
  });
}
