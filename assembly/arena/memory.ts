// Raw memory helpers the host (and the pool benchmark's floor) call directly.

/** Zero `length` bytes at `address` with the bulk-memory fill instruction. */
export function zeroFill(address: usize, length: usize): void {
  memory.fill(address, 0, length);
}
