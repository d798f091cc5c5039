/** What every search resolver reaches: the backend to query, the indexer's state, and the language asked for. */
import type { SearchBackend } from './backends/SearchBackend.js';
import type { Indexer } from './indexer/Indexer.js';
import type { LanguageContext } from '../../runtime/language.js';

export interface Context extends LanguageContext {
  backend: SearchBackend;
  indexer: Indexer;
}
