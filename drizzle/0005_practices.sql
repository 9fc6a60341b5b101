CREATE TYPE "public"."practice_status" AS ENUM('draft', 'submitted', 'published', 'returned', 'rejected');--> statement-breakpoint
CREATE TABLE "practice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"city_id" uuid NOT NULL,
	"status" "practice_status" DEFAULT 'draft' NOT NULL,
	"review_comment" text,
	"published_version_id" uuid,
	"published_at" timestamp with time zone,
	"from_seed" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "practice_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"cities" jsonb NOT NULL,
	"summary" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"period_from" integer,
	"period_to" integer,
	"themes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"key_factors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"commitments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"audience" text,
	"results" text,
	"resources" text,
	"funding" text,
	"partners" text,
	"contact" text,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"content_hash" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "practice" ADD CONSTRAINT "practice_city_id_city_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."city"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_version" ADD CONSTRAINT "practice_version_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "practice_city_idx" ON "practice" USING btree ("city_id");--> statement-breakpoint
CREATE INDEX "practice_status_idx" ON "practice" USING btree ("status","published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "practice_version_number_idx" ON "practice_version" USING btree ("practice_id","number");--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION "practice_search" (COPY = simple);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION "practice_search" ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
