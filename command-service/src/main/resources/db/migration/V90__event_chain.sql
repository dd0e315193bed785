-- Tamper evidence (docs/audit.md). Every event is linked into a hash chain per stream (aggregate):
--   hash = SHA-256(hash of the stream's previous event, or nothing for its first || canonical text)
-- where the canonical text lists the event's stored columns as they are (payload and metadata as
-- the stored text, so ciphertext envelopes are hashed as they stand):
--   'praxis-chain-v1' LF, then for each of global_index, event_identifier, aggregate_identifier,
--   sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data:
--   '-' for NULL, else <length in UTF-8 bytes> ':' <text>, followed by LF; encoded in UTF-8.
-- A trigger writes the link in the transaction that inserts the event, so no write path can skip
-- it; dev.praxis.command.audit.ChainHash recomputes the same bytes independently in Java.

CREATE TABLE event_chain (
    global_index         BIGINT       PRIMARY KEY,
    event_identifier     VARCHAR(255) NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    hash                 BYTEA        NOT NULL,
    CONSTRAINT event_chain_stream UNIQUE (aggregate_identifier, sequence_number)
);

-- Checkpoints seal consecutive global-position ranges (from_position..to_position, both included),
-- each chained to the one before: SHA-256(previous checkpoint's hash || 'praxis-checkpoint-v1' LF
-- number LF from LF to LF event count LF || the 32-byte chain hash of every event of the range in
-- global order). Written by dev.praxis.command.audit.CheckpointJob, below positions that no open
-- transaction can still fill.
CREATE TABLE event_chain_checkpoint (
    checkpoint_number BIGINT      PRIMARY KEY,
    from_position     BIGINT      NOT NULL,
    to_position       BIGINT      NOT NULL,
    event_count       BIGINT      NOT NULL,
    hash              BYTEA       NOT NULL,
    sealed_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT event_chain_checkpoint_range CHECK (to_position >= from_position)
);

CREATE FUNCTION praxis_chain_field(value TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT CASE WHEN value IS NULL THEN '-' ELSE octet_length(convert_to(value, 'UTF8')) || ':' || value END $$;

-- The formula as a function, for the backfill below and for anyone checking a link by hand in SQL.
CREATE FUNCTION praxis_chain_hash(previous BYTEA, e domain_event_entry) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT sha256(coalesce(previous, ''::bytea) || convert_to(
       'praxis-chain-v1' || E'\n'
       || praxis_chain_field(e.global_index::text) || E'\n'
       || praxis_chain_field(e.event_identifier) || E'\n'
       || praxis_chain_field(e.aggregate_identifier) || E'\n'
       || praxis_chain_field(e.sequence_number::text) || E'\n'
       || praxis_chain_field(e.type) || E'\n'
       || praxis_chain_field(e.time_stamp) || E'\n'
       || praxis_chain_field(e.payload_type) || E'\n'
       || praxis_chain_field(e.payload_revision) || E'\n'
       || praxis_chain_field(e.payload) || E'\n'
       || praxis_chain_field(e.meta_data) || E'\n', 'UTF8')) $$;

-- The trigger spells the formula out instead of calling praxis_chain_hash: a call of an SQL
-- function per row costs PostgreSQL about three times the rest of the append (measured, docs/audit.md).
CREATE FUNCTION praxis_chain_append() RETURNS TRIGGER
    LANGUAGE plpgsql AS
$$
DECLARE
    previous BYTEA;
BEGIN
    SELECT c.hash INTO previous FROM event_chain c
    WHERE c.aggregate_identifier = NEW.aggregate_identifier AND c.sequence_number = NEW.sequence_number - 1;
    INSERT INTO event_chain (global_index, event_identifier, aggregate_identifier, sequence_number, hash)
    VALUES (NEW.global_index, NEW.event_identifier, NEW.aggregate_identifier, NEW.sequence_number,
            sha256(coalesce(previous, ''::bytea) || convert_to('praxis-chain-v1' || E'\n'
               || CASE WHEN NEW.global_index::text IS NULL THEN '-' ELSE octet_length(convert_to(NEW.global_index::text, 'UTF8')) || ':' || NEW.global_index::text END || E'\n'
               || CASE WHEN NEW.event_identifier IS NULL THEN '-' ELSE octet_length(convert_to(NEW.event_identifier, 'UTF8')) || ':' || NEW.event_identifier END || E'\n'
               || CASE WHEN NEW.aggregate_identifier IS NULL THEN '-' ELSE octet_length(convert_to(NEW.aggregate_identifier, 'UTF8')) || ':' || NEW.aggregate_identifier END || E'\n'
               || CASE WHEN NEW.sequence_number::text IS NULL THEN '-' ELSE octet_length(convert_to(NEW.sequence_number::text, 'UTF8')) || ':' || NEW.sequence_number::text END || E'\n'
               || CASE WHEN NEW.type IS NULL THEN '-' ELSE octet_length(convert_to(NEW.type, 'UTF8')) || ':' || NEW.type END || E'\n'
               || CASE WHEN NEW.time_stamp IS NULL THEN '-' ELSE octet_length(convert_to(NEW.time_stamp, 'UTF8')) || ':' || NEW.time_stamp END || E'\n'
               || CASE WHEN NEW.payload_type IS NULL THEN '-' ELSE octet_length(convert_to(NEW.payload_type, 'UTF8')) || ':' || NEW.payload_type END || E'\n'
               || CASE WHEN NEW.payload_revision IS NULL THEN '-' ELSE octet_length(convert_to(NEW.payload_revision, 'UTF8')) || ':' || NEW.payload_revision END || E'\n'
               || CASE WHEN NEW.payload IS NULL THEN '-' ELSE octet_length(convert_to(NEW.payload, 'UTF8')) || ':' || NEW.payload END || E'\n'
               || CASE WHEN NEW.meta_data IS NULL THEN '-' ELSE octet_length(convert_to(NEW.meta_data, 'UTF8')) || ':' || NEW.meta_data END || E'\n', 'UTF8')));
    RETURN NULL;
END
$$;

-- The events stored before this migration, linked in the same way (global order is each stream's order).
DO
$$
DECLARE
    e domain_event_entry;
    previous BYTEA;
BEGIN
    FOR e IN SELECT * FROM domain_event_entry ORDER BY global_index LOOP
        SELECT c.hash INTO previous FROM event_chain c
        WHERE c.aggregate_identifier = e.aggregate_identifier AND c.sequence_number = e.sequence_number - 1;
        INSERT INTO event_chain (global_index, event_identifier, aggregate_identifier, sequence_number, hash)
        VALUES (e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number,
                praxis_chain_hash(previous, e));
    END LOOP;
END
$$;

CREATE TRIGGER domain_event_entry_chain
    AFTER INSERT ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION praxis_chain_append();
