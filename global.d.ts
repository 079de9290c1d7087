import type { MessagesShape } from "./messages/types";

// Message keys are checked by the compiler: a key missing from messages/kk/*.json fails `tsc`.
declare module "next-intl" {
  interface AppConfig {
    Messages: MessagesShape;
  }
}
