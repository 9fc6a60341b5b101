ALTER TABLE "practice_posting" ADD COLUMN "changed" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "practice_posting_changed_idx" ON "practice_posting" USING btree ("changed");--> statement-breakpoint
-- Numbers for practice_posting.changed. Taken after the writers' advisory lock, so that a
-- writer's number is greater than that of every writer that committed before it.
CREATE SEQUENCE "practice_posting_change";--> statement-breakpoint
-- As in 0009, and: the rows written get this change's number; a word that no practice has any
-- more keeps its row with empty lists (a process keeping the lists learns it from `changed`).
CREATE OR REPLACE FUNCTION "practice_posting_apply"(gone "practice_posting_delta"[], came "practice_posting_delta"[])
	RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	change bigint;
BEGIN
	IF cardinality(gone) = 0 AND cardinality(came) = 0 THEN RETURN; END IF;
	PERFORM pg_advisory_xact_lock(hashtext('practice_posting'));
	change := nextval('practice_posting_change');
	INSERT INTO "practice_posting" ("lexeme", "seqs", "title_seqs", "summary_seqs", "changed")
	SELECT w."lexeme",
		practice_posting_merge(p."seqs", g."seqs", c."seqs"),
		practice_posting_merge(p."title_seqs", g."title_seqs", c."title_seqs"),
		practice_posting_merge(p."summary_seqs", g."summary_seqs", c."summary_seqs"),
		change
	FROM (SELECT "lexeme" FROM unnest(gone) UNION SELECT "lexeme" FROM unnest(came)) w
	LEFT JOIN "practice_posting" p ON p."lexeme" = w."lexeme"
	LEFT JOIN unnest(gone) g ON g."lexeme" = w."lexeme"
	LEFT JOIN unnest(came) c ON c."lexeme" = w."lexeme"
	ORDER BY w."lexeme"
	ON CONFLICT ("lexeme") DO UPDATE SET "seqs" = excluded."seqs",
		"title_seqs" = excluded."title_seqs", "summary_seqs" = excluded."summary_seqs",
		"changed" = excluded."changed";
END
$$;
