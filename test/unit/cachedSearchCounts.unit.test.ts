/** The gateway's batch of searches answered from its cache, before they are reported to search. */
import { expect, it } from 'vitest';
import { CachedSearchCounts } from '../../gateway/cache/CachedSearchCounts.js';

const welding = { query: 'welding', total: 3, filters: {}, theme: 'Trades, transport and equipment operators' };
const nothing = { query: 'underwater', total: 0, filters: { regions: ['NORTHERN'] }, theme: null };

it('counts identical records together and empties on take', () => {
  const counts = new CachedSearchCounts();
  counts.add([welding]);
  counts.add([welding, nothing]);
  counts.add([{ ...welding }]);
  expect(counts.take()).toEqual([
    { demand: welding, count: 3 },
    { demand: nothing, count: 1 },
  ]);
  expect(counts.take()).toEqual([]);
});

it('keeps a failed report for the next one, added to what was counted since', () => {
  const counts = new CachedSearchCounts();
  counts.add([welding]);
  const failed = counts.take();
  counts.add([welding]);
  counts.addCounts(failed);
  expect(counts.take()).toEqual([{ demand: welding, count: 2 }]);
});
