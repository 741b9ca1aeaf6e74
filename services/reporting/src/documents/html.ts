/** Small building blocks of the HTML reports: everything from data is escaped here. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

const STYLE = `
  body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2733; max-width: 960px; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 2px solid #dde3ea; padding-bottom: .25rem; }
  .muted { color: #5b6878; } table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
  th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #e6eaef; vertical-align: top; } th { background: #f4f6f9; font-weight: 600; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; } .chart { margin: .5rem 0 1rem; }
  .kpis { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: .5rem; }
  .kpi { background: #f4f6f9; border-radius: 6px; padding: .6rem .8rem; } .kpi b { display: block; font-size: 1.3rem; }
  @media print { body { margin: 0; } h2 { break-after: avoid; } table, .chart { break-inside: avoid; } }`;

export function htmlPage(title: string, body: string): string {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head><body>${body}</body></html>\n`;
}

export interface Column<T> {
  title: string;
  value: (row: T) => unknown;
  numeric?: boolean;
}

export function htmlTable<T>(rows: readonly T[], columns: readonly Column<T>[], empty = 'None.'): string {
  if (!rows.length) return `<p class="muted">${escapeHtml(empty)}</p>`;
  const head = columns.map((c) => `<th${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.title)}</th>`).join('');
  const body = rows.map((row) => `<tr>${columns.map((c) => `<td${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.value(row))}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

export function kpis(items: readonly [string, string][]): string {
  return `<div class="kpis">${items.map(([label, value]) => `<div class="kpi"><span class="muted">${escapeHtml(label)}</span><b>${escapeHtml(value)}</b></div>`).join('')}</div>`;
}
