-- The command side's own lookup of communities and their members, written in the same
-- transaction as the events that change it (a subscribing processor). Aggregates of one community
-- consult it to check membership without loading the community aggregate.
CREATE TABLE community_directory (
    community_id VARCHAR(64) PRIMARY KEY,
    name         VARCHAR(255) NOT NULL
);

CREATE TABLE community_membership (
    community_id VARCHAR(64) NOT NULL REFERENCES community_directory (community_id),
    member_id    VARCHAR(255) NOT NULL,
    role         VARCHAR(32)  NOT NULL,
    PRIMARY KEY (community_id, member_id)
);
