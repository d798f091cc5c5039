CREATE TYPE "public"."institution_type" AS ENUM('PUBLIC_COLLEGE', 'UNIVERSITY', 'INDIGENOUS_INSTITUTE', 'CAREER_COLLEGE');--> statement-breakpoint
CREATE TYPE "public"."region" AS ENUM('CENTRAL', 'EASTERN', 'NORTHERN', 'SOUTHWESTERN', 'TORONTO');--> statement-breakpoint
CREATE TABLE "institutions" (
	"code" text COLLATE "C" PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_fr" text,
	"type" "institution_type" NOT NULL,
	"region" "region" NOT NULL,
	"website" text NOT NULL,
	"languages" text[] NOT NULL,
	"subgraph_url" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "institutions_code_format" CHECK ("institutions"."code" ~ '^[a-z][a-z0-9-]{1,31}$'),
	CONSTRAINT "institutions_name_present" CHECK (length(btrim("institutions"."name")) > 0),
	CONSTRAINT "institutions_website_http" CHECK ("institutions"."website" ~ '^https?://'),
	CONSTRAINT "institutions_subgraph_url_http" CHECK ("institutions"."subgraph_url" ~ '^https?://'),
	CONSTRAINT "institutions_languages_present" CHECK (cardinality("institutions"."languages") > 0)
);
