// Tracing, metrics and structured logs arrive with the observability issue (#6).
export {};
