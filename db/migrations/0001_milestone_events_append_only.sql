-- The event log is the history a chairman's score may be argued from: rows are
-- only ever added. UPDATE, DELETE and TRUNCATE are refused at the database.
CREATE FUNCTION milestone_events_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'milestone_events is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER milestone_events_append_only
  BEFORE UPDATE OR DELETE ON milestone_events
  FOR EACH ROW EXECUTE FUNCTION milestone_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER milestone_events_no_truncate
  BEFORE TRUNCATE ON milestone_events
  FOR EACH STATEMENT EXECUTE FUNCTION milestone_events_refuse_change();
