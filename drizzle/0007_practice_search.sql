CREATE TABLE "practice_index" (
	"practice_id" uuid PRIMARY KEY NOT NULL,
	"language" text NOT NULL,
	"document" "tsvector" NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"themes" text[] NOT NULL,
	"key_factors" text[] NOT NULL,
	"commitments" text[] NOT NULL,
	"countries" text[] NOT NULL,
	"cities" text[] NOT NULL,
	"decades" integer[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "practice_index" ADD CONSTRAINT "practice_index_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "practice_index_document_idx" ON "practice_index" USING gin ("document");--> statement-breakpoint
CREATE INDEX "practice_index_published_idx" ON "practice_index" USING btree ("published_at","practice_id");--> statement-breakpoint
CREATE INDEX "practice_index_themes_idx" ON "practice_index" USING gin ("themes");--> statement-breakpoint
CREATE INDEX "practice_index_key_factors_idx" ON "practice_index" USING gin ("key_factors");--> statement-breakpoint
CREATE INDEX "practice_index_commitments_idx" ON "practice_index" USING gin ("commitments");--> statement-breakpoint
CREATE INDEX "practice_index_countries_idx" ON "practice_index" USING gin ("countries");--> statement-breakpoint
CREATE INDEX "practice_index_cities_idx" ON "practice_index" USING gin ("cities");--> statement-breakpoint
CREATE INDEX "practice_index_decades_idx" ON "practice_index" USING gin ("decades");--> statement-breakpoint
-- Search in the practice's own language, accents ignored ("dusseldorf" finds "Düsseldorf"):
-- a configuration per language with a Snowball stemmer, and unaccent before it. Polish and
-- Ukrainian have no stemmer in PostgreSQL; they use practice_search (words as written).
CREATE TEXT SEARCH CONFIGURATION "practice_en" (COPY = english);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION "practice_en" ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION "practice_fr" (COPY = french);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION "practice_fr" ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION "practice_de" (COPY = german);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION "practice_de" ALTER MAPPING FOR hword, hword_part, word WITH unaccent, german_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION "practice_it" (COPY = italian);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION "practice_it" ALTER MAPPING FOR hword, hword_part, word WITH unaccent, italian_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION "practice_es" (COPY = spanish);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION "practice_es" ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION "practice_ar" (COPY = arabic);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION "practice_ar" ALTER MAPPING FOR hword, hword_part, word WITH unaccent, arabic_stem;--> statement-breakpoint
CREATE FUNCTION "practice_config"(lang text) RETURNS regconfig LANGUAGE sql IMMUTABLE AS $$
	SELECT (CASE lang
		WHEN 'en' THEN 'practice_en' WHEN 'fr' THEN 'practice_fr' WHEN 'de' THEN 'practice_de'
		WHEN 'it' THEN 'practice_it' WHEN 'es' THEN 'practice_es' WHEN 'ar' THEN 'practice_ar'
		ELSE 'practice_search' END)::regconfig
$$;--> statement-breakpoint
-- The index row of one practice from its published version (none when it has none). The title
-- weighs most, then the summary and the cities' names, then the rest of the text.
CREATE FUNCTION "practice_index_refresh"(p_id uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM "practice_index" WHERE "practice_id" = p_id;
	INSERT INTO "practice_index" ("practice_id", "language", "document", "published_at", "themes",
		"key_factors", "commitments", "countries", "cities", "decades")
	SELECT p."id", v."language",
		setweight(to_tsvector(practice_config(v."language"), v."title"), 'A')
		|| setweight(to_tsvector(practice_config(v."language"), concat_ws(' ', v."summary", place."names")), 'B')
		|| setweight(to_tsvector(practice_config(v."language"), concat_ws(' ', v."description",
			v."audience", v."results", v."resources", v."funding", v."partners")), 'C'),
		coalesce(p."published_at", now()),
		ARRAY(SELECT jsonb_array_elements_text(v."themes")),
		ARRAY(SELECT (k->>'benchmark') || '/' || (k->>'slug') FROM jsonb_array_elements(v."key_factors") k),
		ARRAY(SELECT jsonb_array_elements_text(v."commitments")),
		coalesce(place."countries", '{}'),
		ARRAY(SELECT jsonb_array_elements_text(v."cities")),
		CASE WHEN v."period_from" IS NULL THEN '{}'::integer[]
			ELSE ARRAY(SELECT d * 10 FROM generate_series(v."period_from" / 10,
				greatest(coalesce(v."period_to", v."period_from"), v."period_from") / 10) d) END
	FROM "practice" p
	JOIN "practice_version" v ON v."id" = p."published_version_id"
	LEFT JOIN LATERAL (
		SELECT string_agg(c."name", ' ') "names", array_agg(DISTINCT c."country") "countries"
		FROM "city" c WHERE c."slug" IN (SELECT jsonb_array_elements_text(v."cities"))
	) place ON true
	WHERE p."id" = p_id;
END
$$;--> statement-breakpoint
CREATE FUNCTION "practice_index_on_practice"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM practice_index_refresh(NEW."id");
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "practice_index_publish" AFTER INSERT OR UPDATE OF "published_version_id", "published_at" ON "practice"
	FOR EACH ROW EXECUTE FUNCTION "practice_index_on_practice"();--> statement-breakpoint
-- A city renamed (or moved to another country) is found under its new name.
CREATE FUNCTION "practice_index_on_city"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM practice_index_refresh(i."practice_id") FROM "practice_index" i WHERE i."cities" @> ARRAY[NEW."slug"];
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "practice_index_city" AFTER UPDATE OF "name", "country" ON "city"
	FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."country" IS DISTINCT FROM NEW."country")
	EXECUTE FUNCTION "practice_index_on_city"();--> statement-breakpoint
INSERT INTO "cache_version" ("name", "version") VALUES ('practices', 0) ON CONFLICT DO NOTHING;--> statement-breakpoint
CREATE TRIGGER "practice_index_version" AFTER INSERT OR UPDATE OR DELETE ON "practice_index"
	FOR EACH STATEMENT EXECUTE FUNCTION "bump_cache_version"('practices');--> statement-breakpoint
SELECT practice_index_refresh("id") FROM "practice" WHERE "published_version_id" IS NOT NULL;
