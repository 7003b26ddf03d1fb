// The public files an objection to an open notice (GZ-4.6.3, DG-14): no account needed;
// validated, rate-limited per network address and per notice, stored for staff only.
import { fileObjectionRequestSchema } from "../domain/schemas/index.js";
import { fileObjectionAt } from "../store/objections.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const fileObjection = validatedOnCall("fileObjection", fileObjectionRequestSchema, async (req, request) => {
  // Behind Google's front end `ip` is the client's address (the platform sets trust proxy).
  const address = request.rawRequest.ip ?? request.rawRequest.socket?.remoteAddress ?? "unknown";
  return fileObjectionAt(req, address, new Date());
});
