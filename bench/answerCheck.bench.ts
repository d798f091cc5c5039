/**
 * The cost of holding an institution's answer to its query (checkAnswer), on
 * the hot path of every catalogue fetch, beside the cost the gateway pays for
 * that answer anyway: JSON.parse of its body. In-process, no I/O: a listing
 * answer (3 institutions × 20 entries with offerings) and a 50-entity batch.
 */
import { answerPlan } from '../gateway/datasources/answerPlan.js';
import { checkAnswer } from '../gateway/datasources/checkAnswer.js';
import { withOwnershipProof } from '../gateway/datasources/ownership.js';
import { buildCatalogueContract } from '../gateway/registry/conformance.js';
import { generateCatalogue } from '../seed/catalogue.js';
import { microsPerRun } from './microsPerRun.js';
import type { Benchmark } from './run.js';

const contract = buildCatalogueContract();
const nodeFields = `id title instructionalHours deliveryMode osapEligible status updatedAt
  offerings { startDate priceCad registrationUrl } skills { framework code label } institution { code }`;

function node(institution: string, entry: ReturnType<typeof generateCatalogue>[number]) {
  const id = `${institution}:${entry.slug}`;
  return {
    id,
    title: entry.title,
    instructionalHours: entry.instructionalHours,
    deliveryMode: entry.deliveryMode,
    osapEligible: entry.osapEligible,
    status: 'ACTIVE',
    updatedAt: '2026-01-15T12:00:00.000Z',
    offerings: entry.offerings.map((o) => ({
      startDate: o.startDate,
      priceCad: o.priceCad,
      registrationUrl: o.registrationUrl,
    })),
    skills: entry.skills,
    institution: { code: institution, _shardKey: institution, _shardType: 'Institution' },
    _shardKey: id,
    _shardType: 'MicroCredential',
  };
}

function scenario(name: string, query: string, data: () => object, representations: unknown[], institution: string) {
  const sent = withOwnershipProof(query, contract);
  const text = JSON.stringify({ data: data() });
  return { name, sent, text, representations, institution };
}

const listing = scenario(
  'listing: 20 entries of one institution (entity fetch)',
  `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Institution {
     microCredentials(first: 20) { totalCount edges { cursor node { ${nodeFields} } } } } } }`,
  () => ({
    _entities: [
      {
        _shardKey: 'humber',
        _shardType: 'Institution',
        microCredentials: {
          totalCount: 20,
          edges: generateCatalogue('humber', 20).map((entry) => ({ cursor: entry.slug, node: node('humber', entry) })),
        },
      },
    ],
  }),
  [{ __typename: 'Institution', code: 'humber' }],
  'humber',
);
const batchEntries = generateCatalogue('seneca', 50);
const batch = scenario(
  'batch: 50 micro-credentials (entity fetch)',
  `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on MicroCredential { ${nodeFields} } } }`,
  () => ({ _entities: batchEntries.map((entry) => node('seneca', entry)) }),
  batchEntries.map((entry) => ({ __typename: 'MicroCredential', id: `seneca:${entry.slug}` })),
  'seneca',
);

const benchmark: Benchmark = {
  name: 'answer check',
  async run() {
    const rows = [listing, batch].map(({ name, sent, text, representations, institution }) => {
      const plan = answerPlan(sent.text, sent.document, contract);
      const parse = microsPerRun(() => JSON.parse(text), 2_000);
      const check = microsPerRun(() => {
        const errors = checkAnswer(JSON.parse(text).data, plan, { institution, variables: {}, representations });
        if (errors.length) throw new Error(JSON.stringify(errors[0]));
      }, 2_000);
      return {
        answer: name,
        'body (KB)': Math.round(text.length / 1024),
        'JSON.parse (µs)': Math.round(parse),
        'parse + check (µs)': Math.round(check),
        'check alone (µs)': Math.round(check - parse),
        'check / parse': Number(((check - parse) / parse).toFixed(2)),
      };
    });
    console.table(rows);
  },
};
export default benchmark;
