// Suggestions and oversight (意见建议): members' suggestions, named or anonymous, and their answers.
// This area's commands and card actions, spread into the one registry (src/bot/registry.ts).
import type { CardAction, Command } from "../context.ts";
import { suggestionAnswer } from "./actions/answer.ts";
import { suggestionSubmit } from "./actions/submit.ts";
import { mySuggestions } from "./commands/my-suggestions.ts";
import { suggest } from "./commands/suggest.ts";

export const SUGGESTION_COMMANDS: readonly Command[] = [suggest, mySuggestions];

// Each action keeps its own value/form types in its file; the list erases them.
export const SUGGESTION_ACTIONS: readonly CardAction<any, any>[] = [suggestionSubmit, suggestionAnswer];
