-- Content lookups of the command side, kept in the transaction of the events that change them.
-- Which community each question belongs to and its current tags: closing as a duplicate checks the
-- other question, and votes on answers credit the author's expertise in the question's tags.
CREATE TABLE question_directory (
    question_id  VARCHAR(64) PRIMARY KEY,
    community_id VARCHAR(64) NOT NULL
);

CREATE TABLE question_tag (
    question_id VARCHAR(64) NOT NULL REFERENCES question_directory (question_id),
    tag         VARCHAR(40) NOT NULL,
    PRIMARY KEY (question_id, tag)
);

-- The sum of the votes (up +1, down -1) on a member's answers, per community and tag of the
-- question at the time of the vote: who counts as an expert for endorsements.
CREATE TABLE member_tag_score (
    community_id VARCHAR(64)  NOT NULL,
    member_id    VARCHAR(255) NOT NULL,
    tag          VARCHAR(40)  NOT NULL,
    score        BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (community_id, member_id, tag)
);
