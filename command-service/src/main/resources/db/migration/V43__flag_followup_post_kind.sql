-- A review of a flagged comment deletes the comment by its own command: the follow-up remembers
-- what kind of post it concerns. Follow-ups written before this migration concern questions and
-- answers, which DeletePost handles alike.
ALTER TABLE flag_followup ADD COLUMN post_kind VARCHAR(16) NOT NULL DEFAULT 'ANSWER';
