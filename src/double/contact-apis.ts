// POST /contact/v3/users/batch_get_id: the roster import finds members' Lark accounts by e-mail
// and mobile. Unknown ones come back without user_id, as Lark answers.
import type express from "express";
import { z } from "zod";
import { ok, parseBody } from "./api-shapes.ts";
import { larkErrors } from "./lark-errors.ts";
import type { OpenApiContext } from "./open-api-context.ts";
import type { DoubleUser } from "./types.ts";

const batchGetIdBody = z.object({
  emails: z.array(z.string()).max(50).optional(),
  mobiles: z.array(z.string()).max(50).optional(),
  include_resigned: z.boolean().optional(),
});

export function contactRoutes(r: express.Router, ctx: OpenApiContext): void {
  r.post("/contact/v3/users/batch_get_id", (req, res) => {
    const idType = String(req.query.user_id_type ?? "open_id");
    if (!["open_id", "union_id", "user_id"].includes(idType)) throw larkErrors.invalidParam("user_id_type must be open_id|union_id|user_id");
    const body = parseBody(batchGetIdBody, req.body);
    const users = [...ctx.store.users.values()].filter((u) => body.include_resigned || !u.resigned);
    const idOf = (u: DoubleUser) => (idType === "union_id" ? u.union_id : idType === "user_id" ? u.user_id : u.open_id);
    const found = (u: DoubleUser | undefined) => (u ? { user_id: idOf(u), status: userStatus(u) } : {});
    const user_list = [
      ...(body.emails ?? []).map((email) => ({ ...found(users.find((u) => u.email?.toLowerCase() === email.toLowerCase())), email })),
      ...(body.mobiles ?? []).map((mobile) => ({ ...found(users.find((u) => u.mobile && sameMobile(u.mobile, mobile))), mobile })),
    ];
    res.json(ok({ user_list }));
  });
}

function userStatus(u: DoubleUser) {
  return { is_frozen: false, is_resigned: u.resigned, is_activated: !u.resigned, is_exited: false, is_unjoin: false };
}

/** Lark takes mainland numbers with or without +86. */
function sameMobile(a: string, b: string): boolean {
  const norm = (m: string) => m.replace(/[\s-]/g, "").replace(/^\+86/, "");
  return norm(a) === norm(b);
}
