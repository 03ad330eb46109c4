// typedarray-pool requires 'buffer' only for Buffer.isBuffer; the browser bench never passes Buffers.
export const Buffer = { isBuffer: () => false };
export default { Buffer };
