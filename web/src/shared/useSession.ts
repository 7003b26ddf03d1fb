import { onIdTokenChanged, type User } from "firebase/auth";
import { useEffect, useState } from "react";
import { auth } from "./firebase";

export interface Claims {
  staff?: Record<string, "reviewer" | "admin">;
  unit?: { programmeId: string; unitId: string };
  /** The platform calendar administrator (national holiday arrangements), above the programmes. */
  calendarAdmin?: boolean;
}

export type Session = { state: "loading" } | { state: "signedOut" } | { state: "signedIn"; user: User; claims: Claims };

/** The signed-in user and the role claims firestore.rules also reads. */
export function useSession(): Session {
  const [session, setSession] = useState<Session>({ state: "loading" });
  useEffect(
    () =>
      onIdTokenChanged(auth, async (user) => {
        if (!user) return setSession({ state: "signedOut" });
        const { claims } = await user.getIdTokenResult();
        setSession({ state: "signedIn", user, claims: { staff: claims.staff as Claims["staff"], unit: claims.unit as Claims["unit"], calendarAdmin: claims.calendarAdmin === true } });
      }),
    [],
  );
  return session;
}
