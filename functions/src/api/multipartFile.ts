// One file from a multipart/form-data request (busboy), for the upload endpoint: the form fields
// must come before the file, one file only, and the file stops one byte past the size limit.
// A file name with a control character or a path separator, and a body busboy cannot parse (a
// raw NUL, CR or LF inside a part header), are the client's error: 400 with a Chinese message.
// Resolves as soon as the file starts, so its bytes can stream on; `finished` tells when the rest
// of the body has been read.
import busboy from "busboy";
import type { Request } from "firebase-functions/v2/https";
import { Readable } from "node:stream";
import { fileNameProblem } from "../domain/documents.js";
import { refuse, Refused } from "../domain/errors.js";
import type { IncomingFile } from "../usecases/uploadDocument.js";

export function receiveFile(req: Request, maxBytes: number): Promise<IncomingFile> {
  return new Promise((resolve, reject) => {
    // busboy signals "limit" on reaching fileSize, so it is set one byte above ours: a file of
    // exactly the limit passes, one byte more is refused.
    // preservePath: the name exactly as sent, so a path in it is refused rather than cut off.
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, defParamCharset: "utf8", preservePath: true, limits: { fileSize: maxBytes + 1, files: 1, fields: 20, fieldSize: 1024 } });
    } catch {
      // No boundary, or a content type busboy does not take.
      return reject(new Refused(refuse("MULTIPART_MALFORMED")));
    }
    const fields: Record<string, string> = {};
    let gotFile = false;
    let extraFile = false;
    let done: { resolve: () => void; reject: (err: unknown) => void } = { resolve: () => undefined, reject: () => undefined };
    const finished = new Promise<void>((res, rej) => (done = { resolve: res, reject: rej }));
    finished.catch(() => undefined); // the use case awaits it; a refusal before then is not a crash
    bb.on("field", (name, value) => {
      fields[name] = value;
    });
    bb.on("filesLimit", () => {
      extraFile = true;
    });
    bb.on("file", (_name, file, info) => {
      // Until the use case reads the file stream, busboy holds the bytes back.
      gotFile = true;
      const problem = fileNameProblem(info.filename ?? "");
      if (problem) {
        file.resume();
        return reject(new Refused(refuse("FILE_NAME_INVALID", problem)));
      }
      if (Object.keys(fields).length > 0) return resolve({ fields, stream: file, fileName: info.filename, onTooLarge: (listener) => file.on("limit", listener), truncated: () => Boolean(file.truncated), finished });
      file.resume();
      reject(new Refused(refuse("FIELDS_FIRST")));
    });
    bb.on("error", () => {
      // Every busboy error is a body it cannot parse ("Malformed part header", "Unexpected end of form").
      const refusal = new Refused(refuse("MULTIPART_MALFORMED"));
      reject(refusal);
      done.reject(refusal);
    });
    bb.on("close", () => {
      if (!gotFile) return reject(new Refused(refuse("FILE_MISSING")));
      if (extraFile) done.reject(new Refused(refuse("ONE_FILE_ONLY")));
      else done.resolve();
    });
    // The Functions runtime (and the emulator) has already read the body into rawBody; a
    // plain Node server has not, so stream it. Either way busboy stops at the limit.
    const rawBody = (req as Request & { rawBody?: Buffer }).rawBody;
    if (rawBody) Readable.from([rawBody]).pipe(bb);
    else req.pipe(bb);
  });
}
