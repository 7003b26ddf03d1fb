import { connectFunctionsEmulator, getFunctions } from "firebase/functions";
import { env } from "./env";
import { app, emulatorHost } from "./firebase";

export const functions = getFunctions(app, env.region);
if (env.useEmulators) connectFunctionsEmulator(functions, emulatorHost, env.emulatorPorts.functions);
