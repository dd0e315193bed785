-- The command side's view of reputation and privilege thresholds, kept in the transaction of the
-- events that change them, so that a privilege check sees the member's reputation as of the last
-- committed command. Migrations V10..V49 are reserved for the domain's features.
CREATE TABLE member_reputation (
    community_id VARCHAR(64)  NOT NULL,
    member_id    VARCHAR(255) NOT NULL,
    points       BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (community_id, member_id)
);

-- A community's own thresholds; a privilege without a row uses Stack Overflow's.
CREATE TABLE community_privilege_threshold (
    community_id VARCHAR(64) NOT NULL,
    privilege    VARCHAR(40) NOT NULL,
    threshold    INTEGER     NOT NULL,
    PRIMARY KEY (community_id, privilege)
);
