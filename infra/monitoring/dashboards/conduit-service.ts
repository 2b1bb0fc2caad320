// "Conduit service": the API's RED metrics per route, its SLOs and error budget, the business counters
// and the Node.js process. Reads the backend's /metrics (job conduit-backend) and the recording rules of
// infra/monitoring/rules/conduit.rules.yaml.
import { graph, newDashboard, row, single } from './panels.ts';

const api = 'job="conduit-backend", route!~"/metrics|/health.*"';

export const conduitService = newDashboard(
  'conduit-service',
  'Conduit service',
  'RED per route, availability and latency SLOs with the error budget, business counters, the Node.js process.',
)
  .withRow(row('Service level'))
  .withPanel(
    single(
      'Availability (30 d)',
      'percentunit',
      {
        expr: `1 - (sum(increase(http_request_duration_seconds_count{${api}, status_code=~"5.."}[30d])) / sum(increase(http_request_duration_seconds_count{${api}}[30d])))`,
      },
      { red: 0.999, lowIsBad: true },
      'Share of API requests without a 5xx over 30 days. Objective: 99.9 %.',
    ),
  )
  .withPanel(
    single(
      'Error budget left (30 d)',
      'percentunit',
      {
        expr: `1 - (sum(increase(http_request_duration_seconds_count{${api}, status_code=~"5.."}[30d])) / sum(increase(http_request_duration_seconds_count{${api}}[30d]))) / 0.001`,
      },
      { red: 0.25, lowIsBad: true },
      'The part of the 0.1 % allowed failures not yet spent.',
    ),
  )
  .withPanel(
    single(
      'Burn rate (1 h)',
      'x',
      { expr: 'conduit:http_errors:ratio_rate1h / 0.001' },
      { red: 14.4 },
      'How many times faster than allowed the budget burns; the page threshold is 14.4.',
    ),
  )
  .withPanel(
    single(
      'p99 latency',
      's',
      { expr: 'conduit:http_request_duration_seconds:p99_5m' },
      { red: 0.5 },
      'Objective: under 500 ms.',
    ),
  )
  .withPanel(
    graph('Error ratio (5xx) and burn-rate windows', 'percentunit', [
      { expr: 'conduit:http_errors:ratio_rate5m', legend: '5m' },
      { expr: 'conduit:http_errors:ratio_rate1h', legend: '1h' },
      { expr: 'conduit:http_errors:ratio_rate6h', legend: '6h' },
      { expr: 'conduit:http_errors:ratio_rate1d', legend: '1d' },
    ]),
  )
  .withPanel(
    graph('p99 latency by route', 's', [
      { expr: 'route:http_request_duration_seconds:p99_5m', legend: '{{route}}' },
    ]),
  )
  .withRow(row('Traffic (RED)'))
  .withPanel(
    graph('Requests by route', 'reqps', [
      {
        expr: `sum by (method, route) (rate(http_request_duration_seconds_count{${api}}[$__rate_interval]))`,
        legend: '{{method}} {{route}}',
      },
    ]),
  )
  .withPanel(
    graph('Requests by status', 'reqps', [
      {
        expr: `sum by (status_code) (rate(http_request_duration_seconds_count{${api}}[$__rate_interval]))`,
        legend: '{{status_code}}',
      },
    ]),
  )
  .withPanel(
    graph('Latency p50 / p90 / p99', 's', [
      {
        expr: `histogram_quantile(0.5, sum by (le) (rate(http_request_duration_seconds_bucket{${api}}[$__rate_interval])))`,
        legend: 'p50',
      },
      {
        expr: `histogram_quantile(0.9, sum by (le) (rate(http_request_duration_seconds_bucket{${api}}[$__rate_interval])))`,
        legend: 'p90',
      },
      {
        expr: `histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{${api}}[$__rate_interval])))`,
        legend: 'p99',
      },
    ]),
  )
  .withPanel(
    graph('Requests in flight, by instance', 'short', [
      { expr: 'sum by (instance) (http_requests_in_flight{job="conduit-backend"})', legend: '{{instance}}' },
    ]),
  )
  .withRow(row('Business'))
  .withPanel(
    graph('Registrations, articles and comments per hour', 'short', [
      {
        expr: 'sum(increase(conduit_user_registrations_total{job="conduit-backend"}[1h]))',
        legend: 'registrations',
      },
      {
        expr: 'sum(increase(conduit_articles_created_total{job="conduit-backend"}[1h]))',
        legend: 'articles',
      },
      {
        expr: 'sum(increase(conduit_comments_created_total{job="conduit-backend"}[1h]))',
        legend: 'comments',
      },
    ]),
  )
  .withPanel(
    graph('Logins by outcome', 'reqps', [
      {
        expr: 'sum by (outcome) (rate(conduit_logins_total{job="conduit-backend"}[$__rate_interval]))',
        legend: '{{outcome}}',
      },
    ]),
  )
  .withRow(row('Process'))
  .withPanel(
    graph('Memory by instance', 'bytes', [
      { expr: 'process_resident_memory_bytes{job="conduit-backend"}', legend: 'rss {{instance}}' },
      { expr: 'nodejs_heap_size_used_bytes{job="conduit-backend"}', legend: 'heap used {{instance}}' },
    ]),
  )
  .withPanel(
    graph('CPU and event loop lag by instance', 's', [
      {
        expr: 'rate(process_cpu_seconds_total{job="conduit-backend"}[$__rate_interval])',
        legend: 'cpu {{instance}}',
      },
      {
        expr: 'nodejs_eventloop_lag_p99_seconds{job="conduit-backend"}',
        legend: 'loop lag p99 {{instance}}',
      },
    ]),
  );
