CREATE TABLE "api_keys" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_prefix_unique" UNIQUE("prefix")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"api_key_id" bigint,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"micro_credential_slug" text COLLATE "C",
	"version" integer,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "micro_credential_drafts" (
	"slug" text COLLATE "C" PRIMARY KEY NOT NULL,
	"content" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"based_on_version" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "micro_credential_versions" (
	"slug" text COLLATE "C" NOT NULL,
	"version" integer NOT NULL,
	"status" "micro_credential_status" NOT NULL,
	"entry" jsonb NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "micro_credential_versions_pkey" PRIMARY KEY("slug","version")
);
--> statement-breakpoint
ALTER TABLE "micro_credentials" ADD COLUMN "review_date" date;--> statement-breakpoint
ALTER TABLE "micro_credentials" ADD COLUMN "sunset_reason" text;