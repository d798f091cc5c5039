-- One number that moves whenever public framework data changes (registry, recognition,
-- common core, programs), so a cache in front of the framework can be invalidated exactly
-- by asking for `frameworkDataVersion` instead of re-reading everything. The counter is a
-- row, not a sequence: it moves inside the writing transaction, so a reader never sees the
-- new number before the data it stands for. recognition_keys is left out on purpose: keys
-- are private and change nothing a public answer contains.
CREATE TABLE "framework_data_version" (
	"id" boolean PRIMARY KEY DEFAULT true CHECK ("id"),
	"version" bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO "framework_data_version" ("id", "version") VALUES (true, 1);
--> statement-breakpoint
CREATE FUNCTION "bump_framework_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "framework_data_version" SET "version" = "version" + 1;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "institutions_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "institutions" FOR EACH STATEMENT EXECUTE FUNCTION "bump_framework_data_version"();
--> statement-breakpoint
CREATE TRIGGER "agreements_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "agreements" FOR EACH STATEMENT EXECUTE FUNCTION "bump_framework_data_version"();
--> statement-breakpoint
CREATE TRIGGER "common_core_entries_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "common_core_entries" FOR EACH STATEMENT EXECUTE FUNCTION "bump_framework_data_version"();
--> statement-breakpoint
CREATE TRIGGER "common_core_members_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "common_core_members" FOR EACH STATEMENT EXECUTE FUNCTION "bump_framework_data_version"();
--> statement-breakpoint
CREATE TRIGGER "equivalencies_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "equivalencies" FOR EACH STATEMENT EXECUTE FUNCTION "bump_framework_data_version"();
--> statement-breakpoint
CREATE TRIGGER "industry_credentials_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "industry_credentials" FOR EACH STATEMENT EXECUTE FUNCTION "bump_framework_data_version"();
--> statement-breakpoint
CREATE TRIGGER "programs_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "programs" FOR EACH STATEMENT EXECUTE FUNCTION "bump_framework_data_version"();
--> statement-breakpoint
CREATE TRIGGER "stacking_rules_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "stacking_rules" FOR EACH STATEMENT EXECUTE FUNCTION "bump_framework_data_version"();
