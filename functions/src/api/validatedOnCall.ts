// Every callable goes through here: the request data is parsed once with its zod schema (a
// ZodError becomes invalid-argument with the schema's Chinese messages), and any other failure
// becomes an HttpsError with a Chinese message — never a stack trace.
import { onCall, type CallableRequest } from "firebase-functions/v2/https";
import type { z } from "zod";
import { refused } from "../domain/errors.js";
import { productionDeps } from "../usecases/deps.js";
import { sessionRevoked } from "../usecases/sessionCurrent.js";
import { toHttpsError } from "./errors.js";

export function validatedOnCall<S extends z.ZodType, R>(name: string, schema: S, handler: (data: z.output<S>, request: CallableRequest<unknown>) => Promise<R>) {
  return onCall(async (request) => {
    try {
      if (request.auth && (await sessionRevoked(productionDeps(), request.auth.uid, request.auth.token.auth_time))) refused("SESSION_REVOKED");
      const data = schema.parse(request.data ?? {});
      return await handler(data, request);
    } catch (err) {
      throw toHttpsError(err, name);
    }
  });
}
