// Imported first by index.ts: ES modules evaluate imports in order, and each trigger reads the
// global options when it is defined, so this must run before any trigger module.
import { setGlobalOptions } from "firebase-functions/v2";

// Guangzhou and Dongguan are served best from Hong Kong.
setGlobalOptions({ region: "asia-east2", maxInstances: 10 });
