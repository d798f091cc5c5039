CREATE TABLE "outcome_report_versions" (
	"slug" text COLLATE "C" NOT NULL,
	"period_label" text NOT NULL,
	"version" integer NOT NULL,
	"report" jsonb NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outcome_report_versions_pkey" PRIMARY KEY("slug","period_label","version")
);
--> statement-breakpoint
CREATE TABLE "outcome_reports" (
	"slug" text COLLATE "C" NOT NULL,
	"period_label" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"report" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outcome_reports_pkey" PRIMARY KEY("slug","period_label"),
	CONSTRAINT "outcome_reports_period_ordered" CHECK ("outcome_reports"."period_end" >= "outcome_reports"."period_start")
);
