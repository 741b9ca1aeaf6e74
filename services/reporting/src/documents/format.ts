/** How numbers and times read in the reports (the same in HTML and PDF). */
export const percent = (rate: number | null) => (rate === null ? '–' : `${(rate * 100).toFixed(1)}%`);
export const hours = (value: number | null) => (value === null ? '–' : `${value.toFixed(1)} h`);
export const decimal = (value: number | null, digits = 2) => (value === null ? '–' : value.toFixed(digits));
export const utc = (at: Date | null) => (at ? `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '–');
export const day = (at: Date | null) => (at ? at.toISOString().slice(0, 10) : '–');
