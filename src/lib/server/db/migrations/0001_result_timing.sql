ALTER TABLE "cohorts" ADD COLUMN "result_timing" text DEFAULT 'immediate' NOT NULL;--> statement-breakpoint
ALTER TABLE "cohorts" ADD COLUMN "results_revealed_at" timestamp with time zone;