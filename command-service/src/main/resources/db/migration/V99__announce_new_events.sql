-- Announces every commit that stored events on the channel praxis_events, so that the query
-- service's processors fetch at once instead of waiting for their next poll of the store
-- (dev.praxis.query.eventstore.NewEventAnnouncements). A trigger rather than a call in the command
-- service, so that no write path (commands, imports, repairs by hand) can store events silently.
-- PostgreSQL delivers a notification only when its transaction commits, and folds the identical
-- notifications of one transaction into one: a batch of events is one wake-up, and a rolled-back
-- write wakes no one. The payload is empty: a listener learns only that something new is there
-- and reads the store for what it is, gaps included.
CREATE FUNCTION praxis_announce_new_events() RETURNS TRIGGER
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('praxis_events', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER domain_event_entry_announce
    AFTER INSERT ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION praxis_announce_new_events();
