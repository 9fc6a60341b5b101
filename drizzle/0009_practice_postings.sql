CREATE TABLE "practice_posting" (
	"lexeme" text PRIMARY KEY NOT NULL,
	"seqs" integer[] NOT NULL,
	"title_seqs" integer[] NOT NULL,
	"summary_seqs" integer[] NOT NULL
);
--> statement-breakpoint
-- The postings of practice_index's words (see practice_posting in practices/schema.ts), kept by
-- the database like practice_index itself, so that every writer keeps them right.
-- A sorted array: cur without minus, with plus.
CREATE FUNCTION "practice_posting_merge"(cur integer[], minus integer[], plus integer[])
	RETURNS integer[] LANGUAGE sql IMMUTABLE AS $$
	SELECT coalesce(array_agg(x ORDER BY x), '{}') FROM (
		(SELECT unnest(coalesce(cur, '{}')) EXCEPT SELECT unnest(coalesce(minus, '{}')))
		UNION SELECT unnest(coalesce(plus, '{}'))
	) s(x)
$$;--> statement-breakpoint
-- What changes for one word: the practices that lost it or gained it.
CREATE TYPE "practice_posting_delta" AS (
	"lexeme" text, "seqs" integer[], "title_seqs" integer[], "summary_seqs" integer[]
);--> statement-breakpoint
-- The words of these practices as practice_index has them now (title: weight A; summary and
-- cities: B; see practice_index_refresh in migration 0007).
CREATE FUNCTION "practice_posting_words"(seqs integer[]) RETURNS "practice_posting_delta"[]
	LANGUAGE sql STABLE AS $$
	SELECT coalesce(array_agg(d ORDER BY (d).lexeme), '{}') FROM (
		SELECT ROW(l."lexeme", array_agg(i."seq"),
			coalesce(array_agg(i."seq") FILTER (WHERE 'A' = ANY(l."weights")), '{}'),
			coalesce(array_agg(i."seq") FILTER (WHERE 'B' = ANY(l."weights")), '{}'))::"practice_posting_delta" d
		FROM "practice_index" i CROSS JOIN LATERAL unnest(i."document") l
		WHERE i."seq" = ANY(seqs)
		GROUP BY l."lexeme"
	) s
$$;--> statement-breakpoint
CREATE FUNCTION "practice_posting_apply"(gone "practice_posting_delta"[], came "practice_posting_delta"[])
	RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	IF cardinality(gone) = 0 AND cardinality(came) = 0 THEN RETURN; END IF;
	-- One writer at a time (publications are rare), so that two publications sharing a word
	-- cannot overwrite each other's array; the statements below then see what the other wrote.
	PERFORM pg_advisory_xact_lock(hashtext('practice_posting'));
	INSERT INTO "practice_posting" ("lexeme", "seqs", "title_seqs", "summary_seqs")
	SELECT w."lexeme",
		practice_posting_merge(p."seqs", g."seqs", c."seqs"),
		practice_posting_merge(p."title_seqs", g."title_seqs", c."title_seqs"),
		practice_posting_merge(p."summary_seqs", g."summary_seqs", c."summary_seqs")
	FROM (SELECT "lexeme" FROM unnest(gone) UNION SELECT "lexeme" FROM unnest(came)) w
	LEFT JOIN "practice_posting" p ON p."lexeme" = w."lexeme"
	LEFT JOIN unnest(gone) g ON g."lexeme" = w."lexeme"
	LEFT JOIN unnest(came) c ON c."lexeme" = w."lexeme"
	ORDER BY w."lexeme"
	ON CONFLICT ("lexeme") DO UPDATE SET "seqs" = excluded."seqs",
		"title_seqs" = excluded."title_seqs", "summary_seqs" = excluded."summary_seqs";
	DELETE FROM "practice_posting"
		WHERE "lexeme" IN (SELECT "lexeme" FROM unnest(gone)) AND "seqs" = '{}';
END
$$;--> statement-breakpoint
-- Statement triggers on practice_index (transition tables allow one event each). The words a
-- row had are only in old_rows; those it has are read from practice_index.
CREATE FUNCTION "practice_posting_on_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM practice_posting_apply('{}', practice_posting_words(ARRAY(SELECT "seq" FROM new_rows)));
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "practice_posting_on_update"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	changed integer[];
BEGIN
	-- Only rows whose words changed (a new version, a renamed city), not a new date.
	changed := ARRAY(SELECT o."seq" FROM old_rows o JOIN new_rows n ON n."practice_id" = o."practice_id"
		WHERE n."document" <> o."document" OR n."seq" <> o."seq");
	IF cardinality(changed) = 0 THEN RETURN NULL; END IF;
	PERFORM practice_posting_apply(
		ARRAY(SELECT ROW(l."lexeme", array_agg(o."seq"),
			coalesce(array_agg(o."seq") FILTER (WHERE 'A' = ANY(l."weights")), '{}'),
			coalesce(array_agg(o."seq") FILTER (WHERE 'B' = ANY(l."weights")), '{}'))::"practice_posting_delta"
			FROM old_rows o CROSS JOIN LATERAL unnest(o."document") l
			WHERE o."seq" = ANY(changed) GROUP BY l."lexeme"),
		practice_posting_words(ARRAY(SELECT n."seq" FROM new_rows n JOIN old_rows o ON o."practice_id" = n."practice_id"
			WHERE o."seq" = ANY(changed))));
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "practice_posting_on_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM practice_posting_apply(
		ARRAY(SELECT ROW(l."lexeme", array_agg(o."seq"),
			coalesce(array_agg(o."seq") FILTER (WHERE 'A' = ANY(l."weights")), '{}'),
			coalesce(array_agg(o."seq") FILTER (WHERE 'B' = ANY(l."weights")), '{}'))::"practice_posting_delta"
			FROM old_rows o CROSS JOIN LATERAL unnest(o."document") l GROUP BY l."lexeme"),
		'{}');
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "practice_posting_insert" AFTER INSERT ON "practice_index"
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "practice_posting_on_insert"();--> statement-breakpoint
CREATE TRIGGER "practice_posting_update" AFTER UPDATE ON "practice_index"
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "practice_posting_on_update"();--> statement-breakpoint
CREATE TRIGGER "practice_posting_delete" AFTER DELETE ON "practice_index"
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "practice_posting_on_delete"();--> statement-breakpoint
SELECT practice_posting_apply('{}', practice_posting_words(ARRAY(SELECT "seq" FROM "practice_index")));
