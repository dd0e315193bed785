-- Imports of a community's history (a Stack Exchange data dump): which source record became which
-- Praxis object. A row is written in the transaction that appends the events of the record's
-- command, so it exists if and only if the record took effect: a re-run skips what is there and an
-- interrupted import resumes where it stopped.
CREATE TABLE import_source (
    source      VARCHAR(64)  NOT NULL,
    source_id   VARCHAR(128) NOT NULL,
    praxis_id   VARCHAR(255) NOT NULL,
    command     VARCHAR(128) NOT NULL,
    imported_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (source, source_id)
);

-- The posts of a dump as the importer reads them from Posts.xml, and the current revision of each
-- (title, body, tags) as PostHistory moves it on: edits are whole revisions. A working table: it can
-- be rebuilt from the dump at any time.
CREATE TABLE import_post (
    source         VARCHAR(64)  NOT NULL,
    post_id        BIGINT       NOT NULL,
    post_type      INT          NOT NULL,
    parent_id      BIGINT,
    owner_user_id  BIGINT,
    owner_name     VARCHAR(255),
    created_at     TIMESTAMPTZ  NOT NULL,
    accepted_answer_id BIGINT,
    line           BIGINT       NOT NULL,
    title          TEXT,
    body           TEXT,
    tags           TEXT,
    PRIMARY KEY (source, post_id)
);
