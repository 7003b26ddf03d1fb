// Helpers for tests that run inside `firebase emulators:exec`: admin handles, client sign-in as
// a real user on the Auth emulator, clearing data, and polling for trigger results.
import { deleteApp, initializeApp as initClient, type FirebaseApp } from "firebase/app";
import { connectAuthEmulator, getAuth as getClientAuth, signInWithEmailAndPassword } from "firebase/auth";
import { connectFirestoreEmulator, getFirestore as getClientFirestore, type Firestore as ClientFirestore } from "firebase/firestore";
import { adminHandles } from "../../scripts/demo/seed.js";

export const PROJECT_ID = process.env.GCLOUD_PROJECT ?? "demo-traction";

export function hostPort(variable: string): { host: string; port: number } {
  const value = process.env[variable];
  if (!value) throw new Error(`${variable} is not set: run this suite through \`npm test\` (firebase emulators:exec).`);
  const [host, port] = value.split(":");
  return { host: host ?? "127.0.0.1", port: Number(port) };
}

export const admin = () => adminHandles();

/** Deletes every document in the project's emulator database (tests start from nothing). */
export async function clearFirestore() {
  const { host, port } = hostPort("FIRESTORE_EMULATOR_HOST");
  const res = await fetch(`http://${host}:${port}/emulator/v1/projects/${PROJECT_ID}/databases/(default)/documents`, { method: "DELETE" });
  if (!res.ok) throw new Error(`clearFirestore failed: ${res.status}`);
}

const clients: FirebaseApp[] = [];

/** A client SDK app signed in as the given user, as a browser would be. */
export async function signedInClient(email: string, password: string): Promise<{ db: ClientFirestore; uid: string }> {
  const app = initClient({ apiKey: "demo-api-key", projectId: PROJECT_ID }, `client-${clients.length}-${email}`);
  clients.push(app);
  const auth = getClientAuth(app);
  const a = hostPort("FIREBASE_AUTH_EMULATOR_HOST");
  connectAuthEmulator(auth, `http://${a.host}:${a.port}`, { disableWarnings: true });
  const db = getClientFirestore(app);
  const f = hostPort("FIRESTORE_EMULATOR_HOST");
  connectFirestoreEmulator(db, f.host, f.port);
  const cred = await signInWithEmailAndPassword(auth, email, password);
  return { db, uid: cred.user.uid };
}

export async function closeClients() {
  await Promise.all(clients.splice(0).map((a) => deleteApp(a)));
}

/** Polls until `probe` returns a value (not undefined), for effects of asynchronous triggers. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
