// Helpers for tests that run inside `firebase emulators:exec`: admin handles, client sign-in as
// a real user on the Auth emulator, clearing data, and polling for trigger results.
import { deleteApp, initializeApp as initClient, type FirebaseApp } from "firebase/app";
import { connectAuthEmulator, getAuth as getClientAuth, signInWithEmailAndPassword } from "firebase/auth";
import { connectFirestoreEmulator, getFirestore as getClientFirestore, type Firestore as ClientFirestore } from "firebase/firestore";
import { connectFunctionsEmulator, getFunctions, httpsCallable, type Functions } from "firebase/functions";
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

/** Where the Functions emulator listens, from the emulator hub that emulators:exec announces. */
async function functionsHostPort(): Promise<{ host: string; port: number }> {
  const hub = hostPort("FIREBASE_EMULATOR_HUB");
  const res = await fetch(`http://${hub.host}:${hub.port}/emulators`);
  const all = (await res.json()) as Record<string, { host: string; port: number }>;
  if (!all.functions) throw new Error("the Functions emulator is not running");
  return all.functions;
}

function clientApp(label: string): FirebaseApp {
  const app = initClient({ apiKey: "demo-api-key", projectId: PROJECT_ID }, `client-${clients.length}-${label}`);
  clients.push(app);
  return app;
}

async function clientFunctions(app: FirebaseApp): Promise<Functions> {
  const functions = getFunctions(app, "asia-east2");
  const f = await functionsHostPort();
  connectFunctionsEmulator(functions, f.host, f.port);
  return functions;
}

/** Calls a callable as nobody (the public). */
export async function anonymousCall<T = unknown>(name: string, data: unknown): Promise<T> {
  const functions = await clientFunctions(clientApp("anonymous"));
  return (await httpsCallable<unknown, T>(functions, name)(data)).data;
}

/** A client SDK app signed in as the given user, as a browser would be. */
export async function signedInClient(email: string, password: string): Promise<{ db: ClientFirestore; uid: string; call: <T = unknown>(name: string, data: unknown) => Promise<T> }> {
  const app = clientApp(email);
  const auth = getClientAuth(app);
  const a = hostPort("FIREBASE_AUTH_EMULATOR_HOST");
  connectAuthEmulator(auth, `http://${a.host}:${a.port}`, { disableWarnings: true });
  const db = getClientFirestore(app);
  const f = hostPort("FIRESTORE_EMULATOR_HOST");
  connectFirestoreEmulator(db, f.host, f.port);
  const cred = await signInWithEmailAndPassword(auth, email, password);
  const functions = await clientFunctions(app);
  const call = async <T = unknown>(name: string, data: unknown) => (await httpsCallable<unknown, T>(functions, name)(data)).data;
  return { db, uid: cred.user.uid, call };
}

export async function closeClients() {
  await Promise.all(clients.splice(0).map((a) => deleteApp(a)));
}

/** Polls until `probe` returns a value (not undefined), for effects of asynchronous triggers. */
// A ceiling, not a pace: the probe returns as soon as the state is there; a busy machine may need a minute for a cold trigger.
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
