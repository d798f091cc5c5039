/**
 * The conformance kit: everything the gateway holds an institution's server
 * to, run against any URL before the province registers it
 * (`npm run conformance -- --url URL --institution CODE`).
 *
 * It reuses the gateway's own mechanisms rather than restating them: the SDL
 * check of the registry (contractProblems), the call with its deadline and
 * size cap (callInstitution), the ownership aliases (withOwnershipProof) and
 * the answer check (checkAnswer: ownership, shapes, types, enums, page sizes).
 * On top of those come the contract's behavioural rules: drafts invisible,
 * sunset entries resolvable, the change feed's order and cursor rules,
 * owner-only reads refused without a key, and foreign keys answered with null.
 */
import type { GraphQLFormattedError } from 'graphql';
import { answerPlan } from '../datasources/answerPlan.js';
import { checkAnswer } from '../datasources/checkAnswer.js';
import { InstitutionCallError, callInstitution } from '../datasources/institutionClient.js';
import { withOwnershipProof } from '../datasources/ownership.js';
import { matchContractVersion } from '../registry/conformance.js';
import {
  loadCatalogueContracts,
  type CatalogueContract,
  type CatalogueContracts,
} from '../versions/catalogueContracts.js';
import { requestForContract } from '../versions/requestForContract.js';

export interface CheckResult {
  name: string;
  /** What the check holds the server to, in one line. */
  rule: string;
  problems: string[];
  /** Set when the check could not run (e.g. no SUNSET entry to resolve). */
  skipped?: string;
}

export interface ConformanceReport {
  url: string;
  institution: string;
  passed: boolean;
  /** The catalogue contract version its SDL matched; the behavioural checks ran against it. */
  contractVersion?: string;
  checks: CheckResult[];
}

export interface ConformanceOptions {
  url: string;
  institution: string;
  /** The gateway's deadline for one call (INSTITUTION_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Sent on the owner-only checks when given; never needed for the rest. */
  publishingKey?: string;
  /** The contract version the institution says it implements (`1.0`); it must be the one its SDL matches. */
  claimedVersion?: string;
}

/** A page size small enough to make the server page even a small catalogue. */
const pageSize = 2;
/** No catalogue is paged further than this by the kit. */
const maxPages = 500;

const microCredentialFields = `id institution { code } externalCode title titleFr description descriptionFr languages
  learningOutcomes audience audienceFr skills { framework code label } occupations { nocCode title } cip { code title }
  instructionalHours durationWeeks creditBearing credits deliveryMode
  assessment { types summativeDescription passingThreshold attemptsAllowed } supervision prerequisites
  qualityAssurance { body type } awards { type description standard }
  stackability { kind programs { name programCode url } }
  offerings { id startDate endDate location online priceCad registrationUrl } osapEligible
  partners { name kind } transferContact { name email phone } courseOutlineUrl
  status effectiveDate expiryDate reviewDate sunsetReason history { version status recordedAt entry } version updatedAt`;

export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const kit = new Kit(options, loadCatalogueContracts());
  const checks: CheckResult[] = [];
  const run = async (name: string, rule: string, check: (result: CheckResult) => Promise<void>) => {
    const result: CheckResult = { name, rule, problems: [] };
    try {
      await check(result);
    } catch (error) {
      result.problems.push(describeFailure(error));
    }
    checks.push(result);
    return result;
  };

  const sdl = await run(
    'contract',
    'serves `_service { sdl }` matching a known catalogue contract version (schema/catalogue.graphql or schema/contracts/), with both entity keys',
    (r) => kit.checkSdl(r),
  );
  if (sdl.problems.length === 0) {
    const ids = { listed: [] as Array<{ id: string; status: string }>, fed: [] as string[] };
    await run(
      'change feed',
      'changes(institution:) pages oldest first, cursors advance, an empty page keeps its cursor',
      (r) => kit.checkFeed(r, ids.fed),
    );
    await run(
      'listing',
      'Institution.microCredentials (an entity call) pages by `first`/`after`, public entries only',
      (r) => kit.checkListing(r, ids.listed),
    );
    await run(
      'entities',
      '`_entities` answers each MicroCredential and Institution in order, null for what is not its own',
      (r) =>
        kit.checkEntities(
          r,
          ids.listed.map((entry) => entry.id),
        ),
    );
    await run('drafts invisible', 'public reads never show a DRAFT; owner-only reads need a key', (r) =>
      kit.checkDrafts(r, ids.listed, ids.fed),
    );
    await run('sunset resolvable', 'a SUNSET entry stays resolvable by id, with status SUNSET', (r) =>
      kit.checkSunset(r, ids.listed),
    );
  }
  return {
    url: options.url,
    institution: options.institution,
    passed: checks.every((check) => check.problems.length === 0),
    contractVersion: kit.contract?.version,
    checks,
  };
}

/**
 * An answer that has passed checkAnswer against the contract: its data has the contract's shape,
 * so the checks read it as such instead of restating the contract in types here.
 */
// biome-ignore lint/suspicious/noExplicitAny: the shape was checked at run time by checkAnswer.
type CheckedAnswer = { data: Record<string, any> | null; errors: GraphQLFormattedError[] };

class Kit {
  private readonly timeoutMs: number;
  /** The version the SDL matched; until then, the current one. Every later check runs against it. */
  contract?: CatalogueContract;

  constructor(
    private readonly options: ConformanceOptions,
    private readonly contracts: CatalogueContracts,
  ) {
    this.timeoutMs = options.timeoutMs ?? 3_000;
  }

  /** One call, as the gateway makes it; the gateway's own answer check's findings become problems. */
  async ask(
    result: CheckResult,
    query: string,
    variables: Record<string, unknown> = {},
    representations?: unknown[],
  ): Promise<CheckedAnswer> {
    const current = this.contracts[0];
    const contract = this.contract ?? current;
    // The kit's queries are written against the current contract and cut down, as the gateway does, to the version served.
    const request = requestForContract(this.options.institution, { query, variables }, contract, current.schema);
    const sent = withOwnershipProof(request.query, current.schema);
    const answer = await callInstitution({
      institution: this.options.institution,
      url: this.options.url,
      body: { query: sent.text, variables: request.variables },
      timeoutMs: this.timeoutMs,
    });
    const problems = checkAnswer(answer.data, answerPlan(sent.text, sent.document, contract.schema), {
      institution: this.options.institution,
      variables,
      representations,
    });
    for (const problem of problems) result.problems.push(`${problem.message} (at ${(problem.path ?? []).join('.')})`);
    return answer as CheckedAnswer;
  }

  async checkSdl(result: CheckResult): Promise<void> {
    const answer = await this.ask(result, 'query __ApolloGetServiceDefinition__ { _service { sdl } }');
    const sdl = answer.data?._service?.sdl;
    if (typeof sdl !== 'string') {
      result.problems.push(
        '`_service { sdl }` gave no SDL: serve the contract with @apollo/subgraph or its equivalent.',
      );
      return;
    }
    const match = matchContractVersion(sdl, this.contracts);
    if (match.kind === 'NONE') return void result.problems.push(...match.problems);
    this.contract = match.contract;
    const claimed = this.options.claimedVersion;
    if (claimed && claimed !== match.contract.version)
      result.problems.push(`it claims catalogue contract ${claimed}, but its SDL matches ${match.contract.version}.`);
  }

  async checkFeed(result: CheckResult, fedIds: string[]): Promise<void> {
    const { institution } = this.options;
    const query = `query($institution: ID!, $since: String, $first: Int) { changes(institution: $institution, since: $since, first: $first) {
      cursor hasMore changes { cursor kind microCredentialId occurredAt microCredential { id status } } } }`;
    let since: string | null = null;
    let previousOccurredAt = '';
    const seenCursors = new Set<string>();
    for (let page = 0; page < maxPages; page++) {
      const answer = await this.ask(result, query, { institution, since, first: pageSize });
      const changes = answer.data?.changes;
      if (!changes)
        return void result.problems.push(`changes(institution: "${institution}") failed: ${firstError(answer.errors)}`);
      for (const change of changes.changes ?? []) {
        if (seenCursors.has(change.cursor)) {
          return void result.problems.push(
            `change cursor "${change.cursor}" came back again: the feed does not advance.`,
          );
        }
        seenCursors.add(change.cursor);
        if (change.occurredAt < previousOccurredAt) {
          result.problems.push(`changes are not oldest first: ${change.occurredAt} comes after ${previousOccurredAt}.`);
        }
        previousOccurredAt = change.occurredAt;
        if (change.microCredential?.status === 'DRAFT')
          result.problems.push(`the feed shows draft ${change.microCredentialId}.`);
        if (change.microCredential) fedIds.push(change.microCredential.id);
      }
      const last = changes.changes?.at(-1);
      if (last && changes.cursor !== last.cursor) {
        return void result.problems.push(
          `a page's cursor must be its last change's cursor ("${last.cursor}"), got ${JSON.stringify(changes.cursor)}.`,
        );
      }
      if (!last) {
        if (changes.cursor !== since) {
          result.problems.push(
            `an empty page must give back the cursor it was asked from (${JSON.stringify(since)}), got ${JSON.stringify(changes.cursor)}: ` +
              'a poller would otherwise start again from the beginning.',
          );
        }
        if (changes.hasMore) result.problems.push('an empty page says hasMore: true.');
        return;
      }
      since = changes.cursor;
      if (!changes.hasMore) {
        // One more call from the final cursor: the empty page a poller sees between changes.
        const after = await this.ask(result, query, { institution, since, first: pageSize });
        const tail = after.data?.changes;
        if (tail && tail.changes.length === 0 && tail.cursor !== since) {
          result.problems.push(
            `an empty page must give back the cursor it was asked from: polling from the final cursor ${JSON.stringify(since)} gave ${JSON.stringify(tail.cursor)}, so a poller would start again from the beginning.`,
          );
        }
        if (tail && tail.changes.length > 0)
          result.problems.push('the last page said hasMore: false, yet more changes followed.');
        return;
      }
    }
    result.problems.push(`the feed did not end within ${maxPages} pages of ${pageSize}.`);
  }

  async checkListing(result: CheckResult, listed: Array<{ id: string; status: string }>): Promise<void> {
    const { institution } = this.options;
    const query = `query($representations: [_Any!]!, $first: Int, $after: String) { _entities(representations: $representations) {
      ... on Institution { code microCredentials(first: $first, after: $after) { totalCount
        edges { cursor node { id status } } pageInfo { hasNextPage endCursor } } } } }`;
    const representations = [{ __typename: 'Institution', code: institution }];
    let after: string | null = null;
    let totalCount: number | undefined;
    for (let page = 0; page < maxPages; page++) {
      const answer = await this.ask(result, query, { representations, first: pageSize, after }, representations);
      const connection = answer.data?._entities?.[0]?.microCredentials;
      if (!connection) {
        return void result.problems.push(
          `_entities for Institution "${institution}" gave no microCredentials: ${firstError(answer.errors)}`,
        );
      }
      totalCount ??= connection.totalCount;
      for (const edge of connection.edges) listed.push(edge.node);
      if (!connection.pageInfo.hasNextPage) break;
      if (connection.edges.length === 0)
        return void result.problems.push('a page with hasNextPage: true has no edges.');
      after = connection.pageInfo.endCursor;
    }
    if (totalCount !== undefined && totalCount !== listed.length) {
      result.problems.push(`totalCount is ${totalCount}, but paging returned ${listed.length} entries.`);
    }
    if (new Set(listed.map((entry) => entry.id)).size !== listed.length)
      result.problems.push('paging returned an entry twice.');
    const ids = listed.map((entry) => entry.id);
    if (ids.some((id, i) => i > 0 && ids[i - 1]! > id)) result.problems.push('the listing is not ordered by id.');
  }

  async checkEntities(result: CheckResult, ids: string[]): Promise<void> {
    const { institution } = this.options;
    const other = institution === 'othercollege' ? 'anothercollege' : 'othercollege';
    const representations = [
      ...ids.slice(0, 5).map((id) => ({ __typename: 'MicroCredential', id })),
      { __typename: 'MicroCredential', id: `${other}:some-entry` },
      { __typename: 'MicroCredential', id: `${institution}:no-such-entry-${Date.now()}` },
      { __typename: 'Institution', code: institution },
      { __typename: 'Institution', code: other },
    ];
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on MicroCredential { ${microCredentialFields} } ... on Institution { code } } }`;
    const answer = await this.ask(result, query, { representations }, representations);
    const entities = answer.data?._entities;
    if (!Array.isArray(entities)) return void result.problems.push(`_entities failed: ${firstError(answer.errors)}`);
    if (entities.length !== representations.length) {
      return void result.problems.push(
        `_entities must answer ${representations.length} items in order, got ${entities.length}.`,
      );
    }
    const known = ids.slice(0, 5).length;
    entities.slice(0, known).forEach((entity, i) => {
      if (entity === null) result.problems.push(`_entities gave null for its own public entry ${ids[i]}.`);
    });
    if (entities[known] !== null)
      result.problems.push(`_entities must answer null for another institution's id (${other}:…).`);
    if (entities[known + 1] !== null) result.problems.push('_entities must answer null for an id it does not have.');
    if (entities[known + 2]?.code !== institution)
      result.problems.push(`_entities must resolve Institution "${institution}".`);
    if (entities[known + 3] !== null) result.problems.push(`_entities must answer null for Institution "${other}".`);
    const root = await this.ask(result, `query($id: ID!) { microCredential(id: $id) { id } }`, {
      id: `${other}:some-entry`,
    });
    if (root.data?.microCredential) result.problems.push(`microCredential(id: "${other}:…") must be null.`);
  }

  async checkDrafts(
    result: CheckResult,
    listed: Array<{ id: string; status: string }>,
    fedIds: string[],
  ): Promise<void> {
    for (const entry of listed) {
      if (entry.status === 'DRAFT') result.problems.push(`the public listing shows draft ${entry.id}.`);
    }
    const drafts = await this.ask(
      result,
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Institution {
        microCredentials(first: 100, filter: { status: [DRAFT] }) { totalCount edges { node { id } } } } } }`,
      { representations: [{ __typename: 'Institution', code: this.options.institution }] },
      [{ __typename: 'Institution', code: this.options.institution }],
    );
    const shown = drafts.data?._entities?.[0]?.microCredentials;
    if (shown && (shown.totalCount > 0 || shown.edges.length > 0)) {
      result.problems.push('filter: { status: [DRAFT] } shows drafts to an anonymous caller.');
    }
    const ownerOnly = await this.ask(result, `query($id: ID!) { myMicroCredential(id: $id) { id } }`, {
      id: fedIds[0] ?? `${this.options.institution}:any-entry`,
    });
    if (!ownerOnly.errors.some((error) => error.extensions?.code === 'UNAUTHENTICATED')) {
      result.problems.push('myMicroCredential without a key must fail with UNAUTHENTICATED.');
    }
    const write = await this.ask(
      result,
      `mutation($institution: ID!) { createMicroCredentialDraft(institution: $institution, input: { slug: "conformance-check" }) { draft { id } } }`,
      { institution: this.options.institution },
    );
    if (write.data?.createMicroCredentialDraft?.draft) result.problems.push('a write without a key was accepted.');
  }

  async checkSunset(result: CheckResult, listed: Array<{ id: string; status: string }>): Promise<void> {
    const sunset = listed.filter((entry) => entry.status === 'SUNSET');
    if (sunset.length === 0) {
      result.skipped = 'the catalogue has no SUNSET entry to resolve';
      return;
    }
    for (const entry of sunset.slice(0, 5)) {
      const answer = await this.ask(result, `query($id: ID!) { microCredential(id: $id) { id status expiryDate } }`, {
        id: entry.id,
      });
      if (answer.data?.microCredential?.status !== 'SUNSET') {
        result.problems.push(`microCredential(id: "${entry.id}") must resolve the sunset entry, with status SUNSET.`);
      }
    }
  }
}

function firstError(errors: readonly GraphQLFormattedError[]): string {
  return errors[0]?.message ?? 'no data and no error';
}

function describeFailure(error: unknown): string {
  if (error instanceof InstitutionCallError) {
    const advice: Record<string, string> = {
      TIMEOUT: 'answer within the deadline (INSTITUTION_TIMEOUT_MS, 3 s by default)',
      TOO_LARGE: 'keep every answer under the size cap',
      UNREACHABLE: 'check the URL and that the server listens on it',
      HTTP_ERROR: 'answer POST /graphql with a GraphQL JSON body',
      MALFORMED_RESPONSE: 'answer with a GraphQL response object (`data` and/or `errors`)',
    };
    return `${error.message}${advice[error.failure] ? ` — ${advice[error.failure]}` : ''}.`;
  }
  return `the check failed: ${(error as Error).message}`;
}
