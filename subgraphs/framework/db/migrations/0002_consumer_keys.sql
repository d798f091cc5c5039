CREATE TABLE "consumer_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"key_digest" text NOT NULL,
	"requests_per_minute" integer NOT NULL,
	"request_count" bigint DEFAULT 0 NOT NULL,
	"last_used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "consumer_keys_key_digest_unique" UNIQUE("key_digest"),
	CONSTRAINT "consumer_keys_id_format" CHECK ("consumer_keys"."id" ~ '^[0-9a-f]{8}$'),
	CONSTRAINT "consumer_keys_rate_positive" CHECK ("consumer_keys"."requests_per_minute" > 0),
	CONSTRAINT "consumer_keys_count_not_negative" CHECK ("consumer_keys"."request_count" >= 0)
);
