// The one generic helper behind every *.machine.ts: a transition table keyed by event type.
// `transition` finds the rule for (state, event), runs its guards and returns the next state,
// the effects for the caller to carry out, and the clause that authorises the step — or a coded
// refusal. `allowedEvents` lists the events whose state-level guards pass (the buttons to show).
import type { IsoDate } from "./dates.js";
import type { Effect } from "./effects.js";
import { type ErrorCode, type Refusal, refuse } from "./errors.js";
import type { PolicyPack } from "./policy/schema.js";

export interface MachineContext {
  /** Today in Asia/Shanghai, passed in by the caller. */
  today: IsoDate;
  pack: PolicyPack;
  /** Acceptance date of the pilot; after it the programme is read-only (GZ-5.2, DG-18). */
  programmeEndsOn?: IsoDate | null;
}

/** `F`: the effects this machine may ask for, so the code carrying them out can be exhaustive. */
export type Transition<S extends string, F extends Effect = Effect> =
  | { ok: true; next: S; effects: F[]; clause: string }
  | Refusal;

export interface RuleSpec<S extends string, E, C extends MachineContext, F extends Effect = Effect> {
  from: readonly S[];
  to: S | ((state: S, event: E, ctx: C) => S);
  clause: string | ((ctx: C, event: E) => string);
  /** Guards that depend only on state and context, so `allowedEvents` can ask them. */
  when?: (state: S, ctx: C) => Refusal | undefined;
  /** Checks on the event's payload. */
  check?: (state: S, event: E, ctx: C) => Refusal | undefined;
  effects?: (state: S, event: E, ctx: C) => F[];
}

export type TransitionTable<S extends string, E extends { type: string }, C extends MachineContext, F extends Effect = Effect> = {
  [T in E["type"]]: readonly RuleSpec<S, Extract<E, { type: T }>, C, F>[];
};

export interface Machine<S extends string, E extends { type: string }, C extends MachineContext, F extends Effect = Effect> {
  readonly table: TransitionTable<S, E, C, F>;
  transition(state: S, event: E, ctx: C): Transition<S, F>;
  allowedEvents(state: S, ctx: C): E["type"][];
  /**
   * The events the table has a rule for from `state`, before any guard that needs the day or the
   * programme: what a page offers on a record it shows (the server still applies every guard and
   * answers a refusal in words). Pages ask this instead of listing states by hand.
   */
  eventsFrom(state: S): E["type"][];
  /** States the machine declares final: a decision was taken and nothing more may happen to it. */
  readonly terminal: readonly S[];
  /** "Already decided?" is asked of the machine, never of a hand-written list of states. */
  isTerminal(state: S): boolean;
}

/** GZ-5.2 / DG-18: valid until the pilot's acceptance; afterwards nothing may change. */
export function programmeClosed(ctx: MachineContext): Refusal | undefined {
  if (ctx.programmeEndsOn && ctx.today > ctx.programmeEndsOn) {
    return refuse("PROGRAMME_CLOSED", `${ctx.pack.clauses.programmeEnd}，验收完成于 ${ctx.programmeEndsOn}`);
  }
  return undefined;
}

export function requireText(value: string | undefined, code: ErrorCode): Refusal | undefined {
  return value === undefined || value.trim() === "" ? refuse(code) : undefined;
}

export function defineMachine<S extends string, E extends { type: string }, C extends MachineContext, F extends Effect = Effect>(
  name: string,
  table: TransitionTable<S, E, C, F>,
  terminal: readonly S[] = [],
): Machine<S, E, C, F> {
  type AnyRule = RuleSpec<S, E, C, F>;
  const rulesFor = (type: E["type"]): readonly AnyRule[] =>
    ((table as unknown as Record<string, readonly AnyRule[] | undefined>)[type] ?? []);

  function transition(state: S, event: E, ctx: C): Transition<S, F> {
    const closed = programmeClosed(ctx);
    if (closed) return closed;
    const rule = rulesFor(event.type).find((r) => r.from.includes(state));
    if (!rule) return refuse("EVENT_NOT_ALLOWED", `${name}：状态“${state}”下不能执行“${event.type}”`);
    const refusal = rule.when?.(state, ctx) ?? rule.check?.(state, event, ctx);
    if (refusal) return refusal;
    const next = typeof rule.to === "function" ? rule.to(state, event, ctx) : rule.to;
    const clause = typeof rule.clause === "function" ? rule.clause(ctx, event) : rule.clause;
    return { ok: true, next, effects: rule.effects?.(state, event, ctx) ?? [], clause };
  }

  const eventsFrom = (state: S): E["type"][] => (Object.keys(table) as E["type"][]).filter((type) => rulesFor(type).some((r) => r.from.includes(state)));

  function allowedEvents(state: S, ctx: C): E["type"][] {
    if (programmeClosed(ctx)) return [];
    return (Object.keys(table) as E["type"][]).filter((type) =>
      rulesFor(type).some((r) => r.from.includes(state) && !r.when?.(state, ctx)),
    );
  }

  return { table, transition, allowedEvents, eventsFrom, terminal, isTerminal: (state: S) => terminal.includes(state) };
}
