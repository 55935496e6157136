import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { exportedSeriesNames, METRICS } from './metric-catalogue';

const DASHBOARDS = ['procurelink-technical.json', 'procurelink-business.json'];
const KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'offset', 'bool', 'and', 'or', 'unless', 'inf', 'nan']);

interface Target {
  expr: string;
  datasource?: { uid?: string };
}
interface Panel {
  title: string;
  datasource?: { type?: string; uid?: string };
  targets?: Target[];
  panels?: Panel[];
}
interface Dashboard {
  uid: string;
  panels: Panel[];
  templating: { list: Array<{ name: string; type: string; query: unknown; datasource?: { uid?: string } }> };
}

/** The metric names a PromQL expression selects: identifiers that are neither functions, keywords, labels nor literals. */
function metricNamesIn(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  return [...stripped.matchAll(/(?<![A-Za-z0-9_:.])[A-Za-z_:][A-Za-z0-9_:]*(?=\s*(\(?))/g)]
    .filter((m) => m[1] !== '(' && !KEYWORDS.has((m[0] as string).toLowerCase()))
    .map((m) => m[0] as string);
}

const load = (name: string): Dashboard => JSON.parse(readFileSync(resolve(__dirname, '../../../../deploy/grafana', name), 'utf8')) as Dashboard;
const panelsOf = (panels: Panel[]): Panel[] => panels.flatMap((p) => [p, ...panelsOf(p.panels ?? [])]);

describe('metricNamesIn', () => {
  it('finds the selected metrics, not functions, labels, keywords or numbers', () => {
    expect(metricNamesIn('histogram_quantile(0.99, sum by (le, service) (rate(procurelink_x_bucket{service=~"$service",code="a_b"}[$__rate_interval])))')).toEqual([
      'procurelink_x_bucket',
    ]);
    expect(metricNamesIn('sum(max by (facility) (a_metric)) / ignoring(code) other_metric offset 5m')).toEqual(['a_metric', 'other_metric']);
  });
});

describe.each(DASHBOARDS)('the Grafana dashboard %s', (name) => {
  const dashboard = load(name);
  const panels = panelsOf(dashboard.panels).filter((p) => p.targets !== undefined);
  const exported = exportedSeriesNames();

  it('takes its Prometheus datasource from a template variable, in every panel and query', () => {
    const variable = dashboard.templating.list.find((v) => v.type === 'datasource');
    expect(variable).toMatchObject({ name: 'datasource', query: 'prometheus' });
    for (const panel of panels) {
      expect(panel.datasource).toEqual({ type: 'prometheus', uid: '${datasource}' });
      for (const target of panel.targets ?? []) expect(target.datasource?.uid).toBe('${datasource}');
    }
  });

  it('queries only metrics the code exports (every PromQL expression and variable query)', () => {
    const queries = [
      ...panels.flatMap((p) => (p.targets ?? []).map((t) => ({ where: `panel "${p.title}"`, expr: t.expr }))),
      ...dashboard.templating.list
        .filter((v) => v.type === 'query')
        .map((v) => ({ where: `variable $${v.name}`, expr: String((v.query as { query?: string }).query ?? v.query).replace(/^label_values\(([^,]+),.*\)$/, '$1') })),
    ];
    expect(queries.length).toBeGreaterThan(0);
    for (const { where, expr } of queries) {
      const names = metricNamesIn(expr);
      expect({ where, names: names.length > 0 }).toEqual({ where, names: true });
      for (const metric of names) expect({ where, metric, exported: exported.has(metric) }).toEqual({ where, metric, exported: true });
    }
  });
});

it('between them, the dashboards chart every metric of the catalogue', () => {
  const used = new Set(
    DASHBOARDS.flatMap((name) => panelsOf(load(name).panels).flatMap((p) => (p.targets ?? []).flatMap((t) => metricNamesIn(t.expr)))).map((n) =>
      n.replace(/_(bucket|sum|count)$/, ''),
    ),
  );
  expect(Object.values(METRICS).map((m) => m.prometheus).filter((n) => !used.has(n))).toEqual([]);
});
