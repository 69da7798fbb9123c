// The pure side of nominations: the call's vocabulary and rules, and the nomination rows and
// spreadsheet (template, parsing, validation). No I/O beyond reading a file's bytes.
export * from "./call-rules";
export * from "./groups";
export * from "./rows";
export * from "./spreadsheet";
