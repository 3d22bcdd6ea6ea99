/** The migrated database each test file clones (created by global-setup.ts, cloned by database.ts). */
export const TEMPLATE_DB = 'club_template';
