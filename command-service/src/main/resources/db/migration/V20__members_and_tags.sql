-- Command-side lookups of the members and tags features, kept in the transaction that appends the
-- events (subscribing processors), like the community directory.

-- Every member the command side knows: from MemberJoinedCommunity and ProfileUpdated.
CREATE TABLE member_directory (
    member_id VARCHAR(255) PRIMARY KEY
);

-- Every question id, from QuestionAsked: following a question requires that it exists.
CREATE TABLE question_lookup (
    question_id  VARCHAR(64) PRIMARY KEY,
    community_id VARCHAR(64) NOT NULL
);

-- The tags of each community and the synonyms that map to a master tag. A row with is_tag is a tag
-- (created with CreateTag, or implicitly by the first question that carried it); a row with a
-- master is a synonym of that master. A master is never a synonym itself (no chains, no cycles).
CREATE TABLE tag_directory (
    community_id VARCHAR(64) NOT NULL,
    tag          VARCHAR(64) NOT NULL,
    is_tag       BOOLEAN     NOT NULL DEFAULT FALSE,
    master       VARCHAR(64),
    PRIMARY KEY (community_id, tag)
);

CREATE INDEX tag_directory_master ON tag_directory (community_id, master);
