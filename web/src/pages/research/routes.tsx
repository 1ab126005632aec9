// The research pages (filled in by the area's work; see web/README.md for the pattern).
export const researchRoutes = [] as const;
