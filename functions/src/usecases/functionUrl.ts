// Where an HTTPS function of this codebase answers, for links handed to people (download links,
// calendar feeds): the configured URL, or — on the emulator — next to the callable that issues the
// link (the host the request came to), or the deployed function's default address.
import { onEmulator } from "../files/config.js";

export function functionUrl(name: string, host: string | undefined, configured: string | undefined): string {
  if (configured) return configured;
  const project = process.env.GCLOUD_PROJECT ?? "demo-traction";
  return onEmulator() ? `http://${host ?? "127.0.0.1:5001"}/${project}/asia-east2/${name}` : `https://asia-east2-${project}.cloudfunctions.net/${name}`;
}
