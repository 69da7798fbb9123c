import { z } from "zod";
import { sessionAccess, sessionKinds, speakerRoles, tracks } from "./tables";
import { scanItemFields, scanUploadScans } from "#features/checkin";

// The agenda's inputs, shared by the pages, the API and the demo seed.

const minute = z.number().int().min(0).max(1440);
const text = (max: number) => z.string().trim().max(max);
const slug = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: "programme_slug" });

export const editionInput = z.strictObject({ editionId: z.uuid() });

export const saveRoomInput = z.strictObject({
  editionId: z.uuid(),
  id: z.uuid().optional(),
  slug,
  nameEn: text(120).min(1),
  nameUr: text(120).min(1),
  capacity: z.number().int().min(1).max(100_000),
  /** The room's place in the grid's columns (0 first); left out: 0 for a new room, kept for a change. */
  sort: z.number().int().min(0).max(1000).optional(),
  /** An area of the edition's floor plan where the room is; null for none; left out keeps it. */
  floorAreaId: z.uuid().nullable().optional(),
});

export const saveSpeakerInput = z.strictObject({
  editionId: z.uuid(),
  id: z.uuid().optional(),
  slug,
  name: text(120).min(1),
  nameUr: text(120).default(""),
  organisation: text(160).default(""),
  role: text(160).default(""),
  bioEn: text(2000).default(""),
  bioUr: text(2000).default(""),
  photoUrl: z.url({ protocol: /^https$/ }).max(500).nullable().default(null),
  email: z.email().max(200).nullable().default(null),
  locale: z.enum(["en", "ur"]).default("en"),
  userId: z.uuid().nullable().default(null),
});

/** A session's fields (the API documents its body with them); `saveSessionInput` adds the checks across fields. */
export const saveSessionFields = z.strictObject({
    editionId: z.uuid(),
    id: z.uuid().optional(),
    kind: z.enum(sessionKinds),
    track: z.enum(tracks).default("general"),
    titleEn: text(200).min(1),
    titleUr: text(200).min(1),
    descriptionEn: text(4000).default(""),
    descriptionUr: text(4000).default(""),
    day: z.number().int().min(1).max(16),
    startMinute: minute,
    endMinute: minute,
    roomId: z.uuid(),
    language: z.enum(["en", "ur"]).default("ur"),
    interpretation: z.boolean().default(false),
    access: z.enum(sessionAccess).default("open"),
    rsvpRequired: z.boolean().default(false),
    categoryIds: z.array(z.uuid()).max(20).default([]),
    speakers: z
      .array(z.strictObject({ speakerId: z.uuid(), role: z.enum(speakerRoles).default("speaker") }))
      .max(30)
      .default([]),
});
export const saveSessionInput = saveSessionFields
  .refine((s) => s.endMinute > s.startMinute, { path: ["endMinute"], params: { code: "programme_end_before_start" } })
  .refine((s) => (s.access === "by_category") === s.categoryIds.length > 0, { path: ["categoryIds"], params: { code: "programme_categories_for_access" } });

/** Move a session: only its place in the grid. */
export const moveSessionInput = z
  .strictObject({ editionId: z.uuid(), id: z.uuid(), day: z.number().int().min(1).max(16), startMinute: minute, endMinute: minute, roomId: z.uuid() })
  .refine((s) => s.endMinute > s.startMinute, { path: ["endMinute"], params: { code: "programme_end_before_start" } });

export const sessionRefInput = z.strictObject({ editionId: z.uuid(), id: z.uuid() });

export const setHoursInput = z
  .strictObject({ editionId: z.uuid(), opensMinute: minute, closesMinute: minute })
  .refine((s) => s.closesMinute > s.opensMinute, { path: ["closesMinute"], params: { code: "programme_end_before_start" } });

export const publishReleaseInput = z.strictObject({ editionId: z.uuid(), name: text(80).min(1) });

export const inviteInput = z.strictObject({ editionId: z.uuid(), sessionId: z.uuid(), registrationIds: z.array(z.uuid()).min(1).max(500) });

export const inviteByCategoryInput = z.strictObject({ editionId: z.uuid(), sessionId: z.uuid(), categoryIds: z.array(z.uuid()).min(1).max(20) });

export const invitationsInput = z.strictObject({ editionId: z.uuid(), sessionId: z.uuid(), q: z.string().max(100).optional() });

/** A badge at a session's door: online (one scan) or uploaded from a device's queue (nonce each). */
export const doorScanInput = z.strictObject({
  editionId: z.uuid(),
  sessionId: z.uuid(),
  code: z.string().trim().min(1).max(600),
  nonce: z.string().min(8).max(64).optional(),
  deviceId: z.string().max(64).default(""),
  scannedAt: z.iso.datetime().optional(),
});

/** A door phone's queue, in the shape every scanner uploads (checkin/core/scan-queue.ts). */
export const doorUploadInput = z.strictObject({ editionId: z.uuid(), sessionId: z.uuid(), scans: scanUploadScans });
export const uploadedDoorScan = z.strictObject(scanItemFields);

/** Who reserves: a registration of the caller's account, or the holder of its manage link. */
export const holderInput = z.union([z.strictObject({ registrationId: z.uuid() }), z.strictObject({ token: z.string().min(20).max(100) })]);

export const rsvpInput = z.strictObject({ sessionId: z.uuid(), holder: holderInput });
