ALTER TABLE "cohorts" ADD COLUMN "viewer_token_hash" text;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "role" text DEFAULT 'facilitator' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "cohorts_viewer_token_hash" ON "cohorts" USING btree ("viewer_token_hash");