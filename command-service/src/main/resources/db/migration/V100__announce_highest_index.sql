-- The announcement of new events (V99) names the highest global index that the insert stored, so
-- that a listener which has already read that far knows that reading again would find nothing new
-- (dev.praxis.query.eventstore.AnnouncedHeadEventStorageEngine). PostgreSQL folds only identical
-- notifications of a transaction, so one that inserts in several statements announces each, and
-- the listener keeps the highest. An insert of no rows announces nothing.
CREATE OR REPLACE FUNCTION praxis_announce_new_events() RETURNS TRIGGER
    LANGUAGE plpgsql AS
$$
DECLARE
    highest BIGINT;
BEGIN
    SELECT max(global_index) INTO highest FROM praxis_inserted_events;
    IF highest IS NOT NULL THEN
        PERFORM pg_notify('praxis_events', highest::TEXT);
    END IF;
    RETURN NULL;
END
$$;

DROP TRIGGER domain_event_entry_announce ON domain_event_entry;

CREATE TRIGGER domain_event_entry_announce
    AFTER INSERT ON domain_event_entry
    REFERENCING NEW TABLE AS praxis_inserted_events
    FOR EACH STATEMENT EXECUTE FUNCTION praxis_announce_new_events();
