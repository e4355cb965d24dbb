ALTER TABLE "cohorts" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "language" text;