import { escapeHtml } from './html.js';

export interface Bar {
  label: string;
  value: number;
}

/** Horizontal bars, longest first as given — for counts by category, root cause or rating. */
export function horizontalBars(bars: readonly Bar[], colour = '#3567b0'): string {
  if (!bars.length) return '<p class="muted">Nothing to chart.</p>';
  const max = Math.max(...bars.map((b) => b.value), 1);
  const row = 22;
  const height = bars.length * row + 4;
  const items = bars.map((bar, i) => {
    const width = Math.max((bar.value / max) * 560, bar.value > 0 ? 1 : 0);
    const y = i * row + 2;
    return `<text x="170" y="${y + 14}" text-anchor="end" font-size="12">${escapeHtml(bar.label)}</text>` +
      `<rect x="178" y="${y + 3}" width="${width.toFixed(1)}" height="14" fill="${colour}"/>` +
      `<text x="${(184 + width).toFixed(1)}" y="${y + 14}" font-size="12">${bar.value}</text>`;
  });
  return `<svg class="chart" role="img" viewBox="0 0 800 ${height}" width="100%" xmlns="http://www.w3.org/2000/svg">${items.join('')}</svg>`;
}

export interface Series {
  name: string;
  colour: string;
  values: number[];
}

/** Grouped columns per period (received and closed per week), with a legend. */
export function groupedColumns(labels: readonly string[], series: readonly Series[]): string {
  if (!labels.length) return '<p class="muted">Nothing to chart.</p>';
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const plot = { left: 40, top: 24, width: 740, height: 180 };
  const slot = plot.width / labels.length;
  const barWidth = Math.max((slot * 0.8) / series.length, 1);
  const parts: string[] = [];
  series.forEach((s, si) => {
    parts.push(`<rect x="${plot.left + si * 120}" y="4" width="10" height="10" fill="${s.colour}"/><text x="${plot.left + si * 120 + 14}" y="13" font-size="12">${escapeHtml(s.name)}</text>`);
    s.values.forEach((value, i) => {
      const h = (value / max) * plot.height;
      const x = plot.left + i * slot + slot * 0.1 + si * barWidth;
      parts.push(`<rect x="${x.toFixed(1)}" y="${(plot.top + plot.height - h).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${h.toFixed(1)}" fill="${s.colour}"><title>${escapeHtml(`${labels[i]}: ${value} ${s.name}`)}</title></rect>`);
    });
  });
  const every = Math.ceil(labels.length / 12);
  labels.forEach((label, i) => {
    if (i % every === 0) parts.push(`<text x="${(plot.left + i * slot + slot / 2).toFixed(1)}" y="${plot.top + plot.height + 16}" text-anchor="middle" font-size="11">${escapeHtml(label)}</text>`);
  });
  parts.push(`<text x="${plot.left - 6}" y="${plot.top + 10}" text-anchor="end" font-size="11">${max}</text><text x="${plot.left - 6}" y="${plot.top + plot.height}" text-anchor="end" font-size="11">0</text>`);
  parts.push(`<line x1="${plot.left}" y1="${plot.top + plot.height}" x2="${plot.left + plot.width}" y2="${plot.top + plot.height}" stroke="#9aa5b1"/>`);
  return `<svg class="chart" role="img" viewBox="0 0 800 ${plot.top + plot.height + 24}" width="100%" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}
