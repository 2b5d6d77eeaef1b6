// The double's images and files, by key: the app's uploads and what people sent (resources.ts
// serves them as Lark does).
import { hexId } from "./ids.ts";

export type ResourceKind = "image" | "file";

export interface StoredResource {
  kind: ResourceKind;
  bytes: Buffer;
  contentType: string;
  /** The app's own uploads may be sent by the bot; a person's only read through their message. */
  owner: "app" | "user";
  fileName?: string;
  /** image_type of an app upload (message | avatar), file_type of a file upload. */
  uploadType?: string;
}

export class ResourceStore {
  private readonly byKey = new Map<string, StoredResource>();

  add(r: StoredResource): string {
    const key = r.kind === "image" ? `img_v3_${hexId(16)}` : `file_v3_${hexId(16)}`;
    this.byKey.set(key, r);
    return key;
  }

  get(key: string): StoredResource | undefined {
    return this.byKey.get(key);
  }

  clear(): void {
    this.byKey.clear();
  }
}
