/**
 * The order integration files start in. Vitest runs the files it knows to be slow first, but it
 * only knows once a run has left its results cache in node_modules/.vite; on a fresh clone it
 * starts the largest files first. The two files below each take a minute or so, far longer than
 * any other, so one starting late leaves a worker busy long after the other has run out of
 * files. They start first whatever the cache holds.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const slowestFiles = ['test/portal/portal.browser.test.ts', 'test/deployment/compose.test.ts'];

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = slowestFiles.findIndex((slow) => file.moduleId.endsWith(slow));
      return index === -1 ? slowestFiles.length : index;
    };
    // Array.prototype.sort is stable: every other file keeps the order vitest chose.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
