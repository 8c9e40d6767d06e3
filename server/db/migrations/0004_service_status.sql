CREATE TABLE "service_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"channel" text NOT NULL,
	"text_en" text NOT NULL,
	"text_fr" text NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by" text,
	CONSTRAINT "service_notices_channel_check" CHECK (channel in ('sms', 'email', 'all'))
);
--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "receipt_state" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "receipt_reason" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "receipt_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "service_notices_ends_idx" ON "service_notices" USING btree ("ends_at");--> statement-breakpoint
CREATE INDEX "deliveries_channel_created_idx" ON "deliveries" USING btree ("channel","created_at");--> statement-breakpoint
CREATE INDEX "deliveries_provider_message_idx" ON "deliveries" USING btree ("provider_message_id");--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_receipt_state_check" CHECK (receipt_state is null or receipt_state in ('delivered', 'undelivered', 'failed'));