CREATE TYPE "public"."agreement_kind" AS ENUM('BILATERAL', 'MULTILATERAL');--> statement-breakpoint
CREATE TYPE "public"."agreement_status" AS ENUM('ACTIVE', 'SUSPENDED', 'WITHDRAWN');--> statement-breakpoint
CREATE TYPE "public"."equivalency_status" AS ENUM('ACTIVE', 'WITHDRAWN');--> statement-breakpoint
CREATE TYPE "public"."learning_item_kind" AS ENUM('MICRO_CREDENTIAL', 'COURSE', 'INDUSTRY_CREDENTIAL', 'CREDIT_BLOCK');--> statement-breakpoint
CREATE TYPE "public"."sector_area" AS ENUM('BUSINESS', 'HEALTH_AND_PERSONAL_SUPPORT', 'DIGITAL_SKILLS', 'SKILLED_TRADES', 'EDUCATION_AND_COMMUNITY', 'ENVIRONMENT_AND_ENERGY', 'INDIGENOUS_LED_LEARNING');--> statement-breakpoint
CREATE TYPE "public"."transfer_extent" AS ENUM('FULL', 'PARTIAL');--> statement-breakpoint
CREATE TYPE "public"."transfer_unit" AS ENUM('CREDITS', 'HOURS');--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"kind" "agreement_kind" NOT NULL,
	"owned_by" text NOT NULL,
	"parties" text[] NOT NULL,
	"status" "agreement_status" DEFAULT 'ACTIVE' NOT NULL,
	"date_signed" date,
	"date_effective" date NOT NULL,
	"expiration_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreements_owner_is_party" CHECK ("agreements"."owned_by" = any("agreements"."parties")),
	CONSTRAINT "agreements_party_count" CHECK (cardinality("agreements"."parties") >= 2),
	CONSTRAINT "agreements_dates_in_order" CHECK ("agreements"."expiration_date" is null or "agreements"."expiration_date" > "agreements"."date_effective"),
	CONSTRAINT "agreements_signed_before_effective" CHECK ("agreements"."date_signed" is null or "agreements"."date_signed" <= "agreements"."date_effective")
);
--> statement-breakpoint
CREATE TABLE "common_core_entries" (
	"code" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"sector_area" "sector_area" NOT NULL,
	"required_competencies" text[] NOT NULL,
	"minimum_hours" real NOT NULL,
	"endorsing_bodies" text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "common_core_code_format" CHECK ("common_core_entries"."code" ~ '^[A-Z][A-Z0-9-]{1,31}$'),
	CONSTRAINT "common_core_minimum_hours_positive" CHECK ("common_core_entries"."minimum_hours" > 0)
);
--> statement-breakpoint
CREATE TABLE "common_core_members" (
	"entry_code" text NOT NULL,
	"micro_credential_id" text NOT NULL,
	"institution_code" text NOT NULL,
	"mapped_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "common_core_members_entry_code_micro_credential_id_pk" PRIMARY KEY("entry_code","micro_credential_id"),
	CONSTRAINT "common_core_member_id_prefix" CHECK ("common_core_members"."micro_credential_id" like "common_core_members"."institution_code" || ':%')
);
--> statement-breakpoint
CREATE TABLE "equivalencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid,
	"receiving_institution" text NOT NULL,
	"from_kind" "learning_item_kind" NOT NULL,
	"from_ref" text NOT NULL,
	"from_title" text,
	"for_kind" "learning_item_kind" NOT NULL,
	"for_ref" text NOT NULL,
	"for_title" text,
	"unit" "transfer_unit" NOT NULL,
	"value" real NOT NULL,
	"extent" "transfer_extent" NOT NULL,
	"minimum_grade" real,
	"recency_years" integer,
	"conditions" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"status" "equivalency_status" DEFAULT 'ACTIVE' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "equivalencies_not_to_itself" CHECK (not ("equivalencies"."from_kind" = "equivalencies"."for_kind" and "equivalencies"."from_ref" = "equivalencies"."for_ref")),
	CONSTRAINT "equivalencies_value_positive" CHECK ("equivalencies"."value" > 0),
	CONSTRAINT "equivalencies_dates_in_order" CHECK ("equivalencies"."end_date" is null or "equivalencies"."end_date" > "equivalencies"."start_date"),
	CONSTRAINT "equivalencies_grade_percent" CHECK ("equivalencies"."minimum_grade" is null or ("equivalencies"."minimum_grade" >= 0 and "equivalencies"."minimum_grade" <= 100))
);
--> statement-breakpoint
CREATE TABLE "industry_credentials" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"issuer" text NOT NULL,
	"url" text
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" text PRIMARY KEY NOT NULL,
	"institution_code" text NOT NULL,
	"title" text NOT NULL,
	"credential" text NOT NULL,
	"oqf_level" integer NOT NULL,
	"total_credits" real NOT NULL,
	CONSTRAINT "programs_id_prefix" CHECK ("programs"."id" like "programs"."institution_code" || ':%'),
	CONSTRAINT "programs_oqf_level" CHECK ("programs"."oqf_level" between 1 and 13)
);
--> statement-breakpoint
CREATE TABLE "recognition_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_code" text NOT NULL,
	"label" text NOT NULL,
	"key_digest" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "recognition_keys_key_digest_unique" UNIQUE("key_digest")
);
--> statement-breakpoint
CREATE TABLE "stacking_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" text NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"micro_credential_ids" text[] NOT NULL,
	"common_core_codes" text[] NOT NULL,
	"required_count" integer NOT NULL,
	"credits_granted" real NOT NULL,
	CONSTRAINT "stacking_rules_required_positive" CHECK ("stacking_rules"."required_count" > 0),
	CONSTRAINT "stacking_rules_enough_choices" CHECK (cardinality("stacking_rules"."common_core_codes") > 0 or cardinality("stacking_rules"."micro_credential_ids") >= "stacking_rules"."required_count")
);
--> statement-breakpoint
ALTER TABLE "common_core_members" ADD CONSTRAINT "common_core_members_entry_code_common_core_entries_code_fk" FOREIGN KEY ("entry_code") REFERENCES "public"."common_core_entries"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equivalencies" ADD CONSTRAINT "equivalencies_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stacking_rules" ADD CONSTRAINT "stacking_rules_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreements_by_party" ON "agreements" USING gin ("parties");--> statement-breakpoint
CREATE INDEX "common_core_members_by_micro_credential" ON "common_core_members" USING btree ("micro_credential_id");--> statement-breakpoint
CREATE INDEX "equivalencies_by_from" ON "equivalencies" USING btree ("from_ref");--> statement-breakpoint
CREATE INDEX "equivalencies_by_for" ON "equivalencies" USING btree ("for_ref");--> statement-breakpoint
CREATE INDEX "equivalencies_by_receiver" ON "equivalencies" USING btree ("receiving_institution");--> statement-breakpoint
CREATE INDEX "programs_by_institution" ON "programs" USING btree ("institution_code");--> statement-breakpoint
CREATE INDEX "recognition_keys_by_institution" ON "recognition_keys" USING btree ("institution_code");--> statement-breakpoint
CREATE INDEX "stacking_rules_by_program" ON "stacking_rules" USING btree ("program_id");