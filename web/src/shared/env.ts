// Build-time configuration, validated once at start-up. Local builds talk to the emulators
// with a demo-* project id; a production build sets the VITE_FIREBASE_* variables.
// Checked by hand rather than with zod: this module is on every page's first load, and the
// schema library is only needed once a page has loaded its data code.
const raw = import.meta.env as Record<string, string | undefined>;

function text(name: string, fallback: string): string {
  const value = raw[name];
  if (value === undefined || value === "") return fallback;
  return value;
}

function port(name: string, fallback: number): number {
  const value = raw[name];
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0 || n > 65535) throw new Error(`构建配置 ${name} 应为端口号，收到“${value}”`);
  return n;
}

const parsed = {
  VITE_FIREBASE_PROJECT_ID: text("VITE_FIREBASE_PROJECT_ID", "demo-traction"),
  VITE_FIREBASE_API_KEY: text("VITE_FIREBASE_API_KEY", "demo-api-key"),
  VITE_FIREBASE_AUTH_DOMAIN: raw.VITE_FIREBASE_AUTH_DOMAIN || undefined,
  VITE_FIREBASE_REGION: text("VITE_FIREBASE_REGION", "asia-east2"),
  // Set by scripts/emulators.mjs when a run shifts the emulator ports.
  VITE_AUTH_EMULATOR_PORT: port("VITE_AUTH_EMULATOR_PORT", 9099),
  VITE_FIRESTORE_EMULATOR_PORT: port("VITE_FIRESTORE_EMULATOR_PORT", 8080),
  VITE_FUNCTIONS_EMULATOR_PORT: port("VITE_FUNCTIONS_EMULATOR_PORT", 5001),
};

export const env = {
  projectId: parsed.VITE_FIREBASE_PROJECT_ID,
  apiKey: parsed.VITE_FIREBASE_API_KEY,
  authDomain: parsed.VITE_FIREBASE_AUTH_DOMAIN ?? `${parsed.VITE_FIREBASE_PROJECT_ID}.firebaseapp.com`,
  region: parsed.VITE_FIREBASE_REGION,
  // demo-* projects exist only on the emulators; never point a demo build at the cloud.
  useEmulators: parsed.VITE_FIREBASE_PROJECT_ID.startsWith("demo-"),
  /** Base URL of HTTPS functions (uploads, downloads). */
  functionsBase: parsed.VITE_FIREBASE_PROJECT_ID.startsWith("demo-")
    ? `http://${window.location.hostname}:${parsed.VITE_FUNCTIONS_EMULATOR_PORT}/${parsed.VITE_FIREBASE_PROJECT_ID}/${parsed.VITE_FIREBASE_REGION}`
    : `https://${parsed.VITE_FIREBASE_REGION}-${parsed.VITE_FIREBASE_PROJECT_ID}.cloudfunctions.net`,
  emulatorPorts: { auth: parsed.VITE_AUTH_EMULATOR_PORT, firestore: parsed.VITE_FIRESTORE_EMULATOR_PORT, functions: parsed.VITE_FUNCTIONS_EMULATOR_PORT },
};
