-- The command side's reputation ledger for the ReputationEngine (core-api), kept in the transaction
-- of the events that change it. member_reputation.points stays "total - 1" (reputation starts at 1).
ALTER TABLE member_reputation ADD COLUMN edit_points INTEGER NOT NULL DEFAULT 0;

-- What votes earned a member per UTC day (the daily vote cap).
CREATE TABLE reputation_vote_day (
    community_id VARCHAR(64)  NOT NULL,
    member_id    VARCHAR(255) NOT NULL,
    day          DATE         NOT NULL,
    points       INTEGER      NOT NULL,
    PRIMARY KEY (community_id, member_id, day)
);

-- The tags of each thread (question or article), which causes carry for the tag leaderboards.
CREATE TABLE reputation_thread_tags (
    community_id VARCHAR(64)  NOT NULL,
    question_id  VARCHAR(255) NOT NULL,
    tags         TEXT         NOT NULL,
    PRIMARY KEY (community_id, question_id)
);

-- Live (and suspended) causes of reputation with what they granted: a reversal takes back exactly that.
CREATE TABLE reputation_cause (
    community_id VARCHAR(64)  NOT NULL,
    cause_key    VARCHAR(600) NOT NULL,
    question_id  VARCHAR(255) NOT NULL,
    cause        TEXT         NOT NULL,
    PRIMARY KEY (community_id, cause_key)
);
CREATE INDEX reputation_cause_thread ON reputation_cause (community_id, question_id);

-- The reputation rules in force per community (none: version 1, Stack Overflow's), and every version.
CREATE TABLE reputation_rules (
    community_id VARCHAR(64) NOT NULL,
    version      INTEGER     NOT NULL,
    preset       VARCHAR(40) NOT NULL,
    rule_values  TEXT        NOT NULL,
    changed_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (community_id, version)
);
