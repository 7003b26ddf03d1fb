import { initializeApp } from "firebase/app";
import { connectAuthEmulator, getAuth } from "firebase/auth";
import { connectFirestoreEmulator, getFirestore } from "firebase/firestore";
import { connectFunctionsEmulator, getFunctions } from "firebase/functions";
import { env } from "./env";

export const app = initializeApp({ apiKey: env.apiKey, projectId: env.projectId, authDomain: env.authDomain });
export const auth = getAuth(app);
export const db = getFirestore(app);
export const functions = getFunctions(app, env.region);

if (env.useEmulators) {
  // Same host the page was served from, so 127.0.0.1 and localhost both work.
  const host = window.location.hostname;
  connectAuthEmulator(auth, `http://${host}:${env.emulatorPorts.auth}`, { disableWarnings: true });
  connectFirestoreEmulator(db, host, env.emulatorPorts.firestore);
  connectFunctionsEmulator(functions, host, env.emulatorPorts.functions);
}
