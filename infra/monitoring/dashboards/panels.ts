// Shared pieces of the dashboards: the Prometheus datasource variable and small panel builders, so that
// each dashboard file reads as a list of questions and their PromQL.
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import * as stat from '@grafana/grafana-foundation-sdk/stat';
import * as timeseries from '@grafana/grafana-foundation-sdk/timeseries';

/** Every panel queries the datasource chosen in the dashboard's `datasource` variable. */
const datasource = { type: 'prometheus', uid: '${datasource}' };

export interface Query {
  expr: string;
  legend?: string;
}

const targets = (queries: Query[]) =>
  queries.map((q, i) =>
    new DataqueryBuilder()
      .expr(q.expr)
      .legendFormat(q.legend ?? '__auto')
      .refId(String.fromCharCode(65 + i)),
  );

/** A dashboard with the datasource variable, the project's tags and a 6-hour default window. */
export function newDashboard(uid: string, title: string, description: string): dashboard.DashboardBuilder {
  return new dashboard.DashboardBuilder(title)
    .uid(uid)
    .description(description)
    .tags(['proyecto06', 'generated'])
    .editable()
    .refresh('30s')
    .time({ from: 'now-6h', to: 'now' })
    .timezone('utc')
    .tooltip(dashboard.DashboardCursorSync.Crosshair)
    .withVariable(
      new dashboard.DatasourceVariableBuilder('datasource').label('Prometheus').type('prometheus'),
    );
}

export function graph(
  title: string,
  unit: string,
  queries: Query[],
  description = '',
): timeseries.PanelBuilder {
  const panel = new timeseries.PanelBuilder()
    .title(title)
    .description(description)
    .datasource(datasource)
    .unit(unit)
    .span(12)
    .height(8)
    .fillOpacity(10);
  for (const target of targets(queries)) panel.withTarget(target);
  return panel;
}

/** A single number, red from `red` upward (or downward with `lowIsBad`). */
export function single(
  title: string,
  unit: string,
  query: Query,
  thresholds: { red: number; lowIsBad?: boolean },
  description = '',
): stat.PanelBuilder {
  const steps = thresholds.lowIsBad
    ? [
        { value: null, color: 'red' },
        { value: thresholds.red, color: 'green' },
      ]
    : [
        { value: null, color: 'green' },
        { value: thresholds.red, color: 'red' },
      ];
  return new stat.PanelBuilder()
    .title(title)
    .description(description)
    .datasource(datasource)
    .unit(unit)
    .span(6)
    .height(5)
    .thresholds(new dashboard.ThresholdsConfigBuilder().mode(dashboard.ThresholdsMode.Absolute).steps(steps))
    .withTarget(targets([query])[0]!);
}

export const row = (title: string) => new dashboard.RowBuilder(title);
