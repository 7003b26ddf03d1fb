// Build-time configuration, validated once at start-up. Local builds talk to the emulators
// with a demo-* project id; a production build sets the VITE_FIREBASE_* variables.
import { z } from "zod";

const envSchema = z.object({
  VITE_FIREBASE_PROJECT_ID: z.string().min(1).default("demo-traction"),
  VITE_FIREBASE_API_KEY: z.string().min(1).default("demo-api-key"),
  VITE_FIREBASE_AUTH_DOMAIN: z.string().optional(),
  VITE_FIREBASE_REGION: z.string().default("asia-east2"),
  // Set by scripts/emulators.mjs when a run shifts the emulator ports.
  VITE_AUTH_EMULATOR_PORT: z.coerce.number().int().default(9099),
  VITE_FIRESTORE_EMULATOR_PORT: z.coerce.number().int().default(8080),
  VITE_FUNCTIONS_EMULATOR_PORT: z.coerce.number().int().default(5001),
});

const parsed = envSchema.parse(import.meta.env);

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
