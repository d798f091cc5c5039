/** What `trustMarkChanges` hands down: one change, its entity reference resolved by the gateway. */
import type { MicroCredentialReference } from '../parents.js';

export interface TrustMarkChangeValue {
  cursor: string;
  microCredentialId: string;
  occurredAt: string;
  microCredential: MicroCredentialReference;
}
