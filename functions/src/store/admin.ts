// The one place that initialises firebase-admin. Everything else imports `db` / `auth` from here.
import { getApps, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { getFirestore } from "firebase-admin/firestore";

const app = getApps()[0] ?? initializeApp();

export const db = getFirestore(app);
// Optional schema fields are simply absent; without this Firestore rejects `undefined`.
db.settings({ ignoreUndefinedProperties: true });
export const auth = getAuth(app);
