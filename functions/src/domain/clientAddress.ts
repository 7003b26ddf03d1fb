// Which network address a public request came from, for the per-address limit on objections.
//
// `X-Forwarded-For` is a list each proxy appends to, and a client may send the header itself: the
// entries on the left are whatever the client wrote. Only the entries Google's own front end
// appended are facts, and they are the last ones. So the client's address is read at a fixed
// position counted from the right — the first of the entries the platform appended — never from
// the left (Express's `req.ip` with "trust proxy", which the Functions runtime enables, takes the
// leftmost and so lets a client choose its own address). The chain is documented in
// docs/architecture.md ("Threat model"). Pure: the web may import it too.

export type RequestHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * Deployed: a callable is reached at its own Cloud Functions (2nd gen, Cloud Run) URL, where
 * Google's front end appends exactly one entry, the address of the client that connected to it.
 * No Hosting rewrite or load balancer sits in front (those would append more: an external
 * Application Load Balancer appends `<client-ip>,<load-balancer-ip>`, i.e. 2).
 */
export const GOOGLE_FRONT_END_APPENDED_HOPS = 1;

/** On the Functions emulator nothing is appended: the header is the caller's own, so it is ignored. */
export const EMULATOR_APPENDED_HOPS = 0;

/** When no address can be established: every such request shares one count (fails closed). */
export const UNKNOWN_ADDRESS = "unknown";

/**
 * The address the platform vouches for: the entry `appendedHops` from the right of
 * `X-Forwarded-For` (all its header lines, in order), else the socket's peer address. Entries left
 * of it are ignored whatever they say; an entry that is not an IP address is not trusted either.
 */
export function trustedClientAddress(headers: RequestHeaders, socketAddress: string | undefined, appendedHops: number = GOOGLE_FRONT_END_APPENDED_HOPS): string {
  const fallback = normalisedIp(socketAddress ?? "") ?? UNKNOWN_ADDRESS;
  if (appendedHops < 1) return fallback;
  const raw = headers["x-forwarded-for"];
  const entries = (typeof raw === "string" ? [raw] : (raw ?? []))
    .join(",")
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e !== "");
  if (entries.length < appendedHops) return fallback;
  return normalisedIp(entries[entries.length - appendedHops]!) ?? fallback;
}

/** An IPv4 or IPv6 address in one canonical spelling (IPv4-mapped IPv6 as IPv4), or undefined. */
export function normalisedIp(text: string): string | undefined {
  const s = text.trim();
  const v4 = ipv4(s);
  if (v4) return v4;
  const groups = ipv6Groups(s);
  if (!groups) return undefined;
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
  return groups.map((g) => g.toString(16)).join(":");
}

function ipv4(s: string): string | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts.join(".") : undefined;
}

/** The eight 16-bit groups of an IPv6 address (`::` shorthand, a dotted IPv4 tail, a zone id), or undefined. */
export function ipv6Groups(text: string): number[] | undefined {
  let s = text.replace(/^\[|\]$/g, "").replace(/%[\w.-]+$/, "");
  const tail = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s);
  if (tail) {
    const v4 = ipv4(tail[1]!);
    if (!v4) return undefined;
    const [a, b, c, d] = v4.split(".").map(Number) as [number, number, number, number];
    s = `${s.slice(0, -tail[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = s.split("::");
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(":") : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  return groups.map((g) => parseInt(g, 16));
}
