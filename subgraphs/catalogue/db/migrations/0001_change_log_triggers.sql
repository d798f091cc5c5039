-- The public change feed (Query.changes), written by triggers so that no write
-- path, present or future, can forget it.
--
-- Ordering: every trigger first takes the transaction-scoped advisory lock
-- 1667331169 ("cata" in ASCII; the same key as changeLogLockKey in
-- db/changeLog.ts). Writers therefore take sequence numbers one transaction at
-- a time and release the lock only after their commit is visible, so seq order
-- is commit order: a reader that has seen seq N never later finds a committed
-- change below N. Rolled-back transactions leave permanent holes, which
-- readers never wait on.
--
-- Visibility: only changes a public reader could notice are recorded.
--   draft created/updated/deleted      -> nothing
--   created as ACTIVE or SUNSET        -> CREATED
--   DRAFT -> ACTIVE/SUNSET             -> PUBLISHED
--   ACTIVE -> SUNSET                   -> SUNSET
--   any other change to a public entry -> UPDATED (once per transaction)
--   public entry deleted or unpublished -> DELETED
--   offering added/changed/removed on a public entry -> UPDATED of the entry

CREATE FUNCTION catalogue_log_change(entry_slug text, change change_kind) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF change = 'UPDATED' AND EXISTS (
    SELECT 1 FROM catalogue_changes
    WHERE transaction_id = txid_current() AND micro_credential_slug = entry_slug
  ) THEN
    -- Readers fetch the entry as it is now, so one change row per transaction is enough.
    RETURN;
  END IF;
  INSERT INTO catalogue_changes (micro_credential_slug, kind) VALUES (entry_slug, change);
END;
$$;
--> statement-breakpoint
CREATE FUNCTION catalogue_micro_credential_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  was_public boolean := TG_OP <> 'INSERT' AND OLD.status <> 'DRAFT';
  is_public boolean := TG_OP <> 'DELETE' AND NEW.status <> 'DRAFT';
BEGIN
  PERFORM pg_advisory_xact_lock(1667331169);

  IF TG_OP = 'UPDATE' AND OLD.slug <> NEW.slug THEN
    -- A renamed entry is, to a reader, one entry gone and another arrived.
    IF was_public THEN PERFORM catalogue_log_change(OLD.slug, 'DELETED'); END IF;
    IF is_public THEN PERFORM catalogue_log_change(NEW.slug, 'CREATED'); END IF;
    RETURN NULL;
  END IF;

  IF NOT was_public AND NOT is_public THEN
    RETURN NULL;
  ELSIF NOT was_public THEN
    PERFORM catalogue_log_change(NEW.slug, CASE WHEN TG_OP = 'INSERT' THEN 'CREATED' ELSE 'PUBLISHED' END::change_kind);
  ELSIF NOT is_public THEN
    PERFORM catalogue_log_change(OLD.slug, 'DELETED');
  ELSIF NEW.status = 'SUNSET' AND OLD.status <> 'SUNSET' THEN
    PERFORM catalogue_log_change(NEW.slug, 'SUNSET');
  ELSIF OLD IS DISTINCT FROM NEW THEN
    PERFORM catalogue_log_change(NEW.slug, 'UPDATED');
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION catalogue_offering_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  parents text[];
  parent text;
BEGIN
  PERFORM pg_advisory_xact_lock(1667331169);
  IF TG_OP = 'UPDATE' AND OLD IS NOT DISTINCT FROM NEW THEN
    RETURN NULL;
  END IF;
  parents := CASE TG_OP
    WHEN 'INSERT' THEN ARRAY[NEW.micro_credential_slug]
    WHEN 'DELETE' THEN ARRAY[OLD.micro_credential_slug]
    ELSE ARRAY[OLD.micro_credential_slug, NEW.micro_credential_slug]
  END;
  FOREACH parent IN ARRAY parents LOOP
    -- A parent that is gone (cascade delete) or a draft has no public change to report.
    IF EXISTS (SELECT 1 FROM micro_credentials WHERE slug = parent AND status <> 'DRAFT') THEN
      PERFORM catalogue_log_change(parent, 'UPDATED');
    END IF;
  END LOOP;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER micro_credentials_change_log
AFTER INSERT OR UPDATE OR DELETE ON micro_credentials
FOR EACH ROW EXECUTE FUNCTION catalogue_micro_credential_changed();
--> statement-breakpoint
CREATE TRIGGER offerings_change_log
AFTER INSERT OR UPDATE OR DELETE ON offerings
FOR EACH ROW EXECUTE FUNCTION catalogue_offering_changed();
