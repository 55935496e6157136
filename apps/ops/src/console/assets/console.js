// Procurelink operations console: plain DOM, no framework, no inline code (CSP default-src 'self').
// Every value from the API is put in the page with textContent, never as HTML.
'use strict';

const CSRF = { 'x-procurelink-console': '1' };
const state = { user: undefined };
const $ = (id) => document.getElementById(id);

// ---------- small DOM and formatting helpers ----------
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === false) continue;
    if (key === 'on') for (const [event, fn] of Object.entries(value)) node.addEventListener(event, fn);
    else if (key === 'class') node.className = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) if (child !== undefined && child !== null) node.append(child instanceof Node ? child : String(child));
  return node;
}
const svgEl = (tag, attrs) => {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
  return node;
};
const humanize = (key) => String(key).replace(/([a-z0-9])([A-Z])/g, (m, a, b) => `${a} ${b.toLowerCase()}`).replace(/[_-]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase()).replace(/\b(id|po|erp|sla|dlt)\b/gi, (w) => w.toUpperCase());
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const scalar = (v) => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));
const COUNT_KEYS = ['count', 'total', 'open', 'value', 'n'];

/** The first array of objects in an answer ({items: [...]}, {deadLetters: [...]} or a bare array). */
function listOf(answer) {
  if (Array.isArray(answer)) return answer;
  if (!isObject(answer)) return [];
  for (const key of ['items', 'data', 'results', 'runs', 'deadLetters', 'reconciliations', 'breaches', 'replays']) if (Array.isArray(answer[key])) return answer[key];
  return Object.values(answer).find((v) => Array.isArray(v)) || [];
}

/** [{label, value}] when `data` is a count breakdown: {a: 3, b: 1} or [{facilityId: 'F1', count: 3}]. */
function countEntries(data) {
  if (isObject(data)) {
    const entries = Object.entries(data);
    if (entries.length > 0 && entries.every(([, v]) => typeof v === 'number')) return entries.map(([label, value]) => ({ label, value }));
    return undefined;
  }
  if (!Array.isArray(data) || data.length === 0 || !data.every(isObject)) return undefined;
  const entries = data.map((row) => {
    const numeric = Object.entries(row).filter(([k, v]) => typeof v === 'number' && !/amount/i.test(k));
    const countKey = COUNT_KEYS.find((k) => typeof row[k] === 'number') || (numeric.length === 1 ? numeric[0][0] : undefined);
    if (countKey === undefined) return undefined;
    const label = Object.entries(row).filter(([k, v]) => k !== countKey && (typeof v === 'string' || typeof v === 'number') && !/amount/i.test(k)).map(([, v]) => v).join(' · ');
    return { label: label || '—', value: Number(row[countKey]) };
  });
  return entries.every(Boolean) ? entries : undefined;
}

/** A horizontal SVG bar chart, drawn by hand. */
function barChart(title, entries) {
  const rows = entries.slice().sort((a, b) => b.value - a.value).slice(0, 12);
  const max = Math.max(1, ...rows.map((r) => r.value));
  const labelWidth = 200, barWidth = 200, rowHeight = 22;
  const svg = svgEl('svg', { width: labelWidth + barWidth + 50, height: rows.length * rowHeight + 6, role: 'img', 'aria-label': title });
  rows.forEach((row, i) => {
    const y = i * rowHeight + 3;
    const label = svgEl('text', { x: labelWidth - 6, y: y + 14, 'text-anchor': 'end' });
    label.textContent = String(row.label).length > 28 ? `${String(row.label).slice(0, 27)}…` : String(row.label);
    const bar = svgEl('rect', { x: labelWidth, y, width: Math.max(2, Math.round((row.value / max) * barWidth)), height: rowHeight - 6, class: 'barfill' });
    const num = svgEl('text', { x: labelWidth + Math.round((row.value / max) * barWidth) + 6, y: y + 14, class: 'num' });
    num.textContent = String(row.value);
    svg.append(label, bar, num);
  });
  return el('figure', { class: 'chart', 'data-chart': title }, el('figcaption', {}, el('strong', {}, title)), rows.length ? svg : el('p', { class: 'muted' }, 'nothing'));
}

/** A table of objects (columns: the union of their scalar keys), or a key/value list of one object. */
function table(rawRows, options = {}) {
  // one level of nesting ({source: {count, amount}}) becomes columns "Source count", "Source amount"
  const rows = rawRows.map((row) => Object.fromEntries(Object.entries(row).flatMap(([k, v]) => (isObject(v) && Object.values(v).every((x) => !isObject(x) && !Array.isArray(x)) ? Object.entries(v).map(([k2, x]) => [`${k} ${k2}`, x]) : [[k, v]]))));
  if (!rows.length) return el('p', { class: 'muted' }, options.empty || 'None.');
  const columns = options.columns || [...new Set(rows.flatMap((r) => Object.keys(r).filter((k) => !isObject(r[k]) && !Array.isArray(r[k]))))];
  return el('table', {},
    el('thead', {}, el('tr', {}, options.select ? el('th', {}, '') : null, columns.map((c) => el('th', {}, humanize(c))))),
    el('tbody', {}, rows.map((row) => el('tr', {},
      options.select ? el('td', {}, options.select(row)) : null,
      columns.map((c) => el('td', {}, options.cell ? options.cell(c, row) : linked(c, row)))))));
}
/** A document id links to its lifecycle page when its type is known. */
function linked(column, row) {
  const type = row.docType || row.documentType;
  if (column === 'docId' && typeof type === 'string' && row.docId) return el('a', { href: `#/documents/${encodeURIComponent(type)}/${encodeURIComponent(row.docId)}` }, String(row.docId));
  return scalar(row[column]);
}
function keyValues(object) {
  return el('dl', { class: 'kv' }, Object.entries(object).filter(([, v]) => !isObject(v) && !Array.isArray(v)).flatMap(([k, v]) => [el('dt', {}, humanize(k)), el('dd', {}, scalar(v))]));
}
/** Any JSON, readable: scalars as a key/value list, breakdowns as charts, arrays as tables, objects as sections. */
function render(data, depth = 2) {
  if (!isObject(data)) return Array.isArray(data) ? table(data.filter(isObject)) : el('p', {}, scalar(data));
  const box = el('div', {});
  if (Object.values(data).some((v) => !isObject(v) && !Array.isArray(v))) box.append(keyValues(data));
  for (const [key, value] of Object.entries(data)) {
    if (!isObject(value) && !Array.isArray(value)) continue;
    box.append(el(`h${Math.min(depth + 1, 4)}`, {}, humanize(key)), Array.isArray(value) ? table(value.filter(isObject)) : render(value, depth + 1));
  }
  return box;
}

// ---------- API ----------
class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
  }
}
async function api(path, body) {
  const init = body === undefined ? { credentials: 'same-origin' } : { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json', ...CSRF }, body: JSON.stringify(body) };
  const response = await fetch(`/console/api/${path}`, init);
  const text = await response.text();
  let json;
  try { json = text ? JSON.parse(text) : undefined; } catch { json = { detail: text }; }
  if (response.status === 401) { showLogin(); throw new ApiError(401, json); }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}
const problemBox = (error) => el('p', { class: 'error', role: 'alert' }, `${error.status ? `${error.status}: ` : ''}${error.message}`);
const canOperate = () => state.user && state.user.role === 'operator';

// ---------- views ----------
async function overviewView(view) {
  view.append(el('h1', {}, 'Overview'));
  const data = await api('overview');
  const tiles = el('div', { class: 'tiles' });
  const charts = el('div', { class: 'charts' });
  const sections = el('div', {});
  const walk = (object, prefix, into) => {
    for (const [key, value] of Object.entries(object)) {
      const title = prefix ? `${prefix} · ${humanize(key)}` : humanize(key);
      if (typeof value === 'number' && /(Hours|Minutes|Days)$/.test(key)) into.append(el('p', { class: 'muted setting' }, `${title}: ${value}`));
      else if (typeof value === 'number') tiles.append(el('div', { class: 'tile', 'data-tile': key }, el('div', { class: 'value' }, String(value)), el('div', { class: 'label' }, title)));
      else if (countEntries(value)) into.append(barChart(title, countEntries(value)));
      else if (isObject(value)) walk(value, title, into);
      else if (Array.isArray(value) && value.length && value.every(isObject)) sections.append(el('h2', {}, title), table(value));
    }
  };
  walk(isObject(data) ? data : {}, '', charts);
  view.append(tiles, el('h2', {}, 'By facility, supplier, stage and reason'), charts, sections);
  try {
    const breaches = await api('sla/breaches');
    view.append(el('h2', {}, 'SLA breaches'), isObject(breaches) && !Array.isArray(breaches) && !listOf(breaches).length ? render(breaches) : table(listOf(breaches), { empty: 'No SLA breach.' }));
  } catch (error) {
    if (error.status !== 401) view.append(el('h2', {}, 'SLA breaches'), problemBox(error));
  }
}

const FILTERS = ['service', 'errorCode', 'businessKey', 'supplierId', 'facilityId', 'status', 'from', 'to'];
async function deadLettersView(view, query) {
  view.append(el('h1', {}, 'Dead letters'));
  const form = el('form', { class: 'filters', id: 'dl-filters' },
    FILTERS.map((name) => el('label', {}, humanize(name), el('input', { name, value: query.get(name) || '', placeholder: name === 'from' || name === 'to' ? '2026-01-31T00:00:00Z' : name === 'status' ? 'OPEN' : '' }))),
    el('button', { type: 'submit' }, 'Filter'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const name of FILTERS) if (form.elements[name].value.trim()) params.set(name, form.elements[name].value.trim());
    location.hash = `#/dead-letters?${params}`;
  });
  view.append(form);
  const filter = Object.fromEntries(FILTERS.filter((n) => query.get(n)).map((n) => [n, query.get(n)]));
  const answer = await api(`dead-letters?${new URLSearchParams(filter)}`);
  const rows = listOf(answer);
  const selected = new Set();
  const columns = ['id', 'service', 'errorCode', 'businessKey', 'facilityId', 'supplierId', 'attempts', 'lastFailureAt', 'status', 'errorMessage'].filter((c) => rows.some((r) => c in r));
  view.append(el('h2', {}, `${rows.length} record${rows.length === 1 ? '' : 's'}`), table(rows, {
    columns: columns.length ? columns : undefined,
    empty: 'No dead letter matches.',
    select: canOperate() ? (row) => el('input', { type: 'checkbox', 'aria-label': `select ${row.id}`, on: { change: (e) => (e.target.checked ? selected.add(row.id) : selected.delete(row.id)) } }) : undefined,
    cell: (column, row) => (column === 'id' ? el('a', { href: `#/dead-letters/${encodeURIComponent(row.id)}` }, String(row.id)) : scalar(row[column])),
  }));
  if (canOperate()) view.append(replayPanel(() => (selected.size ? { ids: [...selected].map(Number) } : { filter })));
  await replayAudit(view);
}

async function deadLetterView(view, id) {
  const record = await api(`dead-letters/${encodeURIComponent(id)}`);
  view.append(el('h1', {}, `Dead letter ${id}`));
  const summary = isObject(record) ? record : {};
  view.append(keyValues(summary));
  const value = summary.value;
  const shown = isObject(value) ? (value.pretty ?? (value.decoded !== undefined ? JSON.stringify(value.decoded, null, 2) : value.note ?? value.base64)) : value;
  const about = isObject(value) ? [value.format, value.eventType, value.pretty !== undefined && value.note].filter(Boolean).join(' · ') : '';
  view.append(el('h2', {}, 'Value (decoded, sensitive fields masked)'), about ? el('p', { class: 'muted' }, about) : null,
    el('pre', { id: 'dl-value' }, typeof shown === 'string' ? shown : JSON.stringify(shown, null, 2)));
  for (const [key, part] of Object.entries(summary)) {
    if (key === 'value' || (!isObject(part) && !Array.isArray(part))) continue;
    view.append(el('h2', {}, humanize(key)), Array.isArray(part) ? table(part.filter(isObject)) : render(part));
  }
  if (canOperate()) view.append(replayPanel(() => ({ ids: [Number(id)] })));
}

/** Dry run first; the replay button is enabled only once a dry run of the same selection has answered. */
function replayPanel(selection) {
  const out = el('div', { id: 'replay-result' });
  const force = el('input', { type: 'checkbox', id: 'replay-force' });
  const replay = el('button', { type: 'button', class: 'danger', id: 'replay', disabled: true }, 'Replay');
  let dryRunOf;
  const run = async (dryRun) => {
    const body = { ...selection(), dryRun, ...(force.checked ? { force: true } : {}) };
    out.replaceChildren(el('p', { class: 'muted' }, dryRun ? 'Dry run…' : 'Replaying…'));
    try {
      const answer = await api('dead-letters/replay', body);
      out.replaceChildren(el('h3', {}, dryRun ? 'Dry run: what a replay would do' : 'Replay outcome'), replayOutcome(answer));
      dryRunOf = dryRun ? JSON.stringify({ ...body, dryRun: false }) : undefined;
      replay.disabled = !dryRun;
    } catch (error) {
      out.replaceChildren(problemBox(error));
    }
  };
  replay.addEventListener('click', () => {
    const body = JSON.stringify({ ...selection(), dryRun: false, ...(force.checked ? { force: true } : {}) });
    if (body !== dryRunOf) return out.replaceChildren(el('p', { class: 'error' }, 'The selection changed: run a dry run first.'));
    void run(false);
  });
  return el('section', { class: 'replay' }, el('h2', {}, 'Replay'),
    el('div', { class: 'actions' }, el('button', { type: 'button', class: 'primary', id: 'dry-run', on: { click: () => void run(true) } }, 'Dry run'), replay,
      el('label', {}, force, ' force (replay even what already took effect)')), out);
}
function replayOutcome(answer) {
  const items = listOf(answer).filter(isObject);
  const counts = isObject(answer) ? Object.fromEntries(Object.entries(answer).filter(([, v]) => !Array.isArray(v))) : {};
  const flatten = (object, prefix) => Object.entries(object).flatMap(([k, v]) => (isObject(v) ? flatten(v, `${prefix}${k} `) : [[`${prefix}${k}`, v]]));
  const flat = Object.fromEntries(flatten(counts, ''));
  return el('div', {}, Object.keys(flat).length ? keyValues(flat) : null,
    table(items, { cell: (c, row) => (c === 'verdict' ? el('span', { class: 'verdict' }, scalar(row[c])) : scalar(row[c])) }));
}
async function replayAudit(view) {
  try {
    const replays = listOf(await api('replays'));
    const audit = replays.slice(0, 20).map((entry) => ({
      id: entry.auditId ?? entry.id,
      requestedBy: entry.requestedBy,
      requestedAt: entry.requestedAt,
      dryRun: entry.dryRun,
      what: JSON.stringify(entry.selection ?? null),
      selected: entry.counts?.selected,
      published: entry.counts?.published,
      outcome: Object.entries(entry.counts?.byVerdict ?? {}).filter(([, n]) => n > 0).map(([verdict, n]) => `${verdict} ${n}`).join(', '),
    }));
    view.append(el('h2', {}, 'Replay audit (who, when, what, outcome)'), table(audit, { empty: 'No replay yet.' }));
  } catch (error) {
    if (error.status !== 401) view.append(problemBox(error));
  }
}

async function documentView(view, path, title) {
  const data = await api(path);
  view.append(el('h1', {}, title));
  const traces = new Set();
  const collect = (v) => { if (Array.isArray(v)) v.forEach(collect); else if (isObject(v)) for (const [k, x] of Object.entries(v)) { if (/^trace.?id$/i.test(k) && x) traces.add(x); collect(x); } };
  collect(data);
  if (traces.size) view.append(el('p', { id: 'trace-ids' }, el('strong', {}, 'Trace id: '), [...traces].join(', ')));
  view.append(render(data));
  const events = [];
  const gather = (v) => { if (Array.isArray(v)) v.forEach(gather); else if (isObject(v)) { if (v.eventType && (v.occurredAt || v.recordedAt)) events.push(v); Object.values(v).forEach(gather); } };
  gather(data);
  if (events.length) {
    events.sort((a, b) => String(a.occurredAt || a.recordedAt).localeCompare(String(b.occurredAt || b.recordedAt)));
    view.append(el('h2', {}, 'Lifecycle'), el('ol', { class: 'timeline' }, events.map((e) =>
      el('li', {}, el('strong', {}, e.eventType), ' ', el('span', { class: 'muted' }, scalar(e.occurredAt || e.recordedAt)), e.docId ? ` · ${e.docType || ''} ${e.docId}` : '', e.traceId ? el('span', { class: 'muted' }, ` · trace ${e.traceId}`) : ''))));
  }
}

async function reconciliationsView(view) {
  view.append(el('h1', {}, 'Reconciliations'));
  const out = el('div', {});
  if (canOperate()) {
    view.append(el('div', { class: 'actions' }, el('button', { type: 'button', class: 'primary', id: 'run-reconciliation', on: { click: async () => {
      try { const run = await api('reconciliations', {}); out.replaceChildren(el('p', {}, 'Started: '), render(run)); } catch (error) { out.replaceChildren(problemBox(error)); }
    } } }, 'Run a reconciliation now')), out);
  }
  const runs = listOf(await api('reconciliations'));
  view.append(table(runs, { empty: 'No reconciliation yet.', cell: (c, row) => (c === 'id' ? el('a', { href: `#/reconciliations/${encodeURIComponent(row.id)}` }, String(row.id)) : scalar(row[c])) }));
}
async function reconciliationView(view, id) {
  const run = await api(`reconciliations/${encodeURIComponent(id)}`);
  view.append(el('h1', {}, `Reconciliation ${id}`), render(run));
}

// ---------- routing, sign-in ----------
const ROUTES = [
  [/^\/overview$/, (v) => overviewView(v)],
  [/^\/dead-letters$/, (v, q) => deadLettersView(v, q)],
  [/^\/dead-letters\/([^/]+)$/, (v, q, id) => deadLetterView(v, decodeURIComponent(id))],
  [/^\/documents\/([^/]+)\/([^/]+)$/, (v, q, type, id) => documentView(v, `documents/${type}/${id}`, `${decodeURIComponent(type)} ${decodeURIComponent(id)}`)],
  [/^\/trace\/([^/]+)$/, (v, q, key) => documentView(v, `trace/${key}`, `Chain of ${decodeURIComponent(key)}`)],
  [/^\/reconciliations$/, (v) => reconciliationsView(v)],
  [/^\/reconciliations\/([^/]+)$/, (v, q, id) => reconciliationView(v, decodeURIComponent(id))],
];
async function route() {
  if (!state.user) return;
  const [path, search] = (location.hash.slice(1) || '/overview').split('?');
  const view = $('view');
  view.replaceChildren();
  view.dataset.loading = 'true';
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', path.startsWith(a.getAttribute('href').slice(1)));
  const found = ROUTES.map(([pattern, show]) => [pattern.exec(path), show]).find(([match]) => match);
  try {
    if (!found) view.append(el('p', { class: 'error' }, 'No such page.'));
    else await found[1](view, new URLSearchParams(search || ''), ...found[0].slice(1));
  } catch (error) {
    view.append(problemBox(error));
  }
  view.dataset.loading = 'false';
  view.dataset.page = path;
}
function showLogin() {
  state.user = undefined;
  $('nav').hidden = true; $('logout').hidden = true; $('view').hidden = true; $('login-view').hidden = false;
  $('who').textContent = '';
}
function showApp(user) {
  state.user = user;
  $('login-view').hidden = true; $('nav').hidden = false; $('logout').hidden = false; $('view').hidden = false;
  $('who').replaceChildren(`${user.username} `, el('span', { class: `badge ${user.role}` }, user.role));
  void route();
}
document.addEventListener('DOMContentLoaded', async () => {
  $('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const response = await fetch('/console/login', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json', ...CSRF },
      body: JSON.stringify({ username: $('username').value, password: $('password').value }) });
    if (!response.ok) { $('login-error').textContent = 'Unknown user name or wrong password.'; return; }
    $('login-error').textContent = '';
    $('password').value = '';
    showApp(await response.json());
  });
  $('logout').addEventListener('click', async () => {
    await fetch('/console/logout', { method: 'POST', credentials: 'same-origin', headers: CSRF });
    showLogin();
  });
  $('lookup').addEventListener('submit', (event) => {
    event.preventDefault();
    const key = $('lookup-key').value.trim();
    if (key) location.hash = `#/trace/${encodeURIComponent(key)}`;
  });
  window.addEventListener('hashchange', () => void route());
  const response = await fetch('/console/session', { credentials: 'same-origin' });
  if (response.ok) showApp(await response.json()); else showLogin();
});
