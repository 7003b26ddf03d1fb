// Callable adapter: the public files an objection to an open notice, no account needed
// (use case: usecases/fileObjection).
import { fileObjectionRequestSchema } from "../domain/schemas/index.js";
import { productionDeps } from "../usecases/deps.js";
import { fileObjection as file } from "../usecases/fileObjection.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const fileObjection = validatedOnCall("fileObjection", fileObjectionRequestSchema, async (req, request) => {
  // Behind Google's front end `ip` is the client's address (the platform sets trust proxy).
  const address = request.rawRequest.ip ?? request.rawRequest.socket?.remoteAddress ?? "unknown";
  return file(productionDeps(), req, { address });
});
