// Callable adapter: the public files an objection to an open notice, no account needed
// (use case: usecases/fileObjection).
import { EMULATOR_APPENDED_HOPS, GOOGLE_FRONT_END_APPENDED_HOPS, trustedClientAddress } from "../domain/clientAddress.js";
import { fileObjectionRequestSchema } from "../domain/schemas/index.js";
import { onEmulator } from "../files/config.js";
import { productionDeps } from "../usecases/deps.js";
import { fileObjection as file } from "../usecases/fileObjection.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const fileObjection = validatedOnCall("fileObjection", fileObjectionRequestSchema, async (req, request) => {
  // Not `rawRequest.ip`: with "trust proxy" that is the leftmost X-Forwarded-For entry, which the
  // client writes. The address is the entry Google's front end appended (domain/clientAddress.ts).
  const raw = request.rawRequest;
  const address = trustedClientAddress(raw.headers, raw.socket?.remoteAddress, onEmulator() ? EMULATOR_APPENDED_HOPS : GOOGLE_FRONT_END_APPENDED_HOPS);
  return file(productionDeps(), req, { address });
});
