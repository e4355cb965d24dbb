CREATE TABLE "cohorts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"join_code" text NOT NULL,
	"join_code_hash" text NOT NULL,
	"token_hash" text NOT NULL,
	"collect_names" boolean NOT NULL,
	"min_group_size" integer NOT NULL,
	"closes_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"retention_days" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text NOT NULL,
	"window_start" integer NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "rate_limits_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cohort_id" uuid NOT NULL,
	"key_hash" text NOT NULL,
	"display_name" text,
	"content_version" text NOT NULL,
	"content_fingerprint" text NOT NULL,
	"answers" jsonb NOT NULL,
	"timings" jsonb,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"cohort_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cohorts_join_code_hash" ON "cohorts" USING btree ("join_code_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "cohorts_token_hash" ON "cohorts" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "responses_key_hash" ON "responses" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "responses_cohort_submitted" ON "responses" USING btree ("cohort_id","submitted_at");--> statement-breakpoint
CREATE INDEX "sessions_cohort" ON "sessions" USING btree ("cohort_id");