// Development entry for the scanner alone (the package entry is assembly/index.ts).
export * from "./scanner";
