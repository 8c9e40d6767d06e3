CREATE TABLE "search_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"locale" text NOT NULL,
	"query" text NOT NULL,
	"results" integer NOT NULL,
	"opened" text,
	CONSTRAINT "search_events_query_length_check" CHECK (char_length(query) <= 100)
);
--> statement-breakpoint
CREATE INDEX "search_events_at_idx" ON "search_events" USING btree ("at");