CREATE TABLE "processed_updates" (
	"channel" text NOT NULL,
	"update_id" bigint NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processed_updates_channel_update_id_pk" PRIMARY KEY("channel","update_id")
);
--> statement-breakpoint
CREATE INDEX "processed_updates_received" ON "processed_updates" USING btree ("received_at");