import { hasRole, type Actor } from "../domain/roles.ts";
import type { Command } from "./context.ts";

export function mayRun(actor: Actor, cmd: Command): boolean {
  if (cmd.roles === "anyone") return true;
  const roles = cmd.roles;
  if (!cmd.grants) return hasRole(actor, roles);
  const where = cmd.grants;
  return actor.grants.some((g) => roles.includes(g.role) && where(g));
}

/** The commands the actor's roles allow, in registry order: what help and welcome list. */
export function visibleCommands(actor: Actor, commands: readonly Command[]): Command[] {
  return commands.filter((c) => mayRun(actor, c));
}

/**
 * What a refusal offers: the named commands (a refused command's `instead`, or the ones a handler
 * named) that this person may run, in the order named, never the refused one itself. Names that
 * are not commands are left out (the registry is the authority).
 */
export function insteadFor(actor: Actor, names: readonly string[], commands: readonly Command[], refused?: Command): Command[] {
  const byName = new Map(commands.map((c) => [c.name, c]));
  const out: Command[] = [];
  for (const name of names) {
    const c = byName.get(name);
    if (c && c !== refused && !out.includes(c) && mayRun(actor, c)) out.push(c);
  }
  return out;
}
