import { hasRole, type Actor } from "../domain/roles.ts";
import type { Command } from "./context.ts";

export function mayRun(actor: Actor, cmd: Command): boolean {
  return cmd.roles === "anyone" || hasRole(actor, cmd.roles);
}

/** The commands the actor's roles allow, in registry order: what help and welcome list. */
export function visibleCommands(actor: Actor, commands: readonly Command[]): Command[] {
  return commands.filter((c) => mayRun(actor, c));
}
