CREATE TABLE "survey_figure" (
	"campaign_id" uuid NOT NULL,
	"question_key" text NOT NULL,
	"cell" text NOT NULL,
	"value" text NOT NULL,
	"rows" bigint DEFAULT 0 NOT NULL,
	"numbers" bigint DEFAULT 0 NOT NULL,
	"sum" numeric DEFAULT '0' NOT NULL,
	CONSTRAINT "survey_figure_campaign_id_question_key_cell_value_pk" PRIMARY KEY("campaign_id","question_key","cell","value")
);
--> statement-breakpoint
ALTER TABLE "survey_figure" ADD CONSTRAINT "survey_figure_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Custom migration: survey_figure (see surveys/schema.ts) kept by the database, like
-- practice_posting, so that every writer of answers and responses keeps it right: triggers add
-- and take away the contributions of the answers of submitted responses, set-based per
-- statement (transition tables), and a campaign's figures are rebuilt if its version changes.
--
-- The statement that applies a change. `changes` is a query of the answer rows that come
-- (sign 1) or go (sign -1), of submitted responses only, as (campaign_id, response_id,
-- question_key, cell, number, text, sign); it is pasted in (the transition tables are only
-- seen by the trigger function's own statements). How "answered" moves: when answers come and
-- go (by_rows), a response answered a question before if it had rows not just written or had
-- rows just deleted; when whole responses come and go, each (response, question) counts once.
-- It returns the campaigns where a figure fell to 0 (see survey_figure_prune).
CREATE FUNCTION "survey_figure_sql"(changes text, by_rows boolean) RETURNS text
	LANGUAGE sql IMMUTABLE AS $f$
	SELECT replace(replace($t$
WITH changes AS MATERIALIZED ({changes}),
counted AS (
	SELECT c."id" AS campaign_id, q->>'key' AS question_key
	FROM "campaign" c
	JOIN "survey_version" v ON v."id" = c."version_id"
	CROSS JOIN LATERAL jsonb_array_elements(v."definition"->'sections') s
	CROSS JOIN LATERAL jsonb_array_elements(s->'questions') q
	WHERE c."id" IN (SELECT DISTINCT campaign_id FROM changes)
		AND q->>'type' IN ('single', 'multiple', 'scale', 'commitments')
),
answered AS ({answered}),
deltas AS (
	SELECT x.campaign_id, x.question_key, x.cell, ''::text AS value, sum(x.sign) AS "rows",
		coalesce(sum(x.sign) FILTER (WHERE x.number IS NOT NULL), 0) AS numbers,
		coalesce(sum(x.sign * x.number::numeric), 0) AS "sum"
	FROM changes x
	GROUP BY x.campaign_id, x.question_key, x.cell
	UNION ALL
	SELECT x.campaign_id, x.question_key, x.cell, coalesce('t:' || x.text, 'n:' || x.number::text),
		sum(x.sign), 0, 0
	FROM changes x
	JOIN counted k ON k.campaign_id = x.campaign_id AND k.question_key = x.question_key
	WHERE x.text IS NOT NULL OR x.number IS NOT NULL
	GROUP BY 1, 2, 3, 4
	UNION ALL
	SELECT a.campaign_id, a.question_key, '', '*', sum(a.delta), 0, 0
	FROM answered a
	GROUP BY a.campaign_id, a.question_key
),
up AS (
	INSERT INTO "survey_figure" AS f ("campaign_id", "question_key", "cell", "value", "rows", "numbers", "sum")
	SELECT d.campaign_id, d.question_key, d.cell, d.value, d."rows", d.numbers, d."sum"
	FROM deltas d
	WHERE d."rows" <> 0 OR d.numbers <> 0 OR d."sum" <> 0
	ORDER BY 1, 2, 3, 4
	ON CONFLICT ("campaign_id", "question_key", "cell", "value") DO UPDATE SET
		"rows" = f."rows" + excluded."rows",
		"numbers" = f."numbers" + excluded."numbers",
		"sum" = f."sum" + excluded."sum"
	RETURNING f."campaign_id", f."rows"
)
SELECT coalesce(array_agg(DISTINCT up.campaign_id) FILTER (WHERE up."rows" = 0), '{}') FROM up
$t$, '{answered}', CASE WHEN by_rows THEN $a$
	SELECT p.campaign_id, p.question_key,
		(p.now > 0)::int - (p.now - p.ins + p.del > 0)::int AS delta
	FROM (
		SELECT x.campaign_id, x.question_key,
			count(*) FILTER (WHERE x.sign > 0) AS ins,
			count(*) FILTER (WHERE x.sign < 0) AS del,
			(SELECT count(*) FROM "survey_answer" a
				WHERE a."response_id" = x.response_id AND a."question_key" = x.question_key) AS now
		FROM changes x
		GROUP BY x.campaign_id, x.response_id, x.question_key
	) p
$a$ ELSE $a$
	SELECT x.campaign_id, x.question_key, x.sign AS delta
	FROM changes x
	GROUP BY x.campaign_id, x.response_id, x.question_key, x.sign
$a$ END), '{changes}', changes)
$f$;--> statement-breakpoint
CREATE FUNCTION "survey_figure_prune"(campaigns uuid[]) RETURNS void LANGUAGE sql AS $$
	DELETE FROM "survey_figure"
	WHERE "campaign_id" = ANY(campaigns) AND "rows" = 0 AND "numbers" = 0 AND "sum" = 0
$$;--> statement-breakpoint
-- A campaign's figures from scratch: the backfill, and a campaign whose version changed.
CREATE FUNCTION "survey_figure_rebuild"(campaigns uuid[]) RETURNS void LANGUAGE plpgsql
	SET work_mem = '64MB' AS $$
BEGIN
	DELETE FROM "survey_figure" WHERE "campaign_id" = ANY(campaigns);
	EXECUTE survey_figure_sql($q$
		SELECT a."campaign_id", a."response_id", a."question_key", a."cell", a."number", a."text", 1 AS sign
		FROM "survey_answer" a
		JOIN "survey_response" r ON r."id" = a."response_id" AND r."status" = 'submitted'
		WHERE a."campaign_id" = ANY($1)$q$, false) USING campaigns;
END
$$;--> statement-breakpoint
-- Answers written, changed or deleted: their contributions where the response is submitted.
-- One writer of figures at a time (correctness first: the '*' count reads what the others
-- wrote). A write to responses not submitted (every save in progress) only holds the lock
-- shared, so saves do not wait for one another; a submission, which takes it exclusively,
-- waits for them and then counts what they wrote, or they wait for it and see it submitted.
CREATE FUNCTION "survey_figure_on_answer"() RETURNS trigger LANGUAGE plpgsql
	SET work_mem = '64MB' AS $$
DECLARE
	source text;
	counted boolean;
	emptied uuid[];
BEGIN
	source := CASE TG_OP
		WHEN 'INSERT' THEN
			'SELECT response_id, campaign_id, question_key, cell, number, text, 1 AS sign FROM new_rows'
		WHEN 'DELETE' THEN
			'SELECT response_id, campaign_id, question_key, cell, number, text, -1 AS sign FROM old_rows'
		ELSE
			'SELECT response_id, campaign_id, question_key, cell, number, text, -1 AS sign FROM old_rows
			UNION ALL SELECT response_id, campaign_id, question_key, cell, number, text, 1 FROM new_rows'
		END;
	-- The response and campaign joined now: a response being deleted already took its answers
	-- away (survey_figure_on_response_delete), a campaign being deleted takes its figures along.
	source := 'SELECT x.campaign_id, x.response_id, x.question_key, x.cell, x.number, x.text, x.sign
		FROM (' || source || ') x
		JOIN "survey_response" r ON r."id" = x.response_id AND r."status" = ''submitted''
		JOIN "campaign" c ON c."id" = x.campaign_id';
	PERFORM pg_advisory_xact_lock_shared(hashtext('survey_figure'));
	EXECUTE 'SELECT EXISTS (' || source || ')' INTO counted;
	IF NOT counted THEN RETURN NULL; END IF;
	PERFORM pg_advisory_xact_lock(hashtext('survey_figure'));
	EXECUTE survey_figure_sql(source, true) INTO emptied;
	PERFORM survey_figure_prune(emptied);
	RETURN NULL;
END
$$;--> statement-breakpoint
-- Responses submitted (their answers come) or reopened (their answers go).
CREATE FUNCTION "survey_figure_on_response_update"() RETURNS trigger LANGUAGE plpgsql
	SET work_mem = '64MB' AS $$
DECLARE
	emptied uuid[];
BEGIN
	IF NOT EXISTS (
		SELECT 1 FROM new_rows n JOIN old_rows o ON o."id" = n."id"
		WHERE (n."status" = 'submitted') <> (o."status" = 'submitted')
	) THEN RETURN NULL; END IF;
	PERFORM pg_advisory_xact_lock(hashtext('survey_figure'));
	EXECUTE survey_figure_sql($q$
		SELECT a."campaign_id", a."response_id", a."question_key", a."cell", a."number", a."text", d.sign
		FROM (
			SELECT n."id", CASE WHEN n."status" = 'submitted' THEN 1 ELSE -1 END AS sign
			FROM new_rows n JOIN old_rows o ON o."id" = n."id"
			WHERE (n."status" = 'submitted') <> (o."status" = 'submitted')
		) d
		JOIN "survey_answer" a ON a."response_id" = d."id"
		JOIN "campaign" c ON c."id" = a."campaign_id"$q$, false) INTO emptied;
	PERFORM survey_figure_prune(emptied);
	RETURN NULL;
END
$$;--> statement-breakpoint
-- A submitted response deleted: its answers go before the cascade deletes them (by then the
-- response is gone, and survey_figure_on_answer no longer counts them).
CREATE FUNCTION "survey_figure_on_response_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	emptied uuid[];
BEGIN
	IF OLD."status" <> 'submitted' THEN RETURN OLD; END IF;
	-- The campaign being deleted takes its figures along: nothing to take away one by one.
	IF NOT EXISTS (SELECT 1 FROM "campaign" WHERE "id" = OLD."campaign_id") THEN RETURN OLD; END IF;
	PERFORM pg_advisory_xact_lock(hashtext('survey_figure'));
	EXECUTE survey_figure_sql($q$
		SELECT a."campaign_id", a."response_id", a."question_key", a."cell", a."number", a."text", -1 AS sign
		FROM "survey_answer" a
		JOIN "campaign" c ON c."id" = a."campaign_id"
		WHERE a."response_id" = $1$q$, false) INTO emptied USING OLD."id";
	PERFORM survey_figure_prune(emptied);
	RETURN OLD;
END
$$;--> statement-breakpoint
-- Which questions get a row per answer follows the campaign's version.
CREATE FUNCTION "survey_figure_on_campaign_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_advisory_xact_lock(hashtext('survey_figure'));
	PERFORM survey_figure_rebuild(ARRAY[NEW."id"]);
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "survey_figure_answer_insert" AFTER INSERT ON "survey_answer"
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "survey_figure_on_answer"();--> statement-breakpoint
CREATE TRIGGER "survey_figure_answer_update" AFTER UPDATE ON "survey_answer"
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "survey_figure_on_answer"();--> statement-breakpoint
CREATE TRIGGER "survey_figure_answer_delete" AFTER DELETE ON "survey_answer"
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "survey_figure_on_answer"();--> statement-breakpoint
CREATE TRIGGER "survey_figure_response_update" AFTER UPDATE ON "survey_response"
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "survey_figure_on_response_update"();--> statement-breakpoint
CREATE TRIGGER "survey_figure_response_delete" BEFORE DELETE ON "survey_response"
	FOR EACH ROW EXECUTE FUNCTION "survey_figure_on_response_delete"();--> statement-breakpoint
CREATE TRIGGER "survey_figure_campaign_version" AFTER UPDATE OF "version_id" ON "campaign"
	FOR EACH ROW WHEN (OLD."version_id" IS DISTINCT FROM NEW."version_id")
	EXECUTE FUNCTION "survey_figure_on_campaign_version"();--> statement-breakpoint
SELECT survey_figure_rebuild(ARRAY(SELECT "id" FROM "campaign"));
