-- Crypto-shredding (dev.praxis.api.privacy): each member's personal texts in the event store are
-- encrypted with the member's own 256-bit key. Erasing the member deletes the key in the
-- transaction that records MemberErased, and remembers that they were erased, so that no new key
-- (and no new personal data) is ever written for them again. The events are never rewritten: their
-- hash chain stays intact.
CREATE TABLE member_keys (
    member_id  VARCHAR(255) PRIMARY KEY,
    data_key   BYTEA        NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE erased_members (
    member_id VARCHAR(255) PRIMARY KEY,
    erased_at TIMESTAMPTZ  NOT NULL
);
