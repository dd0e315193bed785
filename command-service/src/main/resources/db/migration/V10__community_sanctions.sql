-- Suspensions and bans per community, kept with the directory in the transaction of the events
-- that change them, so that a writer (asking, answering, voting, ...) is refused the moment a
-- moderator acts. until NULL is a ban for good; a row whose until has passed no longer blocks.
CREATE TABLE community_sanction (
    community_id VARCHAR(64)  NOT NULL,
    member_id    VARCHAR(255) NOT NULL,
    sanction     VARCHAR(16)  NOT NULL,
    until        TIMESTAMPTZ,
    reason       VARCHAR(2000),
    PRIMARY KEY (community_id, member_id, sanction)
);
