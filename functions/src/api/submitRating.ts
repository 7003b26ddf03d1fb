// Callable adapter, public (the link is the credential): a pilot enterprise rates (use case: usecases/submitRating).
import { submitRatingRequestSchema } from "../domain/schemas/index.js";
import { productionDeps } from "../usecases/deps.js";
import { submitRating as rate } from "../usecases/submitRating.js";
import { validatedOnCall } from "./validatedOnCall.js";

export const submitRating = validatedOnCall("submitRating", submitRatingRequestSchema, async (req) => rate(productionDeps(), req));
