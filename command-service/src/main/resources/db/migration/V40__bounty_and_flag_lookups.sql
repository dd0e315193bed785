-- What bounties and flags need to know about posts outside their own aggregates: which question and
-- community a post belongs to, who wrote it, when, its score, and whether it is locked or deleted.
-- Kept by event handlers in the transaction of the events that change it.
CREATE TABLE post_lookup (
    post_id      VARCHAR(255) PRIMARY KEY,
    kind         VARCHAR(16)  NOT NULL,
    question_id  VARCHAR(255) NOT NULL,
    community_id VARCHAR(64)  NOT NULL,
    author_id    VARCHAR(255) NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    score        INTEGER      NOT NULL DEFAULT 0,
    locked       BOOLEAN      NOT NULL DEFAULT FALSE,
    deleted      BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX post_lookup_question ON post_lookup (question_id);

-- Open bounties and when they expire: the scheduler ends the due ones, also after a restart.
CREATE TABLE bounty_expiry (
    question_id VARCHAR(255) NOT NULL,
    round       INTEGER      NOT NULL,
    expires_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (question_id, round)
);
CREATE INDEX bounty_expiry_due ON bounty_expiry (expires_at);
