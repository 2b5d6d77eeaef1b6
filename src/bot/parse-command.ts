// Finds the command a text starts with. Names and aliases may contain spaces ("help me") and
// Chinese commands need no space before their argument ("谈心张三"), so the longest name that
// prefixes the text wins; a Latin alias must end at a word boundary ("helpful" is not "help").
import type { Command } from "./context.ts";

export interface Parsed {
  command: Command;
  args: string;
}

export function buildParser(commands: readonly Command[]): (text: string) => Parsed | null {
  const words = commands
    .flatMap((command) => [command.name, ...command.aliases].map((word) => ({ word: word.toLowerCase(), command })))
    .sort((a, b) => b.word.length - a.word.length);
  return (text) => {
    const lower = text.trim().toLowerCase();
    for (const { word, command } of words) {
      if (!lower.startsWith(word)) continue;
      const next = lower.charAt(word.length);
      if (/[a-z0-9]$/.test(word) && /[a-z0-9]/.test(next)) continue;
      return { command, args: text.trim().slice(word.length).trim() };
    }
    return null;
  };
}
