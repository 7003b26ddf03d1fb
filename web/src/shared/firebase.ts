// Firebase app and Auth: all a page needs before sign-in. Firestore and Functions live in their
// own modules (db.ts, functionsClient.ts) so the sign-in page does not download them.
import { initializeApp } from "firebase/app";
import { browserLocalPersistence, connectAuthEmulator, indexedDBLocalPersistence, initializeAuth } from "firebase/auth";
import { env } from "./env";

export const app = initializeApp({ apiKey: env.apiKey, projectId: env.projectId, authDomain: env.authDomain });
// initializeAuth rather than getAuth: email and password is the only sign-in here, so the
// popup/redirect machinery getAuth bundles is left out of every page's first load.
export const auth = initializeAuth(app, { persistence: [indexedDBLocalPersistence, browserLocalPersistence] });

// Same host the page was served from, so 127.0.0.1 and localhost both work.
export const emulatorHost = window.location.hostname;
if (env.useEmulators) connectAuthEmulator(auth, `http://${emulatorHost}:${env.emulatorPorts.auth}`, { disableWarnings: true });
