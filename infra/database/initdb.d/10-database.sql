-- Runs once, on an empty volume, connected to POSTGRES_DB (proyecto06_db) as POSTGRES_USER.
-- The application's tables come from the backend's migrations (the one-shot migrate job), not from here.

-- Query statistics (the library is preloaded by /etc/postgresql/proyecto06.conf).
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;

-- Only the owner may connect to the application database; other roles must be granted CONNECT.
-- Timestamps are stored and returned in UTC whatever the client's setting.
DO $$
BEGIN
  EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
  EXECUTE format('ALTER DATABASE %I SET timezone TO %L', current_database(), 'UTC');
END
$$;
