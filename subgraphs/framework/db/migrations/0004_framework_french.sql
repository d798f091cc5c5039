ALTER TABLE "common_core_entries" ADD COLUMN "title_fr" text;--> statement-breakpoint
ALTER TABLE "common_core_entries" ADD COLUMN "description_fr" text;--> statement-breakpoint
ALTER TABLE "common_core_entries" ADD COLUMN "required_competencies_fr" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "title_fr" text;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "credential_fr" text;