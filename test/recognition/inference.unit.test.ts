import { describe, expect, it } from 'vitest';
import { inferEquivalencies } from '../../subgraphs/framework/recognition/inference.js';
import { agreement, decision, graphOf, mcItem } from './graphFixtures.js';

const refs = (candidates: ReturnType<typeof inferEquivalencies>) => candidates.map((candidate) => candidate.for.ref);
const pathOf = (candidate: ReturnType<typeof inferEquivalencies>[number]) =>
  candidate.path.map((step) => `${step.from.ref}>${step.to.ref}:${step.direction}`);

describe('inferred equivalencies', () => {
  it('follow a chain of decisions, with the provenance path, kind and strength', () => {
    const graph = graphOf({ decisions: [decision('a:x', 'b:y'), decision('b:y', 'c:z', { extent: 'PARTIAL' })] });
    const [candidate, ...others] = inferEquivalencies(graph, mcItem('a:x'));
    expect(others).toEqual([]);
    expect(candidate!.for.ref).toBe('c:z');
    expect(candidate!.kind).toBe('CHAIN');
    expect(pathOf(candidate!)).toEqual(['a:x>b:y:FORWARD', 'b:y>c:z:FORWARD']);
    // 0.9 for a full decision, 0.6 for a partial one.
    expect(candidate!.strength).toBe(0.54);
  });

  it('never report what is already decided, nor the start item itself', () => {
    const graph = graphOf({ decisions: [decision('a:x', 'b:y'), decision('b:y', 'c:z'), decision('a:x', 'c:z')] });
    expect(refs(inferEquivalencies(graph, mcItem('a:x')))).toEqual([]);
  });

  it('end on cycles: each item once per path, the start never its own candidate, one candidate per target', () => {
    // a → b → c → a, and a → b → d → a.
    const graph = graphOf({
      decisions: [
        decision('a:x', 'b:y'),
        decision('b:y', 'c:z'),
        decision('c:z', 'a:x'),
        decision('b:y', 'd:w'),
        decision('d:w', 'a:x'),
      ],
    });
    const candidates = inferEquivalencies(graph, mcItem('a:x'), 4);
    expect(refs(candidates).sort()).toEqual(['c:z', 'd:w']);
    expect(new Set(refs(candidates)).size).toBe(candidates.length);
    for (const candidate of candidates) {
      expect(candidate.path.every((step) => step.to.ref !== 'a:x')).toBe(true);
      // The strongest route is the direct forward chain through b.
      expect(pathOf(candidate)[0]).toBe('a:x>b:y:FORWARD');
      expect(candidate.kind).toBe('CHAIN');
    }
  });

  it('are bounded by the depth', () => {
    const graph = graphOf({
      decisions: [decision('a:x', 'b:x'), decision('b:x', 'c:x'), decision('c:x', 'd:x'), decision('d:x', 'e:x')],
    });
    expect(refs(inferEquivalencies(graph, mcItem('a:x'), 2))).toEqual(['c:x']);
    expect(refs(inferEquivalencies(graph, mcItem('a:x'), 3))).toEqual(['c:x', 'd:x']);
    expect(refs(inferEquivalencies(graph, mcItem('a:x'), 4))).toEqual(['c:x', 'd:x', 'e:x']);
    expect(refs(inferEquivalencies(graph, mcItem('a:x'), 1))).toEqual([]);
  });

  it('no longer lean on an expired, withdrawn or not-yet-effective decision, or one under an agreement no longer in force', () => {
    const chain = (
      extra: Parameters<typeof decision>[2],
      agreements: Parameters<typeof graphOf>[0]['agreements'] = [],
    ) =>
      refs(
        inferEquivalencies(
          graphOf({ decisions: [decision('a:x', 'b:y'), decision('b:y', 'c:z', extra)], agreements }),
          mcItem('a:x'),
        ),
      );
    expect(chain({})).toEqual(['c:z']);
    expect(chain({ endDate: '2025-12-31' })).toEqual([]);
    expect(chain({ status: 'WITHDRAWN' })).toEqual([]);
    expect(chain({ startDate: '2026-06-01' })).toEqual([]);
    const agreementId = '10000000-0000-4000-8000-000000000001';
    expect(chain({ agreementId }, [agreement(agreementId)])).toEqual(['c:z']);
    expect(chain({ agreementId }, [agreement(agreementId, { expirationDate: '2025-12-31' })])).toEqual([]);
    expect(chain({ agreementId }, [agreement(agreementId, { status: 'WITHDRAWN' })])).toEqual([]);
    // An equivalency whose agreement is unknown (e.g. deleted) counts for nothing.
    expect(chain({ agreementId })).toEqual([]);
  });

  it('link two items decided for the same item at different institutions (shared item)', () => {
    const graph = graphOf({ decisions: [decision('a:x', 'c:z'), decision('b:y', 'c:z')] });
    const [candidate] = inferEquivalencies(graph, mcItem('a:x'));
    expect(candidate!.for.ref).toBe('b:y');
    expect(candidate!.kind).toBe('SHARED_ITEM');
    expect(pathOf(candidate!)).toEqual(['a:x>c:z:FORWARD', 'c:z>b:y:BACKWARD']);
    expect(candidate!.strength).toBeLessThan(0.9 * 0.9);
  });

  it('let a peer reuse a first mover’s decision on an industry credential through the common core', () => {
    const graph = graphOf({
      decisions: [decision('comptia-security-plus', 'seneca:cyber')],
      commonCore: { 'CC-CYBER': ['seneca:cyber', 'humber:cyber', 'durham:cyber'] },
    });
    const candidates = inferEquivalencies(graph, {
      kind: 'INDUSTRY_CREDENTIAL',
      ref: 'comptia-security-plus',
      title: null,
    });
    expect(refs(candidates)).toEqual(['durham:cyber', 'humber:cyber']);
    for (const candidate of candidates) {
      expect(candidate.kind).toBe('INDUSTRY_CREDENTIAL_REUSE');
      expect(candidate.path.map((step) => step.link.basis)).toEqual(['AGREEMENT', 'COMMON_CORE']);
      expect(candidate.strength).toBe(Math.round(0.9 * 0.95 * 1000) / 1000);
    }
  });

  it('never return the same path twice, even with many routes', () => {
    // A dense mesh: every pair of five institutions decided both ways.
    const codes = ['a', 'b', 'c', 'd', 'e'];
    const decisions = codes.flatMap((from) =>
      codes.filter((to) => to !== from).map((to) => decision(`${from}:m`, `${to}:m`)),
    );
    decisions.push(decision('e:m', 'f:m'));
    const candidates = inferEquivalencies(graphOf({ decisions }), mcItem('a:m'), 4);
    expect(refs(candidates)).toEqual(['f:m']);
    expect(candidates[0]!.path).toHaveLength(2);
  });
});
