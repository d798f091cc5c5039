/**
 * Bar and line charts as inline SVG, drawn on the server. Hand-written on
 * purpose: the insights page needs two simple chart kinds, and ~80 lines of
 * SVG cost less than a charting library, work without JavaScript, print, and
 * carry their own text alternative (`<title>`/`<desc>`, and the table beside
 * every chart). Every label is escaped (it may come from an institution).
 */
import { escapeHtml } from '../html.js';

export interface Bar {
  label: string;
  value: number;
}

const font = 'font-family="system-ui, sans-serif" font-size="12"';

function number(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-CA') : value.toFixed(2);
}

/** Horizontal bars, one row per label, values printed at the end of each bar. */
export function barChart(bars: readonly Bar[], title: string, width = 640): string {
  const rowHeight = 24;
  const labelWidth = 220;
  const plotWidth = width - labelWidth - 70;
  const height = bars.length * rowHeight + 36;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const rows = bars.map((bar, index) => {
    const y = 28 + index * rowHeight;
    const length = Math.round((bar.value / max) * plotWidth);
    const label = bar.label.length > 34 ? `${bar.label.slice(0, 33)}…` : bar.label;
    return (
      `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(label)}</text>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${length}" height="${rowHeight - 8}" fill="#1a5a96"/>` +
      `<text x="${labelWidth + length + 6}" y="${y + 15}">${number(bar.value)}</text>`
    );
  });
  const description = bars.map((bar) => `${bar.label}: ${number(bar.value)}`).join('; ');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ${font}>` +
    `<title>${escapeHtml(title)}</title><desc>${escapeHtml(description)}</desc>` +
    `<text x="0" y="16" font-weight="bold">${escapeHtml(title)}</text>${rows.join('')}</svg>`
  );
}

export interface Series {
  name: string;
  colour: string;
  values: readonly number[];
}

/** Lines over a shared x axis (e.g. days), with the first and last x labels and the maximum marked. */
export function lineChart(xLabels: readonly string[], series: readonly Series[], title: string, width = 640): string {
  const height = 220;
  const left = 48;
  const top = 40;
  const plotWidth = width - left - 16;
  const plotHeight = height - top - 36;
  const max = Math.max(1, ...series.flatMap((line) => line.values));
  const x = (index: number) => left + (xLabels.length < 2 ? plotWidth / 2 : (index / (xLabels.length - 1)) * plotWidth);
  const y = (value: number) => top + plotHeight - (value / max) * plotHeight;
  const lines = series.map(
    (line) =>
      `<polyline fill="none" stroke="${line.colour}" stroke-width="2" points="${line.values
        .map((value, index) => `${x(index).toFixed(1)},${y(value).toFixed(1)}`)
        .join(' ')}"/>`,
  );
  const legend = series.map(
    (line, index) =>
      `<rect x="${left + index * 170}" y="22" width="12" height="4" fill="${line.colour}"/>` +
      `<text x="${left + index * 170 + 16}" y="28">${escapeHtml(line.name)}</text>`,
  );
  const axis =
    `<line x1="${left}" y1="${top + plotHeight}" x2="${left + plotWidth}" y2="${top + plotHeight}" stroke="#666"/>` +
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotHeight}" stroke="#666"/>` +
    `<text x="${left - 6}" y="${top + 4}" text-anchor="end">${number(max)}</text>` +
    `<text x="${left - 6}" y="${top + plotHeight}" text-anchor="end">0</text>` +
    (xLabels.length
      ? `<text x="${left}" y="${height - 12}">${escapeHtml(xLabels[0]!)}</text>` +
        `<text x="${left + plotWidth}" y="${height - 12}" text-anchor="end">${escapeHtml(xLabels.at(-1)!)}</text>`
      : '');
  const description = series.map((line) => `${line.name}: ${line.values.map(number).join(', ')}`).join('; ');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ${font}>` +
    `<title>${escapeHtml(title)}</title><desc>${escapeHtml(description)}</desc>` +
    `<text x="0" y="14" font-weight="bold">${escapeHtml(title)}</text>${legend.join('')}${axis}${lines.join('')}</svg>`
  );
}
