// One module: the slot arena and the threat scanner share one linear memory,
// so request bytes are scanned where they were written.
export * from "./arena/arena";
export * from "./arena/memory";
export * from "./scanner/scanner";
export { scanJson, scanJsonValues, scanJsonBytes, scanJsonLongest, quietWords } from "./scanner/json";
export { scanList } from "./scanner/list";
