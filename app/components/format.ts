/** Number formatting shared by pages, always through Intl in the merchant's locale. */

export function formatPercent(locale: string, share: number, digits = 0): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: digits }).format(share);
}

/** A signed change in percent points of a percentage value (e.g. +35 %), or "—" when unknown. */
export function formatSignedPercent(locale: string, changePercent: number | null): string {
  if (changePercent === null || !Number.isFinite(changePercent)) return "—";
  return new Intl.NumberFormat(locale, {
    style: "percent",
    signDisplay: "exceptZero",
    maximumFractionDigits: 0,
  }).format(changePercent / 100);
}

/** A sentiment index in [-1, 1], shown with sign and two decimals. */
export function formatIndex(locale: string, index: number): string {
  return new Intl.NumberFormat(locale, {
    signDisplay: "exceptZero",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(index);
}

export function formatCount(locale: string, value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** A date and time (ISO string) in the merchant's locale and the shop's timezone, or "—" when absent. */
export function formatDateTime(locale: string, iso: string | null, timeZone: string): string {
  if (!iso) return "—";
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(
    new Date(iso),
  );
}

/** A compact date and time for table cells ("Nov 27, 11:29 PM"), in the shop's timezone; "—" when absent. */
export function formatShortDateTime(locale: string, iso: string | null, timeZone: string): string {
  if (!iso) return "—";
  return new Intl.DateTimeFormat(locale, {
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
  }).format(new Date(iso));
}

/** A time of day ("11:30 PM") in the shop's timezone; "—" when absent. */
export function formatTime(locale: string, iso: string | null, timeZone: string): string {
  if (!iso) return "—";
  return new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone }).format(new Date(iso));
}
