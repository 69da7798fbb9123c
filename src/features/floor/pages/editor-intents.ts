import type { Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { oneOf, optionalOneOf } from "../../../web/form-fields";
import {
  addFloorArea,
  addFloorStalls,
  deleteFloorArea,
  deleteFloorStalls,
  editFloorArea,
  importFloorStalls,
  mergeFloorStalls,
  moveFloorStall,
  placeFloorBackground,
  removeFloorBackground,
  renumberFloorRow,
  setFloorBackground,
  undoFloorEdit,
} from "../operations/plan-edit";
import { areaKinds, stallTypes } from "../tables";

// The plan editor's forms (pages/floor-editor.tsx): each posts its `intent`; this runs the one
// operation it names with the form's fields and answers the key of the notice to show
// (`?done=<key>`). Nothing is checked here that the operations do not check themselves.

const MAX_UPLOAD = 1024 * 1024;

const list = (v: string) =>
  v
    .split(/[\s,،]+/)
    .map((s) => s.trim())
    .filter(Boolean);

export async function runEditorIntent(ctx: Ctx, form: FormData, hallId: string): Promise<string> {
  const text = (k: string) => String(form.get(k) ?? "").trim();
  const opt = (k: string) => (text(k) === "" ? undefined : text(k));
  const intent = text("intent");
  switch (intent) {
    case "add":
      await addFloorStalls(ctx, {
        hallId,
        first: text("first"),
        count: opt("count"),
        rows: opt("rows"),
        x: text("x"),
        y: text("y"),
        w: text("w"),
        d: text("d"),
        direction: optionalOneOf(form, "direction", ["left", "right", "down", "up"]),
        gap: opt("gap"),
        aisle: opt("aisle"),
        grid: opt("grid"),
        type: optionalOneOf(form, "type", stallTypes),
        power: form.has("power"),
        accessible: form.has("accessible"),
        areaId: opt("areaId"),
      });
      return "stalls";
    case "move":
      await moveFloorStall(ctx, { stallId: text("stallId"), x: text("x"), y: text("y"), w: opt("w"), h: opt("h"), number: opt("number"), grid: opt("grid") });
      return "moved";
    case "merge":
      await mergeFloorStalls(ctx, { stallId: text("stallId"), otherId: text("otherId") });
      return "merged";
    case "delete":
      await deleteFloorStalls(ctx, { hallId, stallIds: [text("stallId")] });
      return "deleted";
    case "renumber":
      await renumberFloorRow(ctx, { hallId, numbers: list(text("numbers")), first: text("first"), reverse: form.has("reverse") });
      return "renumbered";
    case "area":
      await addFloorArea(ctx, {
        hallId,
        kind: oneOf(form, "kind", areaKinds),
        clusterId: opt("clusterId"),
        code: text("code"),
        nameEn: text("nameEn"),
        nameUr: text("nameUr"),
        x: text("x"),
        y: text("y"),
        w: text("w"),
        h: text("h"),
        grid: opt("grid"),
      });
      return "area";
    case "import": {
      const file = form.get("file");
      if (!(file instanceof File) || file.size === 0) throw new DomainError("validation_failed", { fields: [{ path: "file", code: "floor_import_file" }] });
      if (file.size > MAX_UPLOAD) throw new DomainError("payload_too_large", { params: { max: MAX_UPLOAD } });
      const format = /\.dxf$/i.test(file.name) ? "dxf" : /\.csv$/i.test(file.name) ? "csv" : null;
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (!format || bytes.includes(0)) throw new DomainError("validation_failed", { fields: [{ path: "file", code: "floor_import_type" }] });
      await importFloorStalls(ctx, { hallId, format, text: new TextDecoder().decode(bytes), layer: opt("layer"), scale: opt("scale"), first: opt("first") });
      return "imported";
    }
    case "undo":
      await undoFloorEdit(ctx, { hallId });
      return "undone";
    case "areaEdit":
      await editFloorArea(ctx, { hallId, areaId: text("areaId"), kind: oneOf(form, "kind", areaKinds), clusterId: opt("clusterId"), code: text("code"), nameEn: text("nameEn"), nameUr: text("nameUr"), x: opt("x"), y: opt("y"), w: opt("w"), h: opt("h"), grid: opt("grid") });
      return "areaEdited";
    case "areaDelete":
      await deleteFloorArea(ctx, { hallId, areaId: text("areaId") });
      return "areaDeleted";
    case "background": {
      const file = form.get("file");
      const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
      await setFloorBackground(ctx, { hallId, bytes, widthM: text("widthM"), offsetX: opt("offsetX"), offsetY: opt("offsetY"), public: form.has("public") });
      return "background";
    }
    case "backgroundPlace":
      await placeFloorBackground(ctx, { hallId, widthM: text("widthM"), offsetX: opt("offsetX"), offsetY: opt("offsetY"), public: form.has("public") });
      return "backgroundPlaced";
    case "backgroundRemove":
      await removeFloorBackground(ctx, { hallId });
      return "backgroundRemoved";
    default:
      throw new DomainError("bad_request");
  }
}
