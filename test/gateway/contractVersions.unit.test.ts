/**
 * Mixed contract versions as pure logic: which version an SDL serves, and how
 * an operation written against the current contract is cut down for an
 * institution on an earlier one (or refused, when cutting would lose data).
 * The real 1.0 and current contracts cover the catalogue's own fields; two
 * small versions of a made-up contract cover what the catalogue does not have
 * yet (an optional argument, a new enum value, a new type).
 */
import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, print, validate, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { answerPlan } from '../../gateway/datasources/answerPlan.js';
import { checkAnswer } from '../../gateway/datasources/checkAnswer.js';
import { withOwnershipProof } from '../../gateway/datasources/ownership.js';
import { matchContractVersion } from '../../gateway/registry/conformance.js';
import { loadCatalogueContracts, minorVersionProblems } from '../../gateway/versions/catalogueContracts.js';
import { downgradeOperation, downgradeVariables } from '../../gateway/versions/downgradeOperation.js';
import { refusedAsInvalid, requestForContract } from '../../gateway/versions/requestForContract.js';
import { outcomesPart, withoutOptionalParts } from '../../runtime/catalogueOptionalParts.js';
import { catalogueSettings } from '../../subgraphs/catalogue/settings.js';

const contracts = loadCatalogueContracts();
const current = contracts[0];
const v10 = contracts.find((contract) => contract.version === '1.0')!;
const sdlOf = (file: string) => readFileSync(new URL(`../../schema/${file}`, import.meta.url), 'utf8');

describe('contract versions', () => {
  it('knows the current contract and the frozen 1.0, newest first', () => {
    expect(contracts.map((contract) => contract.version)).toEqual(['1.1', '1.0']);
  });

  it('keeps every version a minor version of the one before: nothing breaks, every new field is nullable', () => {
    for (let i = 0; i + 1 < contracts.length; i++) {
      const [newer, older] = [contracts[i]!, contracts[i + 1]!];
      expect({ [`${older.version} → ${newer.version}`]: minorVersionProblems(older.schema, newer.schema) }).toEqual({
        [`${older.version} → ${newer.version}`]: [],
      });
    }
  });

  it('flags what a minor version may not do', () => {
    const federation = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key"])';
    const build = (sdl: string) => buildSubgraphSchema({ typeDefs: parse(`${federation}\n${sdl}`) });
    const older = build('type Query { entry: Entry } type Entry { id: ID! title: String } input F { a: String }');
    const newer = build(`type Query { entry(lang: String!): Entry } type Entry { id: ID! audience: String! plar: Plar }
      type Plar { available: Boolean! } input F { a: String b: Int! }`);
    const problems = minorVersionProblems(older, newer).join('\n');
    expect(problems).toContain('Entry.title was removed');
    expect(problems).toContain('Entry.audience is new and non-null');
    expect(problems).toMatch(/required arg lang/i);
    expect(problems).toContain('A required field b on input type F was added');
    // A new type is reached only through a new nullable field: its own fields may be non-null.
    expect(problems).not.toContain('Plar.available');
  });

  it('lets no other subgraph @require a catalogue field the oldest version lacks', () => {
    const oldest = contracts.at(-1)!.schema.getType('MicroCredential') as GraphQLObjectType;
    const required = [...sdlOf('framework.graphql').matchAll(/@requires\(fields: "([^"]+)"\)/g)].flatMap((match) =>
      match[1]!.split(/\s+/),
    );
    expect(required.length).toBeGreaterThan(0);
    for (const field of required) expect(oldest.getFields()).toHaveProperty(field);
  });

  it('learns the version from the SDL served: the newest it conforms to', () => {
    const served = (sdl: string) => {
      const match = matchContractVersion(sdl, contracts);
      return match.kind === 'MATCH' ? match.contract.version : match.problems;
    };
    expect(served(sdlOf('catalogue.graphql'))).toBe('1.1');
    expect(served(sdlOf('contracts/catalogue-1.0.graphql'))).toBe('1.0');
    // Half way to 1.1 (one of the two new fields) is still 1.0: the gateway asks it only for 1.0.
    const halfWay = sdlOf('contracts/catalogue-1.0.graphql').replace('  prerequisites: [String!]!\n', (line) =>
      line.concat('  audience: String\n'),
    );
    expect(served(halfWay)).toBe('1.0');
  });

  it('reports an SDL that matches no known version, with its differences from the closest', () => {
    const altered = sdlOf('contracts/catalogue-1.0.graphql').replace('  courseOutlineUrl: URL!\n', '');
    const match = matchContractVersion(altered, contracts);
    expect(match.kind).toBe('NONE');
    const problems = match.kind === 'NONE' ? match.problems : [];
    expect(problems[0]).toMatch(/matches no known catalogue contract version \(1\.1, 1\.0\); against 1\.0/);
    expect(problems.join('\n')).toContain('courseOutlineUrl');
  });
});

describe('cutting an operation down to 1.0', () => {
  const down = (query: string) => downgradeOperation(query, current.schema, v10.schema);

  it('leaves an operation that only uses 1.0 untouched', () => {
    const query = 'query($id: ID!) { microCredential(id: $id) { id title prerequisites } }';
    expect(down(query)).toEqual({ kind: 'SENDABLE', query, removed: [], variablesToCheck: [] });
  });

  it('removes 1.1 fields from an entity fetch, and the result is valid against 1.0', () => {
    const result = down(
      'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on MicroCredential { id audience title audienceFr } } }',
    );
    expect(result.kind).toBe('SENDABLE');
    if (result.kind !== 'SENDABLE') return;
    expect(result.removed).toEqual(['MicroCredential.audience', 'MicroCredential.audienceFr']);
    expect(result.query).not.toContain('audience');
    expect(result.query).toContain('title');
    expect(validate(v10.schema, parse(result.query))).toEqual([]);
  });

  it('keeps a selection set valid when only 1.1 fields were asked for, and cuts inside named fragments', () => {
    const only = down('{ microCredential(id: "humber:a") { audience } }');
    expect(only.kind === 'SENDABLE' && only.query.replace(/\s+/g, ' ')).toBe(
      '{ microCredential(id: "humber:a") { __typename } }',
    );
    const fragment = down('{ microCredential(id: "humber:a") { ...F } } fragment F on MicroCredential { id audience }');
    expect(fragment.kind === 'SENDABLE' && fragment.query).not.toContain('audience');
  });

  it('caches the rewrite per operation text and version', () => {
    const query = '{ microCredential(id: "humber:b") { id audienceFr } }';
    expect(down(query)).toBe(down(query));
  });

  const create = `mutation($input: MicroCredentialInput!) {
    createMicroCredentialDraft(institution: "examplecollege", input: $input) { problems { code } } }`;

  it('refuses a write whose input carries a 1.1 value, naming it, rather than dropping it', () => {
    expect(() =>
      requestForContract(
        'examplecollege',
        { query: create, variables: { input: { title: 'T', audience: 'Adult learners' } } },
        v10,
        current.schema,
      ),
    ).toThrow(
      /contract 1\.0.*\$input\.audience: MicroCredentialInput\.audience is not in this version.*nothing was sent/,
    );
    const literal =
      down(`mutation { createMicroCredentialDraft(institution: "x", input: { title: "T", audienceFr: "Adultes" }) {
      problems { code } } }`);
    expect(literal).toEqual({
      kind: 'UNSUPPORTED',
      reasons: ['MicroCredentialInput.audienceFr is not in this version'],
    });
  });

  it('refuses a write that 1.1 added (outcome reports) rather than answering it with null', () => {
    expect(down(`mutation { reportOutcomes(institution: "x", reports: []) { problems { code } } }`)).toEqual({
      kind: 'UNSUPPORTED',
      reasons: ['Mutation.reportOutcomes is not in this version'],
    });
  });

  it('sends a write whose 1.1 input fields are absent or null, without them', () => {
    const request = requestForContract(
      'examplecollege',
      { query: create, variables: { input: { title: 'T', audience: null, prerequisites: ['none'] } } },
      v10,
      current.schema,
    );
    expect(request.query).toBe(create);
    expect(request.variables).toEqual({ input: { title: 'T', prerequisites: ['none'] } });
    const literal = down(
      'mutation { createMicroCredentialDraft(institution: "x", input: { audience: null }) { draft { id } } }',
    );
    expect(literal.kind === 'SENDABLE' && literal.query).not.toContain('audience');
  });

  it('holds a 1.0 answer to 1.0: a 1.1 field it sends anyway is discarded as invalid', () => {
    const request = requestForContract(
      'examplecollege',
      {
        query: 'query($id: ID!) { microCredential(id: $id) { id title audience } }',
        variables: { id: 'examplecollege:a' },
      },
      v10,
      current.schema,
    );
    const sent = withOwnershipProof(request.query, current.schema);
    const own = { id: 'examplecollege:a', _shardKey: 'examplecollege:a', _shardType: 'MicroCredential', title: 'A' };
    const check = (data: object) =>
      checkAnswer(data as Record<string, unknown>, answerPlan(sent.text, sent.document, v10.schema), {
        institution: 'examplecollege',
        variables: request.variables ?? {},
      }).map((error) => error.extensions?.reason);
    expect(check({ microCredential: { ...own } })).toEqual([]);
    expect(check({ microCredential: { ...own, audience: 'Everyone' } })).toEqual(['UNEXPECTED_FIELD']);
  });
});

describe('an institution on the current version that leaves an optional part out', () => {
  const withoutOutcomes = print(withoutOptionalParts(current.typeDefs, [outcomesPart]));
  const match = matchContractVersion(withoutOutcomes, contracts);
  const served = match.kind === 'MATCH' ? match.contract : current;
  const query = 'query($id: ID!) { microCredential(id: $id) { id title audience outcomes { enrolments } } }';

  it('is on the current version, served without the part: the schema it is asked against lacks it', () => {
    expect(match.kind).toBe('MATCH');
    expect(served).toMatchObject({ version: '1.1', partsLeftOut: ['outcomes'] });
    expect(served.schema.getType('OutcomeReport')).toBeUndefined();
    expect((served.schema.getType('MicroCredential') as GraphQLObjectType).getFields()).not.toHaveProperty('outcomes');
    // Every institution serving the same SDL shares one served contract, so one cache of rewrites.
    const again = matchContractVersion(withoutOutcomes, contracts);
    expect(again.kind === 'MATCH' && again.contract).toBe(served);
    // The whole current contract is served as published.
    const whole = matchContractVersion(sdlOf('catalogue.graphql'), contracts);
    expect(whole.kind === 'MATCH' && whole.contract).toBe(current);
  });

  it('gets `outcomes` cut from a read, keeping the rest, while the same text goes whole to an institution serving it', () => {
    const cut = requestForContract('quiet', { query, variables: { id: 'quiet:a' } }, served, current.schema);
    expect(cut.query).not.toContain('outcomes');
    expect(cut.query).toContain('audience');
    expect(validate(served.schema, parse(cut.query))).toEqual([]);
    expect(requestForContract('humber', { query }, current, current.schema).query).toBe(query);
    expect(downgradeOperation(query, current.schema, served.schema)).toBe(
      downgradeOperation(query, current.schema, served.schema),
    );
  });

  it('refuses a write of the part, naming the version and the part it leaves out', () => {
    const write = 'mutation { reportOutcomes(institution: "quiet", reports: []) { problems { code } } }';
    expect(() => requestForContract('quiet', { query: write }, served, current.schema)).toThrow(
      /contract 1\.1 without the optional outcomes part, which lacks what this request sends \(Mutation\.reportOutcomes/,
    );
  });
});

describe('running the reference catalogue without an optional part', () => {
  it('reads the parts to leave out from OPTIONAL_PARTS_LEFT_OUT, refusing a name that is no part', () => {
    const env = { INSTITUTION_CODE: 'quiet', DATABASE_URL: 'postgres://db.invalid/catalogue' };
    expect(catalogueSettings(env).optionalPartsLeftOut).toEqual([]);
    expect(catalogueSettings({ ...env, OPTIONAL_PARTS_LEFT_OUT: ' outcomes ' }).optionalPartsLeftOut).toEqual([
      outcomesPart,
    ]);
    expect(() => catalogueSettings({ ...env, OPTIONAL_PARTS_LEFT_OUT: 'outcome' })).toThrow(
      /OPTIONAL_PARTS_LEFT_OUT "outcome" is not an optional part of the catalogue contract \(known: outcomes\)/,
    );
  });
});

describe('noticing that an institution changed version', () => {
  it('takes a whole request refused without an application code as a sign its schema changed, and nothing else', () => {
    const refused = (errors: object[], data: Record<string, unknown> | null = null) =>
      refusedAsInvalid({ data, errors: errors as never });
    expect(refused([{ message: 'Cannot query field "audience" on type "MicroCredential".' }])).toBe(true);
    expect(refused([{ message: 'Cannot query field', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }])).toBe(true);
    expect(refused([{ message: 'Sign in', extensions: { code: 'UNAUTHENTICATED' } }])).toBe(false);
    expect(refused([{ message: 'Cannot query field' }], { microCredential: null })).toBe(false);
    expect(refused([])).toBe(false);
  });
});

describe('cutting down what the catalogue does not have yet', () => {
  const federation = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key"])';
  const older = buildSubgraphSchema({
    typeDefs: parse(`${federation}
      type Query { entry(id: ID!): Entry  entries(kind: Kind): [Entry!]!  things: [Thing!]! }
      type Mutation { save(input: EntryInput!): Entry }
      type Entry @key(fields: "id") { id: ID! title: String kind: Kind }
      union Thing = Entry
      enum Kind { A B }
      input EntryInput { title: String kind: Kind }`),
  });
  const newer = buildSubgraphSchema({
    typeDefs: parse(`${federation}
      type Query { entry(id: ID!): Entry  entries(kind: Kind): [Entry!]!  things: [Thing!]! }
      type Mutation { save(input: EntryInput!, lang: Lang): Entry }
      type Entry @key(fields: "id") { id: ID! title(lang: Lang): String kind: Kind }
      type Review { stars: Int }
      union Thing = Entry | Review
      enum Kind { A B C }
      enum Lang { EN FR }
      input EntryInput { title: String kind: Kind }`),
  });
  const down = (query: string) => downgradeOperation(query, newer, older);

  it('removes an optional argument the older version lacks, and the variable that fed it', () => {
    const result = down('query($lang: Lang, $id: ID!) { entry(id: $id) { title(lang: $lang) } }');
    expect(result.kind === 'SENDABLE' && result.query.replace(/\s+/g, ' ')).toBe(
      'query ($id: ID!) { entry(id: $id) { title } }',
    );
    expect(result.kind === 'SENDABLE' && result.removed).toEqual(['Entry.title(lang)']);
  });

  it('refuses a mutation argument the older version lacks, but drops a null one', () => {
    expect(down('mutation { save(input: { title: "T" }, lang: FR) { id } }').kind).toBe('UNSUPPORTED');
    expect(down('mutation { save(input: { title: "T" }, lang: null) { id } }').kind).toBe('SENDABLE');
  });

  it('removes fragments on a type the older version lacks', () => {
    const result = down('{ things { ... on Entry { id } ... on Review { stars } } }');
    expect(result.kind === 'SENDABLE' && result.query).not.toContain('Review');
  });

  it('holds an answer to the version of whoever sent it, for the same text: an older one may not send a newer enum value', () => {
    const text = '{ entries { id kind } }';
    const document = parse(text);
    const answer = () => ({ entries: [{ id: 'e1', kind: 'C' }] });
    const reasons = (schema: typeof older) =>
      checkAnswer(answer(), answerPlan(text, document, schema), { institution: 'x', variables: {} }).map(
        (error) => error.extensions?.reason,
      );
    expect(reasons(newer)).toEqual([]);
    expect(reasons(older)).toEqual(['UNKNOWN_ENUM_VALUE']);
  });

  it('refuses an enum value the older version lacks, as a literal or in a variable', () => {
    const literal = down('{ entries(kind: C) { id } }');
    expect(literal.kind).toBe('UNSUPPORTED');
    expect(literal.kind === 'UNSUPPORTED' && literal.reasons.join()).toContain('"C"');
    const query = 'query($kind: Kind) { entries(kind: $kind) { id } }';
    const result = down(query);
    if (result.kind !== 'SENDABLE') throw new Error('expected a sendable rewrite');
    expect(result.variablesToCheck.map((definition) => definition.variable.name.value)).toEqual(['kind']);
    expect(downgradeVariables({ kind: 'C' }, result.variablesToCheck, newer, older)).toEqual({
      kind: 'UNSUPPORTED',
      reasons: ['$kind: Kind.C is not in this version'],
    });
    expect(downgradeVariables({ kind: 'B' }, result.variablesToCheck, newer, older)).toEqual({
      kind: 'SENDABLE',
      variables: { kind: 'B' },
    });
  });
});
