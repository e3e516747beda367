/**
 * Constants that decide where a counsel's case files live. IndexedDB belongs to an origin and
 * Chromium keeps it under `userData`: changing the scheme, the host or the folder name would
 * silently "lose" every case file on every installed copy. They never change; a test pins them.
 */
export const APP_SCHEME = 'casefile';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const USER_DATA_FOLDER_NAME = 'Casefile';
export const DATA_DIR_FLAG = '--data-dir';
export const DATA_DIR_ENV = 'CASEFILE_DATA_DIR';
