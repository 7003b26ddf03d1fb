// The Functions client, used only by callables.ts.
import { connectFunctionsEmulator, getFunctions } from "firebase/functions";
import { env } from "../shared/env";
import { app, emulatorHost } from "../shared/firebase";

export const functions = getFunctions(app, env.region);
if (env.useEmulators) connectFunctionsEmulator(functions, emulatorHost, env.emulatorPorts.functions);
