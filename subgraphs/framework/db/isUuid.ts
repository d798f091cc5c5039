/**
 * Whether an id from a client can name a row by a `uuid` column. PostgreSQL answers a malformed
 * uuid with an error rather than "no row", so ids are checked before they reach a query, and an
 * id of the wrong shape reads as "not found". Every uuid the framework makes is random (version 4,
 * `defaultRandom()`), which the `uuid` package's check accepts.
 */
export { validate as isUuid } from 'uuid';
