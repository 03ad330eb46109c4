// SVG bar charts with min–max whiskers, drawn here (no chart library).
// Horizontal bars: one row per contender; bar = median, whisker = min..max over runs.

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function niceStep(max, target = 5) {
  const raw = max / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * mag;
}

export function fmt(x) {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 1e6) return `${(x / 1e6).toFixed(a >= 1e7 ? 1 : 2)}M`;
  if (a >= 1e4) return `${(x / 1e3).toFixed(a >= 1e5 ? 0 : 1)}k`;
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  if (a >= 1) return x.toFixed(2);
  return x.toPrecision(2);
}

/**
 * @param {{ title: string, subtitle?: string, unit: string, better?: 'lower'|'higher',
 *   rows: { label: string, median: number, min?: number, max?: number, highlight?: boolean, note?: string }[] }} o
 */
export function barChart({ title, subtitle, unit, better, rows }) {
  const W = 760;
  const labelW = 190;
  const valueW = 90;
  const top = subtitle ? 58 : 42;
  const rowH = 26;
  const plotW = W - labelW - valueW - 20;
  const H = top + rows.length * rowH + 42;
  const max = Math.max(...rows.map((r) => Math.max(r.max ?? r.median, r.median)), 1e-9);
  const step = niceStep(max);
  const axisMax = Math.ceil(max / step) * step;
  const x = (v) => labelW + (v / axisMax) * plotW;
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(`<text x="12" y="22" font-size="15" font-weight="600" fill="#111">${esc(title)}</text>`);
  if (subtitle) out.push(`<text x="12" y="40" fill="#555">${esc(subtitle)}</text>`);
  // grid + ticks
  for (let v = 0; v <= axisMax + step / 2; v += step) {
    const gx = x(v).toFixed(1);
    out.push(`<line x1="${gx}" y1="${top - 6}" x2="${gx}" y2="${top + rows.length * rowH}" stroke="#e5e7eb"/>`);
    out.push(`<text x="${gx}" y="${top + rows.length * rowH + 16}" text-anchor="middle" fill="#555">${esc(fmt(v))}</text>`);
  }
  out.push(`<text x="${labelW + plotW / 2}" y="${H - 8}" text-anchor="middle" fill="#333">${esc(unit)}${better ? ` — ${better} is better` : ''}; bar = median, whisker = min–max over runs</text>`);
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    const cy = y + rowH / 2;
    const fill = r.highlight ? '#2563eb' : '#9ca3af';
    out.push(`<text x="${labelW - 8}" y="${cy + 4}" text-anchor="end" fill="#111"${r.highlight ? ' font-weight="600"' : ''}>${esc(r.label)}</text>`);
    out.push(`<rect x="${labelW}" y="${y + 5}" width="${Math.max(0.5, x(r.median) - labelW).toFixed(1)}" height="${rowH - 10}" fill="${fill}" rx="2"><title>${esc(`${r.label}: ${fmt(r.median)} ${unit}`)}</title></rect>`);
    if (r.min !== undefined && r.max !== undefined && r.max > r.min) {
      const x1 = x(r.min).toFixed(1);
      const x2 = x(r.max).toFixed(1);
      out.push(`<line x1="${x1}" y1="${cy}" x2="${x2}" y2="${cy}" stroke="#111" stroke-width="1.2"/>`);
      out.push(`<line x1="${x1}" y1="${cy - 5}" x2="${x1}" y2="${cy + 5}" stroke="#111" stroke-width="1.2"/>`);
      out.push(`<line x1="${x2}" y1="${cy - 5}" x2="${x2}" y2="${cy + 5}" stroke="#111" stroke-width="1.2"/>`);
    }
    const vx = Math.max(x(r.max ?? r.median), x(r.median)) + 6;
    out.push(`<text x="${Math.min(vx, W - valueW + 10).toFixed(1)}" y="${cy + 4}" fill="#111">${esc(fmt(r.median))}${r.note ? ` ${esc(r.note)}` : ''}</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
