CREATE TYPE "public"."credit_unit" AS ENUM('COURSE_CREDIT', 'CREDIT_HOUR', 'ECTS', 'CONTINUING_EDUCATION_UNIT');--> statement-breakpoint
CREATE TYPE "public"."grading_scheme" AS ENUM('PASS_FAIL', 'PERCENTAGE', 'LETTER_GRADE', 'COMPETENCY_LEVELS');--> statement-breakpoint
CREATE TYPE "public"."intake_model" AS ENUM('SCHEDULED_INTAKES', 'CONTINUOUS_ENROLMENT', 'ON_REQUEST');--> statement-breakpoint
ALTER TABLE "micro_credentials" ADD COLUMN "entry_languages" text[];--> statement-breakpoint
ALTER TABLE "micro_credentials" ADD COLUMN "learning_outcomes_fr" jsonb;--> statement-breakpoint
ALTER TABLE "micro_credentials" ADD COLUMN "prerequisites_fr" jsonb;--> statement-breakpoint
ALTER TABLE "micro_credentials" ADD COLUMN "prior_learning_assessment" jsonb;--> statement-breakpoint
ALTER TABLE "micro_credentials" ADD COLUMN "learning_resources" jsonb;--> statement-breakpoint
ALTER TABLE "micro_credentials" ADD COLUMN "pacing" jsonb;--> statement-breakpoint
ALTER TABLE "micro_credentials" ADD COLUMN "intake_model" "intake_model";--> statement-breakpoint
ALTER TABLE "micro_credentials" ADD COLUMN "credential_validity" jsonb;--> statement-breakpoint
ALTER TABLE "micro_credentials" ADD COLUMN "grading_scheme" "grading_scheme";--> statement-breakpoint
ALTER TABLE "micro_credentials" ADD COLUMN "credit_unit" "credit_unit";--> statement-breakpoint
ALTER TABLE "micro_credentials" ADD COLUMN "learner_effort_hours" double precision;--> statement-breakpoint
ALTER TABLE "micro_credentials" ADD COLUMN "learner_contact" jsonb;--> statement-breakpoint
ALTER TABLE "micro_credentials" ADD COLUMN "accessibility" jsonb;--> statement-breakpoint
ALTER TABLE "micro_credentials" ADD COLUMN "fees" jsonb;--> statement-breakpoint
ALTER TABLE "offerings" ADD COLUMN "seats" integer;--> statement-breakpoint
ALTER TABLE "offerings" ADD COLUMN "seats_available" integer;--> statement-breakpoint
ALTER TABLE "offerings" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "offerings" ADD COLUMN "address" jsonb;--> statement-breakpoint
ALTER TABLE "offerings" ADD COLUMN "schedule" jsonb;--> statement-breakpoint
ALTER TABLE "offerings" ADD CONSTRAINT "offerings_seats_available_within_seats" CHECK ("offerings"."seats_available" is null or "offerings"."seats" is null or "offerings"."seats_available" <= "offerings"."seats");