// Public surface of the weekly digest: services import from "~/domain/digest".
export * from "./types";
export * from "./selectDigestContent";
export * from "./renderDigest";
export * from "./recommendationReason";
export * from "./escapeHtml";
export * from "./digestSettings";
export * from "./digestSchedule";
export * from "./appLinks";
