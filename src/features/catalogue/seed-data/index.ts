// Demo-edition seed data: pure data and a pure deterministic generator.
export * from "./types";
export * from "./showcase";
export * from "./enterprises";
