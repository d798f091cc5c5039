import { describe, expect, it } from 'vitest';
import { planPathways } from '../../subgraphs/framework/recognition/pathways.js';
import { decision, graphOf, program, rule } from './graphFixtures.js';

// Humber's analytics certificate: one common-core data analytics item (3 credits) and two of its own applied courses (6 credits).
const analytics = program('humber:BAN-GC');
const rules = new Map([
  [
    analytics.id,
    [
      rule(analytics.id, 0, { name: 'Foundations', commonCoreCodes: ['CC-DATA'], requiredCount: 1, creditsGranted: 3 }),
      rule(analytics.id, 1, {
        name: 'Applied',
        microCredentialIds: ['humber:sql', 'humber:dashboards', 'humber:python'],
        requiredCount: 2,
        creditsGranted: 6,
      }),
    ],
  ],
]);
const graph = graphOf({
  commonCore: { 'CC-DATA': ['humber:data', 'seneca:data', 'durham:data'] },
  decisions: [
    decision('seneca:python', 'humber:python'),
    // A decision by another institution does not count toward Humber's program.
    decision('durham:sql', 'georgian:sql'),
    decision('georgian:sql', 'humber:sql', { endDate: '2025-06-30' }),
  ],
});

describe('the pathway planner', () => {
  it('finds a complete pathway and says why each completed micro-credential counts', () => {
    const [plan] = planPathways(graph, [analytics], rules, ['humber:data', 'humber:sql', 'humber:dashboards']);
    expect(plan!.complete).toBe(true);
    expect(plan!.creditsEarned).toBe(9);
    expect(plan!.creditsRemaining).toBe(0);
    expect(plan!.rules.map((r) => r.counted.map((c) => [c.completed, c.basis, c.countsAs]))).toEqual([
      [['humber:data', 'COMMON_CORE', 'CC-DATA']],
      [
        ['humber:sql', 'LISTED', 'humber:sql'],
        ['humber:dashboards', 'LISTED', 'humber:dashboards'],
      ],
    ]);
  });

  it('reports a partial pathway with what remains', () => {
    const [plan] = planPathways(graph, [analytics], rules, ['humber:sql']);
    expect(plan!.complete).toBe(false);
    expect(plan!.creditsEarned).toBe(0);
    expect(plan!.creditsRemaining).toBe(9);
    const [foundations, applied] = plan!.rules;
    expect(foundations!.remainingCount).toBe(1);
    expect(applied!.counted.map((c) => c.completed)).toEqual(['humber:sql']);
    expect(applied!.remainingCount).toBe(1);
    expect(applied!.remainingChoices).toEqual(['humber:dashboards', 'humber:python']);
  });

  it('mixes institutions: common core and the program institution’s own decisions count, others’ and expired ones do not', () => {
    const [plan] = planPathways(graph, [analytics], rules, [
      'seneca:data',
      'seneca:python',
      'durham:sql',
      'georgian:sql',
    ]);
    expect(plan!.rules[0]!.counted).toMatchObject([
      { completed: 'seneca:data', basis: 'COMMON_CORE', countsAs: 'CC-DATA' },
    ]);
    expect(plan!.rules[1]!.counted).toMatchObject([
      { completed: 'seneca:python', basis: 'AGREEMENT', countsAs: 'humber:python' },
    ]);
    expect(plan!.rules[1]!.counted[0]!.equivalency?.receivingInstitution).toBe('humber');
    expect(plan!.complete).toBe(false);
    expect(plan!.creditsEarned).toBe(3);
  });

  it('counts each completed micro-credential once per program and leaves out programs nothing counts toward', () => {
    const twice = new Map([
      [
        analytics.id,
        [
          rule(analytics.id, 0, {
            commonCoreCodes: ['CC-DATA'],
            microCredentialIds: ['humber:data'],
            requiredCount: 2,
          }),
        ],
      ],
    ]);
    const [plan] = planPathways(graph, [analytics], twice, ['humber:data', 'humber:data']);
    expect(plan!.rules[0]!.counted).toHaveLength(1);
    expect(planPathways(graph, [analytics], rules, ['queens:unrelated'])).toEqual([]);
  });

  it('lists complete pathways before partial ones', () => {
    const other = program('seneca:OTHER');
    const both = new Map([
      ...rules,
      [other.id, [rule(other.id, 0, { microCredentialIds: ['humber:sql'], requiredCount: 1, creditsGranted: 1 })]],
    ]);
    const plans = planPathways(graph, [analytics, other], both, ['humber:sql']);
    expect(plans.map((p) => [p.program.id, p.complete])).toEqual([
      ['seneca:OTHER', true],
      ['humber:BAN-GC', false],
    ]);
  });
});
