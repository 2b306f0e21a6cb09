/**
 * The calendar day (YYYY-MM-DD) of an instant in an IANA timezone: sales are counted per shop-local day.
 * @example localDay(new Date("2026-11-28T03:00:00Z"), "America/New_York") // "2026-11-27"
 */
export function localDay(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}
