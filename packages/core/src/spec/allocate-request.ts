import { z } from "zod";

/** Region and/or zone. Which one a provider needs is in its capabilities (`locationKind`). @public */
export const LocationSchema = z
  .object({
    region: z.string().min(1).max(64).optional(),
    zone: z.string().min(1).max(64).optional(),
  })
  .strict()
  .refine((location) => location.region !== undefined || location.zone !== undefined, {
    message: "location needs a region or a zone",
  });

/** @public */
export type Location = z.infer<typeof LocationSchema>;

/** Tag keys and values as most clouds accept them (1–128 character keys, values up to 256). @public */
export const TagsSchema = z.record(z.string().min(1).max(128), z.string().max(256));

/**
 * The neutral allocate request. Provider-only knobs go in `providerOptions[providerName]`, which each
 * adapter validates with its own schema (unknown keys are rejected there).
 * @public
 */
export const AllocateRequestSchema = z
  .object({
    location: LocationSchema,
    /** Target instance, required by providers whose capabilities say `requiresInstance`. */
    instanceId: z
      .string()
      .min(1)
      .max(128)
      // Ids are printable ASCII on every cloud: a space, CR/LF or NUL is a mistake, refused before anything bills.
      .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces or control characters")
      .optional(),
    count: z.number().int().min(1).max(100).default(1),
    tags: TagsSchema.default({}),
    /**
     * Makes a retried allocate return the first allocation instead of a second one. ASCII, at most 64
     * characters (the strictest provider limit, Alibaba's ClientToken).
     */
    idempotencyKey: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces")
      .optional(),
    providerOptions: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
  })
  .strict();

/** What callers pass to `allocate` (defaults not yet applied). @public */
export type AllocateRequestInput = z.input<typeof AllocateRequestSchema>;

/** A validated allocate request with defaults applied. @public */
export type AllocateRequest = z.output<typeof AllocateRequestSchema>;
