/**
 * Every PostgreSQL advisory lock key the directory takes, in one table, so no two purposes can
 * share a key by accident (they did once: the framework's migrations and the catalogue seed both
 * used …171). Advisory locks are scoped to a database; keys are unique across services anyway,
 * in case two ever share one.
 *
 * The keys start at 1_667_331_169, "cata" in ASCII.
 */
export const advisoryLockKeys = {
  /**
   * Serialises writers of a catalogue's change feed. The triggers in
   * subgraphs/catalogue/db/migrations/0001_change_log_triggers.sql take the same literal key;
   * test/unit/advisoryLocks.unit.test.ts keeps the two equal.
   */
  catalogueChangeLog: 1_667_331_169,
  /** Migrating must not wait on, or block, catalogue writes: separate from the change feed. */
  catalogueMigrations: 1_667_331_170,
  frameworkMigrations: 1_667_331_171,
  recognitionSeed: 1_667_331_172,
  catalogueSeed: 1_667_331_173,
  /**
   * Orders the framework's trust-mark change feed: taken by the triggers in
   * subgraphs/framework/db/migrations/0006_trust_mark_triggers.sql (the same literal key).
   */
  trustMarkChanges: 1_667_331_174,
  trustMarkSeed: 1_667_331_175,
  /**
   * The test suite only: building one template database (test/support/databaseTemplates.ts), taken
   * on the cluster's admin database as the first half of a two-key lock whose second half is the
   * template's name hashed, so workers wait for each other per template and not for all of them.
   */
  databaseTemplates: 1_667_331_176,
} as const;
