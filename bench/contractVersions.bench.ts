/**
 * What serving institutions on an earlier contract version costs per catalogue
 * fetch (gateway/versions/), beside a cost every fetch pays anyway: JSON.parse
 * of a 50-entity answer. In-process, no I/O. The rewrite itself is paid once
 * per (operation text, version); the per-fetch cost is a cache lookup, plus a
 * walk of the variables whose input types differ between the versions.
 */
import { generateCatalogue } from '../seed/catalogue.js';
import { loadCatalogueContracts } from '../gateway/versions/catalogueContracts.js';
import { downgradeOperation } from '../gateway/versions/downgradeOperation.js';
import { requestForContract } from '../gateway/versions/requestForContract.js';
import { microsPerRun } from './microsPerRun.js';
import type { Benchmark } from './run.js';

const contracts = loadCatalogueContracts();
const [current] = contracts;
const v10 = contracts.find((contract) => contract.version === '1.0')!;
const read = {
  query: `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on MicroCredential {
    id title audience audienceFr instructionalHours deliveryMode offerings { startDate priceCad } } } }`,
  variables: { representations: [{ __typename: 'MicroCredential', id: 'examplecollege:a' }] },
};
const input = { ...generateCatalogue('humber', 1, 5, '2026-01-15')[0]!, audience: null };
const write = {
  query: `mutation($input: MicroCredentialInput!) { createMicroCredentialDraft(institution: "examplecollege", input: $input) {
    draft { id version } problems { code path } } }`,
  variables: { input },
};
const answer = JSON.stringify({
  data: { _entities: generateCatalogue('seneca', 50).map((entry) => ({ id: `seneca:${entry.slug}`, ...entry })) },
});

const benchmark: Benchmark = {
  name: 'contract versions',
  async run() {
    const parse = microsPerRun(() => JSON.parse(answer), 2_000);
    let fresh = 0;
    const rows = [
      ['read, institution on the current contract', () => requestForContract('x', read, current, current.schema)],
      ['read, institution on 1.0 (rewrite cached)', () => requestForContract('x', read, v10, current.schema)],
      ['write, institution on 1.0 (variables walked)', () => requestForContract('x', write, v10, current.schema)],
      [
        'read, institution on 1.0, first time (rewrite + validation)',
        () => downgradeOperation(`${read.query} # ${fresh++}`, current.schema, v10.schema),
      ],
    ] as const;
    console.table(
      rows.map(([step, action]) => {
        const micros = microsPerRun(action, 2_000);
        return {
          step,
          'µs per fetch': Number(micros.toFixed(2)),
          'vs JSON.parse of a 50-entity answer': Number((micros / parse).toFixed(3)),
        };
      }),
    );
    console.log(`JSON.parse of a 50-entity answer (${Math.round(answer.length / 1024)} KB): ${parse.toFixed(0)} µs`);
  },
};
export default benchmark;
