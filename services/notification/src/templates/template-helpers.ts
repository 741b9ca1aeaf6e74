import type { HelperDelegate } from 'handlebars';

/** Words a translator can change per language (templates/<locale>/labels.json). */
export interface Labels {
  /** The locale used for dates and amounts (e.g. en-GB), which may be finer than the folder name. */
  dateLocale: string;
  [group: string]: unknown;
}

/** Template helpers, bound to one language: dates, money and enum labels read naturally in it. */
export function templateHelpers(labels: Labels): Record<string, HelperDelegate> {
  const longDate = new Intl.DateTimeFormat(labels.dateLocale, { dateStyle: 'full', timeZone: 'UTC' });
  const dateAndTime = new Intl.DateTimeFormat(labels.dateLocale, { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' });
  const when = (value: unknown, format: Intl.DateTimeFormat) => {
    const date = new Date(String(value));
    return Number.isNaN(date.getTime()) ? '' : format.format(date);
  };
  return {
    date: (value: unknown) => when(value, longDate),
    dateTime: (value: unknown) => (when(value, dateAndTime) ? `${when(value, dateAndTime)} UTC` : ''),
    money: (amount: unknown, currency: unknown) => formatMoney(labels.dateLocale, Number(amount), typeof currency === 'string' ? currency : ''),
    label: (group: unknown, key: unknown) => {
      const table = labels[String(group)] as Record<string, string> | undefined;
      return table?.[String(key)] ?? String(key ?? '');
    },
    eq: (a: unknown, b: unknown) => a === b,
    gt: (a: unknown, b: unknown) => Number(a) > Number(b),
  };
}

function formatMoney(locale: string, amount: number, currency: string): string {
  if (!Number.isFinite(amount)) return '';
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`.trim();
  }
}
