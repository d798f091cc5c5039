/** What every search resolver reaches: the backend to query, the indexer's state, the demand log, and the language asked for. */
import type { SearchBackend } from './backends/SearchBackend.js';
import type { DemandLog, SearchDemand } from './demand/DemandLog.js';
import type { Indexer } from './indexer/Indexer.js';
import type { LanguageContext } from '../../runtime/language.js';

export interface Context extends LanguageContext {
  backend: SearchBackend;
  indexer: Indexer;
  demand: DemandLog;
  /** What this request added to demand, handed to the gateway's cache (demandExtension.ts). */
  countedSearches: SearchDemand[];
  /** The request's Authorization header, read only by the province-only insights. */
  authorization?: string;
  provinceApiKey?: string;
  /** Where the insights read institutions' outcome reports. */
  gatewayUrl?: string;
}
