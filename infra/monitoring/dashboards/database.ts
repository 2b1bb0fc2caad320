// "Database": PostgreSQL as postgres_exporter sees it (job conduit-database) and the backend's side of
// it (query duration, pool wait, pool connections).
import { graph, newDashboard, row, single } from './panels.ts';

const db = 'job="conduit-database"';

export const database = newDashboard(
  'conduit-database',
  'Database',
  'PostgreSQL (postgres_exporter) and the backend pool: up, connections, transactions, cache, size, query and pool-wait latency.',
)
  .withRow(row('PostgreSQL'))
  .withPanel(single('PostgreSQL up', 'short', { expr: `min(pg_up{${db}})` }, { red: 1, lowIsBad: true }))
  .withPanel(
    single(
      'Connections used',
      'percentunit',
      { expr: `sum(pg_stat_activity_count{${db}}) / max(pg_settings_max_connections{${db}})` },
      { red: 0.8 },
      'Alert ConduitDatabaseConnectionsNearMax at 80 %.',
    ),
  )
  .withPanel(single('Database size', 'bytes', { expr: `sum(pg_database_size_bytes{${db}})` }, { red: 4e9 }))
  .withPanel(
    single(
      'Cache hit ratio',
      'percentunit',
      {
        expr: `sum(rate(pg_stat_database_blks_hit{${db}}[1h])) / (sum(rate(pg_stat_database_blks_hit{${db}}[1h])) + sum(rate(pg_stat_database_blks_read{${db}}[1h])))`,
      },
      { red: 0.95, lowIsBad: true },
    ),
  )
  .withPanel(
    graph('Connections by state', 'short', [
      { expr: `sum by (state) (pg_stat_activity_count{${db}})`, legend: '{{state}}' },
      { expr: `max(pg_settings_max_connections{${db}})`, legend: 'max_connections' },
    ]),
  )
  .withPanel(
    graph('Transactions', 'ops', [
      { expr: `sum(rate(pg_stat_database_xact_commit{${db}}[$__rate_interval]))`, legend: 'commit' },
      { expr: `sum(rate(pg_stat_database_xact_rollback{${db}}[$__rate_interval]))`, legend: 'rollback' },
      { expr: `sum(rate(pg_stat_database_deadlocks{${db}}[$__rate_interval]))`, legend: 'deadlocks' },
    ]),
  )
  .withPanel(
    graph('Rows written', 'ops', [
      { expr: `sum(rate(pg_stat_database_tup_inserted{${db}}[$__rate_interval]))`, legend: 'inserted' },
      { expr: `sum(rate(pg_stat_database_tup_updated{${db}}[$__rate_interval]))`, legend: 'updated' },
      { expr: `sum(rate(pg_stat_database_tup_deleted{${db}}[$__rate_interval]))`, legend: 'deleted' },
    ]),
  )
  .withPanel(
    graph('Locks by mode', 'short', [{ expr: `sum by (mode) (pg_locks_count{${db}})`, legend: '{{mode}}' }]),
  )
  .withRow(row('From the backend'))
  .withPanel(
    graph('Query duration p50 / p99', 's', [
      {
        expr: 'histogram_quantile(0.5, sum by (le) (rate(db_query_duration_seconds_bucket{job="conduit-backend"}[$__rate_interval])))',
        legend: 'p50',
      },
      {
        expr: 'histogram_quantile(0.99, sum by (le) (rate(db_query_duration_seconds_bucket{job="conduit-backend"}[$__rate_interval])))',
        legend: 'p99',
      },
    ]),
  )
  .withPanel(
    graph('Pool wait p99 and failed statements', 's', [
      {
        expr: 'histogram_quantile(0.99, sum by (le) (rate(db_pool_wait_seconds_bucket{job="conduit-backend"}[$__rate_interval])))',
        legend: 'pool wait p99',
      },
      {
        expr: 'sum(rate(db_query_duration_seconds_count{job="conduit-backend", outcome="error"}[$__rate_interval]))',
        legend: 'failed statements / s',
      },
    ]),
  )
  .withPanel(
    graph('Pool connections by state', 'short', [
      { expr: 'sum by (state) (db_pool_connections{job="conduit-backend"})', legend: '{{state}}' },
    ]),
  );
