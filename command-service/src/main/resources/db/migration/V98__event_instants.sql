-- Point-in-time reads (the query service's asOf) map an instant to the last event stored at or
-- before it. time_stamp is Instant.toString() text with a variable number of fractional digits,
-- which does not order as text; this function reads it as the instant it denotes (the text always
-- ends in Z, so the result does not depend on the session's time zone, hence IMMUTABLE), and the
-- index lets "the last event stored at or before T" be answered without reading every row.
CREATE FUNCTION praxis_event_instant(time_stamp TEXT) RETURNS TIMESTAMPTZ
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT time_stamp::timestamptz $$;

CREATE INDEX domain_event_entry_instant ON domain_event_entry (praxis_event_instant(time_stamp), global_index);
