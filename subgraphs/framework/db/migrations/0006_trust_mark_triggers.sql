-- Trust marks are public framework data: every write moves frameworkDataVersion (0003), so
-- the gateway's response cache drops answers that showed the old marks. endorser_keys are left
-- out on purpose, like the other keys: private, and in no public answer.
CREATE TRIGGER "osap_approvals_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "osap_approvals" FOR EACH STATEMENT EXECUTE FUNCTION "bump_framework_data_version"();
--> statement-breakpoint
CREATE TRIGGER "quality_assurance_verifications_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "quality_assurance_verifications" FOR EACH STATEMENT EXECUTE FUNCTION "bump_framework_data_version"();
--> statement-breakpoint
CREATE TRIGGER "endorsers_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "endorsers" FOR EACH STATEMENT EXECUTE FUNCTION "bump_framework_data_version"();
--> statement-breakpoint
CREATE TRIGGER "endorsements_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "endorsements" FOR EACH STATEMENT EXECUTE FUNCTION "bump_framework_data_version"();
--> statement-breakpoint
-- The search index holds province-owned values of each entry (OSAP approval, verified QA,
-- endorsements, transfer credit, stacking), but it follows institutions' change feeds, which
-- never mention them. trust_mark_changes names each micro-credential such a write touched.
-- Writers take one advisory lock (runtime/advisoryLocks.ts trustMarkChanges) before taking a
-- position and hold it to commit, so positions become visible in order and a reader that has
-- seen position N never later finds a smaller one.
CREATE FUNCTION "record_trust_mark_change"(micro_credential_id text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	IF micro_credential_id IS NULL THEN RETURN; END IF;
	PERFORM pg_advisory_xact_lock(1667331174);
	INSERT INTO "trust_mark_changes" ("micro_credential_id") VALUES (micro_credential_id);
END
$$;
--> statement-breakpoint
CREATE FUNCTION "trust_mark_row_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN PERFORM "record_trust_mark_change"(OLD."micro_credential_id"); END IF;
	IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW."micro_credential_id" IS DISTINCT FROM OLD."micro_credential_id") THEN
		PERFORM "record_trust_mark_change"(NEW."micro_credential_id");
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "equivalency_row_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' AND OLD."from_kind" = 'MICRO_CREDENTIAL' THEN PERFORM "record_trust_mark_change"(OLD."from_ref"); END IF;
	IF TG_OP <> 'DELETE' AND NEW."from_kind" = 'MICRO_CREDENTIAL' THEN PERFORM "record_trust_mark_change"(NEW."from_ref"); END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "stacking_rule_row_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE id text;
BEGIN
	IF TG_OP <> 'INSERT' THEN FOREACH id IN ARRAY OLD."micro_credential_ids" LOOP PERFORM "record_trust_mark_change"(id); END LOOP; END IF;
	IF TG_OP <> 'DELETE' THEN FOREACH id IN ARRAY NEW."micro_credential_ids" LOOP PERFORM "record_trust_mark_change"(id); END LOOP; END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "osap_approvals_trust_mark_change" AFTER INSERT OR UPDATE OR DELETE ON "osap_approvals" FOR EACH ROW EXECUTE FUNCTION "trust_mark_row_changed"();
--> statement-breakpoint
CREATE TRIGGER "quality_assurance_verifications_trust_mark_change" AFTER INSERT OR UPDATE OR DELETE ON "quality_assurance_verifications" FOR EACH ROW EXECUTE FUNCTION "trust_mark_row_changed"();
--> statement-breakpoint
CREATE TRIGGER "endorsements_trust_mark_change" AFTER INSERT OR UPDATE OR DELETE ON "endorsements" FOR EACH ROW EXECUTE FUNCTION "trust_mark_row_changed"();
--> statement-breakpoint
CREATE TRIGGER "common_core_members_trust_mark_change" AFTER INSERT OR UPDATE OR DELETE ON "common_core_members" FOR EACH ROW EXECUTE FUNCTION "trust_mark_row_changed"();
--> statement-breakpoint
CREATE TRIGGER "equivalencies_trust_mark_change" AFTER INSERT OR UPDATE OR DELETE ON "equivalencies" FOR EACH ROW EXECUTE FUNCTION "equivalency_row_changed"();
--> statement-breakpoint
CREATE TRIGGER "stacking_rules_trust_mark_change" AFTER INSERT OR UPDATE OR DELETE ON "stacking_rules" FOR EACH ROW EXECUTE FUNCTION "stacking_rule_row_changed"();
