CREATE TABLE "feedback" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"target" text NOT NULL,
	"locale" text NOT NULL,
	"helpful" boolean NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"comment" text,
	CONSTRAINT "feedback_kind_check" CHECK (kind in ('article', 'troubleshooter')),
	CONSTRAINT "feedback_comment_length_check" CHECK (char_length(comment) <= 500)
);
--> statement-breakpoint
CREATE TABLE "temporary_access_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"hash" text NOT NULL,
	"issued_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"voided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "troubleshooter_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"run_id" text NOT NULL,
	"step" text NOT NULL,
	"locale" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "temporary_access_codes" ADD CONSTRAINT "temporary_access_codes_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_at_idx" ON "feedback" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "temporary_access_codes_hash_key" ON "temporary_access_codes" USING btree ("hash");--> statement-breakpoint
CREATE INDEX "temporary_access_codes_account_idx" ON "temporary_access_codes" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "troubleshooter_events_at_idx" ON "troubleshooter_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "troubleshooter_events_run_idx" ON "troubleshooter_events" USING btree ("run_id","id");