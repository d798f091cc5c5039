/**
 * Saves the embedded index's documents and the indexer's cursors to
 * SEARCH_INDEX_DIR, so a restart serves at once and only catches up on what
 * changed, instead of reloading every catalogue through the gateway. The
 * words index is rebuilt from the documents at start-up (faster and smaller
 * than serialising it). Writes go to a temporary file renamed into place, so
 * a crash never leaves half a snapshot.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SearchDocument } from '../documents/searchDocument.js';
import type { IndexerSnapshotState } from './Indexer.js';

// 2: documents carry the result card's `maxCost` and `url`.
// 3: documents carry French skill labels, occupation titles and institution names.
const formatVersion = 3;
const fileName = 'search-index.json';

interface SnapshotFile {
  formatVersion: number;
  savedAt: string;
  state: IndexerSnapshotState;
  documents: SearchDocument[];
}

export async function saveSnapshot(
  dir: string,
  state: IndexerSnapshotState,
  documents: SearchDocument[],
): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file: SnapshotFile = { formatVersion, savedAt: new Date().toISOString(), state, documents };
  const temporary = join(dir, `${fileName}.${process.pid}.tmp`);
  await writeFile(temporary, JSON.stringify(file));
  await rename(temporary, join(dir, fileName));
}

/** The saved snapshot, or undefined when there is none or it is from another format version. */
export async function loadSnapshot(
  dir: string,
): Promise<{ state: IndexerSnapshotState; documents: SearchDocument[] } | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, fileName), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const file = JSON.parse(text) as Partial<SnapshotFile>;
  if (file.formatVersion !== formatVersion || !Array.isArray(file.documents) || !file.state) return undefined;
  return { state: file.state, documents: file.documents };
}

/** Saves at most once per `intervalMs` after changes, and once more on flush(). */
export class SnapshotWriter {
  private dirty = false;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly save: () => Promise<void>,
    private readonly intervalMs: number,
    private readonly log: (message: string) => void = () => {},
  ) {}

  changed(): void {
    this.dirty = true;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.intervalMs);
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.writing;
    if (!this.dirty) return;
    this.dirty = false;
    this.writing = this.save().catch((error) => {
      this.dirty = true;
      this.log(`saving the search index snapshot failed: ${(error as Error).message}`);
    });
    await this.writing;
  }
}
