// The editions pages (filled in by the area's work; see web/README.md for the pattern).
export const editionsRoutes = [] as const;
