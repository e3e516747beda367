/** The app's one database connection. Components read it through useLiveQuery. */
import { CasefileDb } from './casefile-db';
import { currentDatabaseName } from './database-recovery';
import { requestPersistentStorage, watchDatabase } from './db-health';

// Normally "casefile"; a later name once a damaged database was kept aside (database-recovery.ts).
const storage = typeof localStorage === 'undefined' ? undefined : localStorage;
export const db = new CasefileDb(currentDatabaseName(storage));
// A blocked or failed upgrade, another window's upgrade, a lost database and a full disk each get
// a message.
watchDatabase(db, storage);
void requestPersistentStorage();
