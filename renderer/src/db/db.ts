/** The app's one database connection. Components read it through useLiveQuery. */
import { CasefileDb } from './casefile-db';
import { requestPersistentStorage, watchDatabase } from './db-health';

export const db = new CasefileDb();
// A blocked or failed upgrade, another window's upgrade and a full disk each get a message.
watchDatabase(db);
void requestPersistentStorage();
