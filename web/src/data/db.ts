// The Firestore client. Only the data layer holds it: pages start from the typed references in
// collections.ts, so no page can name a path or read an unparsed document.
import { connectFirestoreEmulator, getFirestore } from "firebase/firestore";
import { env } from "../shared/env";
import { app, emulatorHost } from "../shared/firebase";

export const db = getFirestore(app);
if (env.useEmulators) connectFirestoreEmulator(db, emulatorHost, env.emulatorPorts.firestore);
