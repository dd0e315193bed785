-- What the auditors' history and export filter on (docs/audit.md). Payloads are JSON text: the
-- expressions parse them as jsonb, exactly as the queries of dev.praxis.query.audit and
-- dev.praxis.command.audit write them, so that the planner uses these indexes; with the global
-- position second, a page of history (newest first, after a cursor) reads only its own rows.
-- Each such index costs an append some 40-50 us (measured, docs/audit.md), so there are three: a
-- post's history needs none (its events are its aggregate's stream, its bounty's and its flags').
CREATE INDEX domain_event_entry_community ON domain_event_entry (((payload::jsonb) ->> 'communityId'), global_index);
CREATE INDEX domain_event_entry_actor ON domain_event_entry (((payload::jsonb) ->> 'actorId'), global_index);
CREATE INDEX domain_event_entry_member ON domain_event_entry (((payload::jsonb) ->> 'memberId'), global_index);

-- time_stamp is Instant.toString() text with a variable number of fractional digits: compared as
-- text, 10:00:00.100Z sorts after 10:00:00.100001Z (its 'Z' after a digit). This parses it.
-- (Immutable because the text always carries its zone, 'Z': no session setting changes the result.
-- PL/pgSQL rather than SQL: an SQL function that cannot be inlined is planned again on every call,
-- which made each append measurably slower.)
CREATE FUNCTION praxis_event_time(time_stamp TEXT) RETURNS TIMESTAMPTZ
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS
$$ BEGIN RETURN time_stamp::timestamptz; END $$;

CREATE INDEX domain_event_entry_time ON domain_event_entry (praxis_event_time(time_stamp));
