CREATE TABLE "cache_version" (
	"name" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX "assessment_submitted_idx";--> statement-breakpoint
INSERT INTO "cache_version" ("name", "version") VALUES ('figures', 0), ('content', 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION "bump_cache_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "cache_version" SET "version" = "version" + 1 WHERE "name" = TG_ARGV[0];
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "assessment_figures_insert_delete" AFTER INSERT OR DELETE ON "assessment"
	FOR EACH STATEMENT EXECUTE FUNCTION "bump_cache_version"('figures');
--> statement-breakpoint
CREATE TRIGGER "assessment_figures_update" AFTER UPDATE ON "assessment"
	FOR EACH ROW WHEN (OLD."status" = 'submitted' OR NEW."status" = 'submitted')
	EXECUTE FUNCTION "bump_cache_version"('figures');
--> statement-breakpoint
CREATE TRIGGER "city_figures_update" AFTER UPDATE ON "city"
	FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
	EXECUTE FUNCTION "bump_cache_version"('figures');
--> statement-breakpoint
CREATE TRIGGER "benchmark_content_change" AFTER INSERT OR UPDATE OR DELETE ON "benchmark"
	FOR EACH STATEMENT EXECUTE FUNCTION "bump_cache_version"('content');
