-- The deletions and locks that moderators' reviews decided and that are not carried out yet: written
-- with the FlagReviewed event, removed once DeletePost / LockQuestion is accepted or refused, retried
-- (after a restart too) while it cannot be handled.
CREATE TABLE flag_followup (
    review_id   VARCHAR(64)  PRIMARY KEY,
    decision    VARCHAR(16)  NOT NULL,
    question_id VARCHAR(255) NOT NULL,
    post_id     VARCHAR(255) NOT NULL,
    reason      TEXT         NOT NULL,
    actor_id    VARCHAR(255) NOT NULL,
    occurred_at TIMESTAMPTZ  NOT NULL
);
