/** Chunks of the staff area (apps/web/src/dashboard, lazy in app.tsx): a public page must never load them. */
export const DASHBOARD_CHUNK_PATTERN = /^staff-page-/;
