ALTER TABLE "micro_credentials" ADD COLUMN "audience" text;--> statement-breakpoint
ALTER TABLE "micro_credentials" ADD COLUMN "audience_fr" text;