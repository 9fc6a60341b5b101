CREATE TYPE "public"."city_figure" AS ENUM('population', 'migrant_background_share', 'foreign_nationals_share');--> statement-breakpoint
CREATE TABLE "city_fact" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"city_id" uuid NOT NULL,
	"figure" "city_figure" NOT NULL,
	"value" double precision NOT NULL,
	"year" integer,
	"source" text NOT NULL,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "city_fact" ADD CONSTRAINT "city_fact_city_id_city_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."city"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "city_fact" ADD CONSTRAINT "city_fact_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "city_fact_city_idx" ON "city_fact" USING btree ("city_id","figure");--> statement-breakpoint
-- The figures a city already had become its first recorded values (content and older data).
INSERT INTO "city_fact" ("city_id", "figure", "value", "year", "source")
	SELECT "id", 'population'::"city_figure", "population", "population_year", coalesce("source", '') FROM "city" WHERE "population" IS NOT NULL
	UNION ALL
	SELECT "id", 'migrant_background_share', "migrant_background_share", NULL, coalesce("source", '') FROM "city" WHERE "migrant_background_share" IS NOT NULL
	UNION ALL
	SELECT "id", 'foreign_nationals_share', "foreign_nationals_share", NULL, coalesce("source", '') FROM "city" WHERE "foreign_nationals_share" IS NOT NULL;
