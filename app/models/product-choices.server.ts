import { db } from "~/db.server";

/** The shop's products (not deleted) by title, as choices for a product picker. */
export function listProductChoices(shopId: string) {
  return db().product.findMany({
    where: { shopId, deletedAt: null },
    select: { id: true, title: true },
    orderBy: { title: "asc" },
  });
}
