// Layout facts the host needs, exported so it never mirrors a constant by hand.
import { SLOT_META_BYTES, M_GEN, M_STATE, STATE_IN_USE } from "./layout";
export function slotMetaBytes(): u32 { return SLOT_META_BYTES; }
export function slotGenOffset(): u32 { return M_GEN; }
export function slotStateOffset(): u32 { return M_STATE; }
export function slotStateInUse(): u32 { return STATE_IN_USE; }
