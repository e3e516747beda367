/** The app's one database connection. Components read it through useLiveQuery. */
import { CasefileDb } from './casefile-db';

export const db = new CasefileDb();
