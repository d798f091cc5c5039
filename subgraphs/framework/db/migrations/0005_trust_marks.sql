CREATE TYPE "public"."endorser_kind" AS ENUM('EMPLOYER', 'SECTOR_BODY', 'PROFESSIONAL_ASSOCIATION');--> statement-breakpoint
CREATE TYPE "public"."quality_assurance_body" AS ENUM('COLLEGE_QUALITY_ASSURANCE_SERVICE', 'ONTARIO_UNIVERSITIES_COUNCIL_ON_QUALITY_ASSURANCE', 'PEQAB', 'IAESC', 'INDUSTRY_ACCREDITOR');--> statement-breakpoint
CREATE TYPE "public"."endorsement_withdrawer" AS ENUM('ENDORSER', 'PROVINCE');--> statement-breakpoint
CREATE TABLE "endorsements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"endorser_id" text NOT NULL,
	"micro_credential_id" text NOT NULL,
	"statement" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" "endorsement_withdrawer",
	CONSTRAINT "endorsements_dates" CHECK ("endorsements"."valid_until" is null or "endorsements"."valid_until" >= "endorsements"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "endorser_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"endorser_id" text NOT NULL,
	"label" text NOT NULL,
	"key_digest" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "endorser_keys_key_digest_unique" UNIQUE("key_digest"),
	CONSTRAINT "endorser_keys_id_format" CHECK ("endorser_keys"."id" ~ '^[0-9a-f]{8}$')
);
--> statement-breakpoint
CREATE TABLE "endorsers" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" "endorser_kind" NOT NULL,
	"website" text NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "endorsers_id_format" CHECK ("endorsers"."id" ~ '^[a-z][a-z0-9-]{1,47}$'),
	CONSTRAINT "endorsers_website_http" CHECK ("endorsers"."website" ~ '^https?://')
);
--> statement-breakpoint
CREATE TABLE "osap_approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"micro_credential_id" text NOT NULL,
	"reference" text NOT NULL,
	"attested_by" text NOT NULL,
	"attested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"rule_exception" text,
	"withdrawn_at" timestamp with time zone,
	"withdrawal_reason" text,
	CONSTRAINT "osap_approvals_dates" CHECK ("osap_approvals"."valid_until" is null or "osap_approvals"."valid_until" >= "osap_approvals"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "quality_assurance_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"micro_credential_id" text NOT NULL,
	"body" "quality_assurance_body" NOT NULL,
	"body_name" text NOT NULL,
	"scope" text NOT NULL,
	"reference" text,
	"verified_on" date NOT NULL,
	"valid_until" date,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "qa_verifications_dates" CHECK ("quality_assurance_verifications"."valid_until" is null or "quality_assurance_verifications"."valid_until" >= "quality_assurance_verifications"."verified_on")
);
--> statement-breakpoint
CREATE TABLE "trust_mark_changes" (
	"position" bigserial PRIMARY KEY NOT NULL,
	"micro_credential_id" text NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "endorsements" ADD CONSTRAINT "endorsements_endorser_id_endorsers_id_fk" FOREIGN KEY ("endorser_id") REFERENCES "public"."endorsers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorser_keys" ADD CONSTRAINT "endorser_keys_endorser_id_endorsers_id_fk" FOREIGN KEY ("endorser_id") REFERENCES "public"."endorsers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "endorsements_by_micro_credential" ON "endorsements" USING btree ("micro_credential_id");--> statement-breakpoint
CREATE UNIQUE INDEX "endorsements_one_current" ON "endorsements" USING btree ("endorser_id","micro_credential_id") WHERE "endorsements"."withdrawn_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "osap_approvals_one_current" ON "osap_approvals" USING btree ("micro_credential_id") WHERE "osap_approvals"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "qa_verifications_by_micro_credential" ON "quality_assurance_verifications" USING btree ("micro_credential_id");