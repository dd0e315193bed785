-- Client idempotency keys: a command sent again with the same key answers the first result and
-- writes nothing new. The row is written in the transaction that appends the command's events, so
-- a key is recorded if and only if its command took effect; the primary key makes a concurrent
-- duplicate on another instance fail and roll back.
CREATE TABLE command_idempotency (
    idempotency_key VARCHAR(128) PRIMARY KEY,
    actor_id        VARCHAR(255) NOT NULL,
    command_name    VARCHAR(128) NOT NULL,
    aggregate_ids   TEXT         NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
