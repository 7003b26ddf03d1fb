// GET ?token=… — a unit member's private deadline calendar (use case: usecases/openCalendarFeed)
// as text/calendar. A link that is unknown, revoked or whose person left the unit is answered 404
// with one short Chinese line, too many reads 429, anything else 500 — never a stack trace.
import type { Response } from "express";
import { logger } from "firebase-functions";
import { onRequest } from "firebase-functions/v2/https";
import { errorStatus, Refused, type ErrorCode } from "../domain/errors.js";
import { openCalendarFeed } from "../usecases/openCalendarFeed.js";
import { productionDeps } from "../usecases/deps.js";

const STATUS: Partial<Record<ReturnType<typeof errorStatus>, number>> = { "not-found": 404, "resource-exhausted": 429 };

function plain(res: Response, status: number, message: string) {
  res.status(status).set({ "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" }).send(`${message}\n`);
}

const refusalStatus = (code: ErrorCode) => STATUS[errorStatus(code)] ?? 400;

export const calendarFeed = onRequest(async (req, res) => {
  if (req.method !== "GET" && req.method !== "HEAD") return plain(res.set("Allow", "GET, HEAD"), 405, "只接受 GET 请求。");
  try {
    const token = typeof req.query.token === "string" ? req.query.token : "";
    const found = await openCalendarFeed(productionDeps(), token);
    if (!found.ok) return plain(res, refusalStatus(found.code), found.message);
    res.status(200).set({
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="deadlines.ics"',
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    });
    res.send(found.body);
  } catch (err) {
    if (err instanceof Refused) return plain(res, refusalStatus(err.refusal.code), err.refusal.message);
    logger.error("calendarFeed: unexpected error", err);
    plain(res, 500, "日历暂时无法生成，请稍后再试。");
  }
});
