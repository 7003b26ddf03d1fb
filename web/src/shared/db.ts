import { connectFirestoreEmulator, getFirestore } from "firebase/firestore";
import { env } from "./env";
import { app, emulatorHost } from "./firebase";

export const db = getFirestore(app);
if (env.useEmulators) connectFirestoreEmulator(db, emulatorHost, env.emulatorPorts.firestore);
