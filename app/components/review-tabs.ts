/** The Recommendations page's tabs and the statuses each shows (shared by the route and its service). */
export const REVIEW_TABS = {
  proposed: ["proposed"],
  approved: ["approved", "applied"],
  closed: ["rejected", "failed"],
} as const satisfies Record<string, readonly ("proposed" | "approved" | "applied" | "rejected" | "failed")[]>;

export type ReviewTab = keyof typeof REVIEW_TABS;
