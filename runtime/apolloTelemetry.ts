/**
 * Apollo's packages send anonymous usage data to Apollo unless APOLLO_TELEMETRY_DISABLED is set
 * (read when an ApolloGateway is constructed; today no other package we use reads it). The directory
 * never reports anything to a third party, so every Apollo start-up calls this first; an operator's
 * explicit value is left alone.
 */
export function disableApolloTelemetry(): void {
  process.env.APOLLO_TELEMETRY_DISABLED ??= '1';
}
