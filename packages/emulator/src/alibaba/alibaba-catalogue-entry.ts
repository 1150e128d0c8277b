/**
 * Every error code the Alibaba emulator can answer on its own, with its HTTP status, message, where that comes
 * from and what produces it. The README's "Alibaba error codes and their sources" table is checked against it.
 * A code may appear once per action when the docs give it another status or message there.
 */
export interface AlibabaCatalogueEntry {
  code: string;
  httpStatus: number;
  message: string;
  /** The action whose docs list it; undefined for gateway codes every action can answer. */
  action?: string;
  /** A seed page, an official doc URL, or "assumption: …" where the docs are silent. */
  source: string;
  /** What produces it from state or the request; "fault rule only" when only an `error-code` rule does. */
  trigger: string;
}
