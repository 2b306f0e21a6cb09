import type { Prisma } from "@prisma/client";
import { db } from "~/db.server";

export interface ShopProfile {
  domain: string;
  name?: string;
  email?: string | null;
  timezone?: string;
  currencyCode?: string;
  locale?: string;
  scopes?: string;
}

/** Creates or refreshes the shop row for a domain and clears any earlier uninstall mark. */
export function upsertShop(profile: ShopProfile) {
  const data = {
    ...(profile.name !== undefined && { name: profile.name }),
    ...(profile.email !== undefined && { email: profile.email }),
    ...(profile.timezone !== undefined && { timezone: profile.timezone }),
    ...(profile.currencyCode !== undefined && { currencyCode: profile.currencyCode }),
    ...(profile.locale !== undefined && { locale: profile.locale }),
    ...(profile.scopes !== undefined && { scopes: profile.scopes }),
  };
  return db().shop.upsert({
    where: { domain: profile.domain },
    create: { domain: profile.domain, ...data },
    update: { ...data, uninstalledAt: null },
  });
}

export function findShopByDomain(domain: string) {
  return db().shop.findUnique({ where: { domain } });
}

/** Marks the shop uninstalled and deletes its sessions in one transaction (app/uninstalled). */
export async function markUninstalled(domain: string, at: Date): Promise<{ sessionsDeleted: number }> {
  const [sessions] = await db().$transaction([
    db().session.deleteMany({ where: { shop: domain } }),
    db().shop.updateMany({ where: { domain }, data: { uninstalledAt: at } }),
  ]);
  return { sessionsDeleted: sessions.count };
}

/** Updates the granted scopes on the shop and its sessions (app/scopes_update). */
export async function updateGrantedScopes(domain: string, scopes: string): Promise<void> {
  await db().$transaction([
    db().session.updateMany({ where: { shop: domain }, data: { scope: scopes } }),
    db().shop.updateMany({ where: { domain }, data: { scopes } }),
  ]);
}

/**
 * Deletes every row Pulse holds for a shop (shop/redact, 48 h after uninstall), in one transaction:
 * sessions, the shop's jobs of every status (Job has no relation to Shop, and payloads carry webhook
 * bodies with customer data), and the Shop row, whose relations cascade.
 *
 * @example
 * const { shopDeleted } = await deleteShopData("my-store.myshopify.com");
 */
export async function deleteShopData(domain: string): Promise<{ shopDeleted: boolean }> {
  // The id is read first so the deletes can run as one batch transaction: an interactive one would
  // put a 5 s timeout on the cascade, which a large shop can exceed. A shop keeps its id across a
  // reinstall (upsert by domain), so the id cannot go stale in between.
  const shop = await db().shop.findUnique({ where: { domain }, select: { id: true } });
  const [, , shops] = await db().$transaction([
    db().session.deleteMany({ where: { shop: domain } }),
    db().job.deleteMany({ where: { shopId: shop?.id ?? { in: [] } } }),
    db().shop.deleteMany({ where: { domain } }),
  ]);
  return { shopDeleted: shops.count > 0 };
}

export function recordAuditEvent(event: {
  shopId: string;
  actor: string;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  details?: Prisma.InputJsonValue;
}) {
  return db().auditEvent.create({ data: event });
}
