// Trigger adapter: a notification was created → its mail is queued by usecases/queueNotificationMail.
import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { logger } from "firebase-functions";
import { productionDeps } from "../usecases/deps.js";
import { queueNotificationMail } from "../usecases/queueNotificationMail.js";

export const onNotificationCreated = onDocumentCreated("programmes/{programmeId}/notifications/{notificationId}", async (event) => {
  if (!event.data) return;
  const { programmeId, notificationId } = event.params;
  const queued = await queueNotificationMail(productionDeps(), { programmeId, notificationId, webBase: process.env.WEB_BASE_URL });
  if (queued) logger.info("onNotificationCreated: mail queued", { programmeId, notificationId, queued });
});
