DROP INDEX "deliveries_due_idx";--> statement-breakpoint
DROP INDEX "help_requests_queue_idx";--> statement-breakpoint
CREATE INDEX "deliveries_pending_idx" ON "deliveries" USING btree ("next_attempt_at","seq") WHERE "deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "deliveries_sending_idx" ON "deliveries" USING btree ("lease_until") WHERE "deliveries"."status" = 'sending';--> statement-breakpoint
CREATE INDEX "help_requests_queued_idx" ON "help_requests" USING btree ("seq") WHERE "help_requests"."status" = 'queued';