CREATE TYPE "public"."change_kind" AS ENUM('CREATED', 'UPDATED', 'PUBLISHED', 'SUNSET', 'DELETED');--> statement-breakpoint
CREATE TYPE "public"."delivery_mode" AS ENUM('ONLINE_ASYNCHRONOUS', 'ONLINE_SYNCHRONOUS', 'IN_PERSON', 'HYBRID');--> statement-breakpoint
CREATE TYPE "public"."micro_credential_status" AS ENUM('DRAFT', 'ACTIVE', 'SUNSET');--> statement-breakpoint
CREATE TYPE "public"."supervision" AS ENUM('UNSUPERVISED_NO_IDENTITY_CHECK', 'SUPERVISED_NO_IDENTITY_CHECK', 'SUPERVISED_WITH_IDENTITY_CHECK');--> statement-breakpoint
CREATE TABLE "catalogue_changes" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"micro_credential_slug" text COLLATE "C" NOT NULL,
	"kind" "change_kind" NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"transaction_id" bigint DEFAULT txid_current() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "micro_credentials" (
	"slug" text COLLATE "C" PRIMARY KEY NOT NULL,
	"external_code" text,
	"title" text NOT NULL,
	"title_fr" text,
	"description" text NOT NULL,
	"description_fr" text,
	"languages" text[] NOT NULL,
	"learning_outcomes" jsonb NOT NULL,
	"skills" jsonb NOT NULL,
	"occupations" jsonb NOT NULL,
	"cip_code" text NOT NULL,
	"cip_title" text NOT NULL,
	"instructional_hours" double precision NOT NULL,
	"duration_weeks" double precision NOT NULL,
	"credit_bearing" boolean NOT NULL,
	"credits" double precision,
	"delivery_mode" "delivery_mode" NOT NULL,
	"assessment" jsonb NOT NULL,
	"supervision" "supervision" NOT NULL,
	"prerequisites" jsonb NOT NULL,
	"quality_assurance" jsonb NOT NULL,
	"awards" jsonb NOT NULL,
	"stackability" jsonb NOT NULL,
	"osap_eligible" boolean NOT NULL,
	"partners" jsonb NOT NULL,
	"transfer_contact" jsonb NOT NULL,
	"course_outline_url" text NOT NULL,
	"status" "micro_credential_status" NOT NULL,
	"effective_date" date NOT NULL,
	"expiry_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "micro_credentials_external_code_unique" UNIQUE("external_code"),
	CONSTRAINT "micro_credentials_hours_positive" CHECK ("micro_credentials"."instructional_hours" > 0 and "micro_credentials"."duration_weeks" > 0),
	CONSTRAINT "micro_credentials_version_positive" CHECK ("micro_credentials"."version" > 0),
	CONSTRAINT "micro_credentials_expiry_after_effective" CHECK ("micro_credentials"."expiry_date" is null or "micro_credentials"."expiry_date" >= "micro_credentials"."effective_date")
);
--> statement-breakpoint
CREATE TABLE "offerings" (
	"micro_credential_slug" text COLLATE "C" NOT NULL,
	"code" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"location" text NOT NULL,
	"online" boolean NOT NULL,
	"price_cad" numeric(10, 2) NOT NULL,
	"registration_url" text NOT NULL,
	CONSTRAINT "offerings_pkey" PRIMARY KEY("micro_credential_slug","code"),
	CONSTRAINT "offerings_dates_ordered" CHECK ("offerings"."end_date" >= "offerings"."start_date"),
	CONSTRAINT "offerings_price_not_negative" CHECK ("offerings"."price_cad" >= 0)
);
--> statement-breakpoint
ALTER TABLE "offerings" ADD CONSTRAINT "offerings_micro_credential_slug_micro_credentials_slug_fk" FOREIGN KEY ("micro_credential_slug") REFERENCES "public"."micro_credentials"("slug") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "catalogue_changes_transaction_idx" ON "catalogue_changes" USING btree ("transaction_id","micro_credential_slug");--> statement-breakpoint
CREATE INDEX "micro_credentials_updated_at_idx" ON "micro_credentials" USING btree ("updated_at");