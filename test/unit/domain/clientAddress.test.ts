// The address a public objection is counted against (issue 16, class 4): read from the entry
// Google's front end appended to X-Forwarded-For, counted from the right, never from what the
// client wrote on the left; on the emulator (nothing appended) from the socket.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EMULATOR_APPENDED_HOPS, GOOGLE_FRONT_END_APPENDED_HOPS, normalisedIp, trustedClientAddress, UNKNOWN_ADDRESS } from "../../../functions/src/domain/clientAddress.js";
import { objectionRateLimitRules, rateLimitSubject } from "../../../functions/src/domain/rateLimits.js";

const SOCKET = "169.254.1.1"; // what Cloud Run's container sees as its peer: Google's own hop
const REAL = "203.0.113.7"; // the client that connected to the front end

/** What the function receives when a client sent `sent` and the front end appended the real address. */
const behindFrontEnd = (sent?: string) => ({ "x-forwarded-for": sent === undefined ? REAL : `${sent}, ${REAL}` });

describe("trusted client address (deployed: Google's front end appends one entry)", () => {
  it("the documented hop counts: one appended entry deployed, none on the emulator", () => {
    expect(GOOGLE_FRONT_END_APPENDED_HOPS).toBe(1);
    expect(EMULATOR_APPENDED_HOPS).toBe(0);
  });

  it("a request without a header of its own: the one entry the front end appended", () => {
    expect(trustedClientAddress(behindFrontEnd(), SOCKET)).toBe(REAL);
  });

  it("a forged header on the left is ignored, whatever it says (an address, a list, junk, spaces)", () => {
    for (const forged of ["198.51.100.1", "1.1.1.1, 2.2.2.2, 3.3.3.3", "unknown", "   ", "::1", "127.0.0.1", "<script>", ",,,"]) {
      expect(trustedClientAddress(behindFrontEnd(forged), SOCKET), forged).toBe(REAL);
    }
  });

  it("a client that sends X-Forwarded-For with many different values still counts as one address (property)", () => {
    const entry = fc.oneof(fc.ipV4(), fc.ipV6(), fc.string({ maxLength: 20 }));
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), (forged) => {
        const sent = forged.join(", ");
        const address = trustedClientAddress(behindFrontEnd(sent), SOCKET);
        expect(address).toBe(REAL);
        // And so the same counters: one person, one hourly allowance.
        const rules = objectionRateLimitRules(new Date("2026-03-02T03:00:00Z"), rateLimitSubject(address), "gz-2025", "n1");
        expect(rules[0]!.key).toBe(objectionRateLimitRules(new Date("2026-03-02T03:00:00Z"), rateLimitSubject(REAL), "gz-2025", "n1")[0]!.key);
      }),
      { numRuns: 300 },
    );
  });

  it("several header lines are read in order, as one list: the last entry is still the front end's", () => {
    expect(trustedClientAddress({ "x-forwarded-for": ["10.0.0.1, 10.0.0.2", `9.9.9.9, ${REAL}`] }, SOCKET)).toBe(REAL);
  });

  it("no header at all (not through the front end): the socket's peer address", () => {
    expect(trustedClientAddress({}, SOCKET)).toBe(SOCKET);
    expect(trustedClientAddress({}, "::ffff:192.0.2.4")).toBe("192.0.2.4");
    expect(trustedClientAddress({}, undefined)).toBe(UNKNOWN_ADDRESS);
  });

  it("an appended entry that is not an IP address is not trusted: the socket instead (one shared count, fails closed)", () => {
    expect(trustedClientAddress({ "x-forwarded-for": "1.2.3.4, not-an-ip" }, SOCKET)).toBe(SOCKET);
    expect(trustedClientAddress({ "x-forwarded-for": "999.1.1.1" }, undefined)).toBe(UNKNOWN_ADDRESS);
  });

  it("behind an external Application Load Balancer (two appended: client, balancer) the client is second from the right", () => {
    expect(trustedClientAddress({ "x-forwarded-for": `6.6.6.6, ${REAL}, 34.120.0.1` }, SOCKET, 2)).toBe(REAL);
  });

  it("IPv6 is read and spelled one way; IPv4-mapped IPv6 is the IPv4 address", () => {
    expect(trustedClientAddress({ "x-forwarded-for": "1.1.1.1, 2001:DB8:0:0:0:0:0:1" }, SOCKET)).toBe("2001:db8:0:0:0:0:0:1");
    expect(trustedClientAddress({ "x-forwarded-for": "2001:db8::1" }, SOCKET)).toBe("2001:db8:0:0:0:0:0:1");
    expect(trustedClientAddress({ "x-forwarded-for": "::ffff:203.0.113.7" }, SOCKET)).toBe(REAL);
  });
});

describe("trusted client address (emulator: nothing appended)", () => {
  it("the header is the caller's own, so it is ignored entirely: the socket's peer (or unknown) counts", () => {
    expect(trustedClientAddress({ "x-forwarded-for": "198.51.100.1" }, "127.0.0.1", EMULATOR_APPENDED_HOPS)).toBe("127.0.0.1");
    expect(trustedClientAddress({ "x-forwarded-for": "198.51.100.1" }, undefined, EMULATOR_APPENDED_HOPS)).toBe(UNKNOWN_ADDRESS);
  });
});

describe("IP addresses and rate-limit subjects", () => {
  it("valid addresses are normalised, anything else is not an address", () => {
    expect(normalisedIp(" 010.001.1.1 ")).toBe("10.1.1.1");
    expect(normalisedIp("[2001:db8::8a2e:370:7334]")).toBe("2001:db8:0:0:0:8a2e:370:7334");
    expect(normalisedIp("fe80::1%eth0")).toBe("fe80:0:0:0:0:0:0:1");
    expect(normalisedIp("::")).toBe("0:0:0:0:0:0:0:0");
    expect(normalisedIp("64:ff9b::192.0.2.33")).toBe("64:ff9b:0:0:0:0:c000:221");
    for (const bad of ["", "unknown", "1.2.3", "1.2.3.256", "1::2::3", "12345::", "1:2:3:4:5:6:7:8:9", "g::1", "1.2.3.4.5"]) expect(normalisedIp(bad), bad).toBeUndefined();
  });

  it("an IPv6 subscriber is counted by its /64: rotating the interface part does not buy a fresh allowance", () => {
    expect(rateLimitSubject("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(rateLimitSubject("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(rateLimitSubject("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(rateLimitSubject("203.0.113.7")).toBe("203.0.113.7");
    expect(rateLimitSubject(UNKNOWN_ADDRESS)).toBe(UNKNOWN_ADDRESS);
  });
});
